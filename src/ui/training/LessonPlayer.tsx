import { useEffect } from 'react';
import { isoAt } from '../../model/calendar.ts';
import { allEquipment } from '../../model/plantEquipment.ts';
import { trainingStore, useTraining } from '../../state/trainingStore.ts';
import { useTwin, viewStore } from '../../state/twinStore.ts';
import type { Highlight } from '../../training/lessonSchema.ts';
import { equipmentBox } from '../../twin/cameraFit.ts';
import { ProblemList } from '../ProblemList.tsx';
import { AlarmList } from './AlarmList.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { DecisionFeedbackCard } from './DecisionFeedbackCard.tsx';
import { KpiStrip } from './KpiStrip.tsx';
import { usePlantMinutes } from '../usePlantMinutes.ts';

const clock = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** Metres of floor shown around highlighted machines, so their neighbours are in view too. */
const CONTEXT = 8;

/**
 * Points the twin's camera at the machines a step or decision highlights. They are not selected:
 * the selection colour would hide the state colour the trainee should read.
 */
function useHighlights(highlight: readonly Highlight[] | undefined): void {
  const layout = useTwin((s) => s.plant?.layout);
  useEffect(() => {
    if (!layout || !highlight) return;
    const ids = highlight.filter((h) => h.kind === 'machine' || h.kind === 'gantt-row').map((h) => h.id);
    const box = equipmentBox(allEquipment(layout).filter((e) => ids.includes(e.id)));
    if (box) viewStore.getState().focusOn({ ...box, minX: box.minX - CONTEXT, maxX: box.maxX + CONTEXT, minY: box.minY - CONTEXT, maxY: box.maxY + CONTEXT });
  }, [layout, highlight]);
}

/** A lesson in play: where it is, the plant's figures, the step or decision at hand, and the alarm list. */
export function LessonPlayer() {
  const opened = useTraining((s) => s.opened)!;
  const view = useTraining((s) => s.view);
  const reached = useTraining((s) => s.reached);
  const status = useTraining((s) => s.status);
  const problems = useTraining((s) => s.problems);
  const minutes = usePlantMinutes();
  const highlight = view?.step?.highlight ?? view?.decision?.highlight;
  useHighlights(reached ? highlight : undefined);
  if (!view) return null;
  const lesson = opened.lesson;
  return (
    <div className="training" data-testid="lesson-player" data-pause={view.index} data-kind={view.kind} data-reached={reached ? 'yes' : 'no'} data-status={status}>
      <header className="lesson-header">
        <h2 className="lesson-name">{lesson.title}</h2>
        <div className="lesson-progress">Pause {view.index + 1} of {view.count} · plant time {clock(isoAt(opened.startIso, minutes))}</div>
        <button type="button" className="quiet-text" onClick={() => trainingStore.getState().leave()}>Leave the lesson</button>
      </header>
      <KpiStrip view={view} highlight={reached ? highlight ?? [] : []} />
      <section className="lesson-card" aria-live="polite" data-testid="lesson-card">
        {!reached && status === 'playing' && (
          <>
            <p>Playing the plant to {clock(view.atIso)}…</p>
            <button type="button" data-testid="skip-to-pause" onClick={() => trainingStore.getState().skipToPause()}>Skip to {view.kind === 'end' ? 'the end' : 'the pause'}</button>
          </>
        )}
        {reached && view.kind === 'step' && view.step && status === 'playing' && (
          <>
            {view.step.title && <h3>{view.step.title}</h3>}
            <p>{view.step.text}</p>
            <HighlightList highlight={view.step.highlight} />
            <button type="button" className="primary" data-testid="continue" onClick={() => { void trainingStore.getState().proceed(); }}>Continue</button>
          </>
        )}
        {reached && view.kind === 'decision' && status === 'playing' && <DecisionForm view={view} />}
        {reached && view.kind === 'end' && status === 'playing' && (
          <button type="button" className="primary" data-testid="finish" onClick={() => { void trainingStore.getState().proceed(); }}>See the score</button>
        )}
        {status === 'judging' && <p className="busy" role="status">Simulating every alternative to the end of the lesson…</p>}
        {status === 'feedback' && <DecisionFeedbackCard />}
        {status === 'finishing' && <p className="busy" role="status">Scoring the lesson and running the best run…</p>}
        {problems.length > 0 && <ProblemList problems={problems} />}
      </section>
      <AlarmList />
    </div>
  );
}

function HighlightList({ highlight }: { highlight: readonly Highlight[] }) {
  if (highlight.length === 0) return null;
  const words: Record<Highlight['kind'], string> = { machine: 'machine', kpi: 'KPI', 'gantt-row': 'Gantt row', alarm: 'alarm' };
  return (
    <p className="lesson-look">Look at: {highlight.map((h, i) => <span key={i} className="lesson-look-item">{words[h.kind]} {h.id}</span>)}</p>
  );
}

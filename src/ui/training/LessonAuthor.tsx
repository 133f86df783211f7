import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Problem } from '../../model/problem.ts';
import { bundledSamples } from '../../state/bundledSamples.ts';
import { trainingCheck, trainingStore } from '../../state/trainingStore.ts';
import type { LessonInput } from '../../training/lessonSchema.ts';
import { ProblemList } from '../ProblemList.tsx';
import { emptyLesson, freshId, scenarioFacts, timeAt } from './authorModel.ts';
import { AlarmEditor, DecisionEditor, EventEditor, StepEditor, type ItemList } from './AuthorItems.tsx';
import { AuthorTimeline } from './AuthorTimeline.tsx';
import { downloadText as download } from '../downloadFile.ts';

type Item = Record<string, unknown>;
const SCENARIOS = [...bundledSamples.keys()].filter((k) => k.startsWith('scenarios/')).sort();
const EVENT_KINDS = ['breakdown', 'rush-order', 'material-shortage', 'operator-absent', 'stale-data'];
const DECISION_KINDS = ['next-job', 'dispatching-rule', 'reroute', 'rush-order', 'sequence', 'identify-bottleneck', 'estimate'];
/** Where authored lessons are meant to be saved, so that "../<scenario>.json" points at the sample. */
const LESSON_DIR = 'scenarios/training';

/**
 * The instructor's lesson editor: a scenario, steps, events and decisions placed on the lesson's
 * timeline, alarm rules and scoring. It is checked as it changes by the same loader as
 * `plant-twin validate` (in the training worker), exported as a file, or played at once.
 */
export function LessonAuthor({ onClose }: { onClose: () => void }) {
  const [scenario, setScenario] = useState(SCENARIOS.find((s) => s.includes('kitchen')) ?? SCENARIOS[0]!);
  const facts = useMemo(() => scenarioFacts(scenario, bundledSamples), [scenario]);
  const [lesson, setLesson] = useState<LessonInput>(() => emptyLesson(facts!));
  const [selected, setSelected] = useState<{ list: ItemList; index: number } | undefined>();
  const [problems, setProblems] = useState<Problem[] | undefined>();
  const text = useMemo(() => `${JSON.stringify(lesson, null, 2)}\n`, [lesson]);
  const file = `${LESSON_DIR}/${lesson.id || 'lesson'}.json`;

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => { void trainingCheck(text, file).then((p) => { if (live) setProblems(p); }); }, 300);
    return () => { live = false; clearTimeout(timer); };
  }, [text, file]);

  if (!facts) return null;
  const set = (patch: Partial<LessonInput>) => setLesson((l) => ({ ...l, ...patch }));
  const items = (name: ItemList): Item[] => ((lesson[name] ?? []) as unknown as Item[]);
  const setItems = (name: ItemList, next: Item[]) => set({ [name]: next } as Partial<LessonInput>);
  const change = (name: ItemList, index: number, patch: Item) => setItems(name, items(name).map((it, i) => (i === index ? { ...it, ...patch } : it)));
  const remove = (name: ItemList, index: number) => { setItems(name, items(name).filter((_, i) => i !== index)); setSelected(undefined); };
  const at = timeAt(facts, 6 * 60 + 1440);
  const add = (name: ItemList, kind?: string) => {
    const ids = items(name).map((i) => String(i.id));
    const prefix = kind ?? name.replace(/s$/, '');
    let item: Item = { id: freshId(prefix, ids) };
    if (name === 'steps') item = { ...item, at, text: 'What the trainee should look at.', highlight: [] };
    if (name === 'events') item = { ...item, kind, at, ...(kind === 'rush-order' ? { order: { id: freshId('RUSH', []), quantity: 10, due: timeAt(facts, 3 * 1440), priority: 8 } } : { duration: 120 }) };
    if (name === 'decisions') item = { ...item, kind, prompt: 'What do you do?', ...(kind === 'rush-order' ? {} : { at }), ...(kind === 'estimate' ? { kpi: 'late-orders', tolerance: 3 } : {}), ...(kind === 'dispatching-rule' ? { options: ['FIFO', 'EDD', 'SPT', 'ATCS'] } : {}) };
    if (name === 'alarms') item = { ...item, kind: 'machine-down', priority: 'high' };
    setItems(name, [...items(name), item]);
    if (name !== 'alarms' && !(name === 'decisions' && kind === 'rush-order')) setSelected({ list: name, index: items(name).length });
  };
  const placeAt = (minutes: number) => { if (selected) change(selected.list, selected.index, { at: timeAt(facts, minutes) }); };
  const importLesson = async (f: File | undefined) => {
    if (!f) return;
    try { setLesson(JSON.parse(await f.text()) as LessonInput); } catch { setProblems([{ file: f.name, path: '', expected: 'a lesson in JSON', found: 'text that is not JSON' }]); }
  };
  const weights = new Map((lesson.scoring?.kpis ?? []).map((k) => [k.kpi, k.weight]));
  const setWeight = (kpi: string, weight: number) => set({
    scoring: { ...lesson.scoring, kpis: [...(lesson.scoring.kpis ?? []).filter((k) => k.kpi !== kpi), ...(weight > 0 ? [{ kpi, weight } as LessonInput['scoring']['kpis'][number]] : [])] },
  });

  const section = (name: ItemList, title: string, kinds: string[] | undefined, Editor: typeof StepEditor) => (
    <section className="author-section" data-testid={`author-${name}`}>
      <h2>{title}</h2>
      {items(name).map((item, index) => (
        <fieldset key={`${name}-${index}-${String(item.kind ?? '')}`} className={`author-item${selected?.list === name && selected.index === index ? ' author-selected' : ''}`}>
          <legend>{String(item.kind ?? 'step')} <code>{String(item.id)}</code></legend>
          <label className="author-field"><span>Id</span><input data-testid={`${name}-${index}-id`} value={String(item.id ?? '')} onChange={(e) => change(name, index, { id: e.target.value })} /></label>
          {'at' in item && (
            <label className="author-field"><span>At</span>
              <input data-testid={`${name}-${index}-at`} value={String(item.at)} onChange={(e) => change(name, index, { at: e.target.value })} />
              <button type="button" onClick={() => setSelected({ list: name, index })} data-testid={`${name}-${index}-place`}>Place on the timeline</button>
            </label>
          )}
          <Editor item={item} facts={facts} lesson={lesson} testid={`${name}-${index}`} change={(patch) => change(name, index, patch)} />
          <button type="button" className="quiet-text" onClick={() => remove(name, index)}>Remove</button>
        </fieldset>
      ))}
      <div className="author-add">
        {kinds ? kinds.map((k) => <button key={k} type="button" data-testid={`add-${name}-${k}`} onClick={() => add(name, k)}>+ {k}</button>)
          : <button type="button" data-testid={`add-${name}`} onClick={() => add(name)}>+ {name.replace(/s$/, '')}</button>}
      </div>
    </section>
  );

  return createPortal(
    <div className="debrief-overlay author" role="dialog" aria-modal="true" aria-label="Author a lesson" data-testid="lesson-author">
      <article className="debrief-page">
        <header className="debrief-head">
          <h1>Author a lesson</h1>
          <div className="debrief-buttons">
            <label className="file-button">Edit a lesson file…<input type="file" accept=".json" onChange={(e) => { void importLesson(e.target.files?.[0]); e.target.value = ''; }} /></label>
            <button type="button" data-testid="export-lesson" disabled={problems === undefined || problems.length > 0} onClick={() => download(`${lesson.id}.json`, text, 'application/json')}>Export</button>
            <button type="button" className="primary" data-testid="play-lesson" disabled={problems === undefined || problems.length > 0}
              onClick={() => { void trainingStore.getState().open(file, text); onClose(); }}>Play it</button>
            <button type="button" onClick={onClose} data-testid="close-author">Close</button>
          </div>
        </header>
        <section className="author-section">
          <h2>Lesson</h2>
          <label className="author-field"><span>Scenario</span>
            <select data-testid="author-scenario" value={scenario} onChange={(e) => {
              const next = scenarioFacts(e.target.value, bundledSamples);
              setScenario(e.target.value);
              if (next) set({ source: { kind: 'scenario', scenario: next.ref } });
            }}>
              {SCENARIOS.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          <label className="author-field"><span>Id</span><input data-testid="author-id" value={lesson.id} onChange={(e) => set({ id: e.target.value })} /></label>
          <label className="author-field"><span>Title</span><input data-testid="author-title" value={lesson.title} onChange={(e) => set({ title: e.target.value })} /></label>
          <label className="author-field"><span>Seed</span><input type="number" data-testid="author-seed" value={lesson.seed} onChange={(e) => set({ seed: Number(e.target.value) })} /></label>
          <label className="author-field"><span>Goals (one per line)</span>
            <textarea data-testid="author-goals" rows={2} value={(lesson.goals ?? []).join('\n')} onChange={(e) => set({ goals: e.target.value.split('\n') })} />
          </label>
          <p className="author-note">Saved as <code>{file}</code>: the scenario is referenced as <code>{lesson.source.kind === 'scenario' ? lesson.source.scenario : ''}</code> from there.</p>
        </section>
        <AuthorTimeline facts={facts} lesson={lesson} selected={selected} onPlace={placeAt} />
        {section('steps', 'Steps', undefined, StepEditor)}
        {section('events', 'Injected events', EVENT_KINDS, EventEditor)}
        {section('decisions', 'Decisions', DECISION_KINDS, DecisionEditor)}
        {section('alarms', 'Alarm rules', undefined, AlarmEditor)}
        <section className="author-section">
          <h2>Scoring</h2>
          {['late-orders', 'weighted-tardiness-hours', 'setup-hours', 'wip-lots', 'good-units', 'lead-time-hours', 'refused-orders'].map((kpi) => (
            <label key={kpi} className="author-field"><span>Weight of {kpi}</span>
              <input type="number" step="any" min={0} data-testid={`weight-${kpi}`} value={weights.get(kpi as never) ?? 0} onChange={(e) => setWeight(kpi, Number(e.target.value))} />
            </label>
          ))}
          <label className="author-field"><span>Runs per alternative</span>
            <input type="number" min={1} max={20} value={lesson.scoring.replications ?? 3} onChange={(e) => set({ scoring: { ...lesson.scoring, replications: Number(e.target.value) } })} />
          </label>
        </section>
        <section className="author-section" aria-live="polite" data-testid="author-problems" data-count={problems?.length ?? -1}>
          <h2>Check</h2>
          {problems === undefined ? <p>Checking…</p> : problems.length === 0 ? <p data-testid="author-valid">The lesson is valid: export it or play it.</p> : <ProblemList problems={problems} />}
        </section>
        <details className="author-section">
          <summary>The lesson file</summary>
          <pre className="author-json">{text}</pre>
        </details>
      </article>
    </div>,
    document.body,
  );
}

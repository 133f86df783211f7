import { trainingStore, useTraining } from '../../state/trainingStore.ts';
import { KPI_LABELS, type LessonKpis } from '../../training/lessonKpis.ts';
import { one } from './format.ts';

const COLUMNS: { key: keyof LessonKpis; short: string }[] = [
  { key: 'late-orders', short: 'late' }, { key: 'setup-hours', short: 'setup h' }, { key: 'wip-lots', short: 'WIP' },
];

/** What the decision did, with the numbers: points, each alternative's outcome (yours, the best, the scheduler's), and the tool's own answer to a question. */
export function DecisionFeedbackCard() {
  const f = useTraining((s) => s.feedback);
  if (!f) return null;
  const p = f.points;
  return (
    <div className="feedback" data-testid="feedback" data-decision={f.decision} data-earned={p ? String(p.earned) : ''}>
      <h3>{f.title}</h3>
      <p className="feedback-score">
        {p ? <><strong>{one(p.earned)}</strong> of {p.points} points{p.hintCost ? `, hints −${one(p.hintCost)}` : ''}{p.timePenalty ? `, time −${one(p.timePenalty)}` : ''}</> : 'Not scored'}
      </p>
      {f.lines.map((line, i) => <p key={i}>{line}</p>)}
      {f.outcomes && (
        <table className="outcomes" data-testid="outcomes">
          <caption className="visually-hidden">Every alternative simulated to the end of the lesson</caption>
          <thead>
            <tr><th scope="col">Alternative</th>{COLUMNS.map((c) => <th key={c.key} scope="col" title={KPI_LABELS[c.key]}>{c.short}</th>)}<th scope="col" title="the lesson's weighted cost; lower is better">cost</th></tr>
          </thead>
          <tbody>
            {f.outcomes.map((o) => (
              <tr key={o.option} className={[o.option === f.chosen ? 'mine' : '', o.option === f.best ? 'best' : ''].join(' ')} data-option={o.option}>
                <th scope="row" title={o.label}>
                  {o.option}
                  {o.option === f.chosen && <span className="tag"> yours</span>}
                  {o.option === f.best && <span className="tag"> best</span>}
                  {o.option === f.scheduler?.option && <span className="tag"> scheduler</span>}
                </th>
                {COLUMNS.map((c) => <td key={c.key}>{one(o.kpis[c.key])}</td>)}
                <td>{one(o.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="primary" data-testid="continue" onClick={() => { void trainingStore.getState().proceed(); }}>Continue</button>
    </div>
  );
}

import type { ExperimentResultFile } from '../../experiment/runExperiment.ts';
import type { IntervalJson } from '../../experiment/summary.ts';
import { LeadTimeBoxes, PerDayBars, ResponsePlot, StateBars, WipBands } from './charts.tsx';

const COLUMNS = [
  { kpi: 'unitsPerDay', label: 'Units/day', digits: 0, scale: 1 },
  { kpi: 'onTimeRate', label: 'On time %', digits: 1, scale: 100 },
  { kpi: 'leadTimeMean', label: 'Lead time h', digits: 1, scale: 1 / 60 },
  { kpi: 'wipLots', label: 'WIP lots', digits: 1, scale: 1 },
  { kpi: 'totalTardiness', label: 'Tardiness h', digits: 0, scale: 1 / 60 },
] as const;

function figure(i: IntervalJson | undefined, digits: number, scale: number): string {
  if (!i || i.mean === null) return '–';
  return i.halfWidth === null ? (i.mean * scale).toFixed(digits) : `${(i.mean * scale).toFixed(digits)} ± ${(i.halfWidth * scale).toFixed(digits)}`;
}

function Delta({ d, digits, scale }: { d: IntervalJson | undefined; digits: number; scale: number }) {
  if (!d || d.mean === null) return null;
  const excludesZero = d.lower !== null && d.upper !== null && (d.lower > 0 || d.upper < 0);
  const text = `${d.mean >= 0 ? '+' : ''}${(d.mean * scale).toFixed(digits)}`;
  const range = d.lower !== null && d.upper !== null ? ` [${(d.lower * scale).toFixed(digits)}, ${(d.upper * scale).toFixed(digits)}]` : '';
  return <div className={excludesZero ? 'delta significant' : 'delta'} title="paired difference to the first system, 95 % interval">{text}{range}</div>;
}

/** The experiment's results: KPI table with paired differences, the best choice, and the charts. */
export function ExperimentResults({ result, focus, onFocus }: { result: ExperimentResultFile; focus: number; onFocus(system: number): void }) {
  const sel = result.selection;
  return (
    <div className="experiment-results" data-testid="experiment-results">
      <h3>{result.experiment.name}</h3>
      <p className="experiment-note">
        {result.systems.length} systems, seed {result.seed} for all (common random numbers); ± is the 95 % half-width across replications;
        the second line of each cell is the paired difference to <b>{result.systems[0]!.id}</b> with its 95 % interval, in bold where it excludes 0.
      </p>
      {sel && (
        <div className="experiment-best" data-testid="experiment-best">
          <p><b>Best ({sel.goal} {sel.kpi}): {sel.best ? `${sel.best} — ${result.systems.find((s) => s.id === sel.best)?.name}` : 'none'}</b></p>
          <p data-testid="experiment-guarantee">{sel.statement}</p>
          <p className="experiment-note">Replications: {sel.systems.map((s) => `${s.id} ${s.replications}${s.reason ? ` (${s.reason})` : ''}`).join(', ')}</p>
        </div>
      )}
      <table className="experiment-table" data-testid="experiment-table">
        <thead>
          <tr><th>System</th><th>Reps</th>{COLUMNS.map((c) => <th key={c.kpi}>{c.label}</th>)}<th>Bottleneck</th></tr>
        </thead>
        <tbody>
          {result.systems.map((s, i) => (
            <tr key={s.id} className={i === focus ? 'focused' : undefined} data-system={s.id}>
              <td><button type="button" className="link" onClick={() => onFocus(i)} title="Show its machines and its bottleneck in the twin">{s.id}</button><div className="system-name">{s.name}</div></td>
              <td>{s.replications}</td>
              {COLUMNS.map((c) => (
                <td key={c.kpi} data-testid={`kpi-${s.id}-${c.kpi}`}>
                  {figure(s.kpis[c.kpi], c.digits, c.scale)}
                  <Delta d={s.differences?.[c.kpi]} digits={c.digits} scale={c.scale} />
                </td>
              ))}
              <td>{s.bottleneck ? `${s.bottleneck.id} (${s.bottleneck.replications}/${s.replications})` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="experiment-charts">
        <figure><figcaption>Lead-time distribution</figcaption><LeadTimeBoxes result={result} /></figure>
        <figure><figcaption>Time in state per machine — {result.systems[focus]!.id} (▶ its bottleneck, selected in the twin)</figcaption><StateBars result={result} system={focus} /></figure>
        <figure><figcaption>Work in process over time</figcaption><WipBands result={result} /></figure>
        <figure><figcaption>Units finished per day</figcaption><PerDayBars result={result} /></figure>
        {Object.keys(result.systems[0]!.levels).length > 0 && <figure><figcaption>Response</figcaption><ResponsePlot result={result} /></figure>}
      </div>
    </div>
  );
}

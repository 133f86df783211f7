import { comparisonStore, useComparison } from '../state/comparisonStore.ts';
import type { Interval } from '../sim/confidence.ts';
import type { KpiDelta } from '../sim/plant/kpiDeltas.ts';
import { ProblemList } from './ProblemList.tsx';
import './layoutComparison.css';

/** Shares read as percent (points for a difference); the rest in their own unit. */
function show(value: number, unit: string, signed = false): string {
  if (!Number.isFinite(value)) return '—';
  const share = unit === 'share';
  const scaled = share ? value * 100 : value;
  const text = scaled.toFixed(Math.abs(scaled) >= 100 ? 0 : 1);
  return `${signed && scaled > 0 ? '+' : ''}${text}${share ? (signed ? ' pt' : ' %') : ''}`;
}

const range = (i: Interval, unit: string) =>
  Number.isFinite(i.halfWidth) ? `${show(i.lower, unit, true)} … ${show(i.upper, unit, true)}` : '—';

/** Edited − original per KPI with the confidence interval of the paired difference. */
export function LayoutComparisonPanel() {
  const status = useComparison((s) => s.status);
  const progress = useComparison((s) => s.progress);
  const rows = useComparison((s) => s.rows);
  const problems = useComparison((s) => s.problems);
  const error = useComparison((s) => s.error);
  const stale = useComparison((s) => s.stale);
  const replications = useComparison((s) => s.replications);
  const seed = useComparison((s) => s.seed);
  if (status === 'idle') return null;
  const comparison = comparisonStore.getState();
  return (
    <section className="layout-comparison" aria-label="Compare with original" data-testid="compare-panel">
      <header>
        <h3>Edited layout − original</h3>
        {status === 'running'
          ? <button type="button" onClick={() => comparison.cancel()} data-testid="compare-cancel">Cancel</button>
          : <button type="button" className="quiet" onClick={() => comparison.close()} aria-label="Close comparison" title="Close">×</button>}
      </header>
      {status === 'running' && <progress value={progress} max={1} data-testid="compare-progress" />}
      {status === 'cancelled' && <p className="comparison-note">Cancelled.</p>}
      {status === 'failed' && <p className="field-error" data-testid="compare-status">{error}</p>}
      {status === 'invalid' && (
        <div className="save-problems" role="alert" data-testid="compare-problems">
          <p>The scenario does not run on the edited layout:</p>
          <ProblemList problems={problems} />
        </div>
      )}
      {status === 'done' && (
        <>
          <p className="comparison-note">
            Both layouts, {replications} replications, seed {seed}: the same random numbers, so each difference is paired by replication.
            A bold row's 95 % interval excludes 0.{stale && <strong data-testid="compare-stale"> The layout changed since; compare again.</strong>}
          </p>
          <table className="comparison-table" data-testid="compare-table">
            <thead><tr><th>KPI</th><th>Original</th><th>Edited</th><th>Δ</th><th>95 % CI of Δ</th></tr></thead>
            <tbody>{rows.map((row) => <DeltaRow key={row.key} row={row} />)}</tbody>
          </table>
        </>
      )}
    </section>
  );
}

function DeltaRow({ row }: { row: KpiDelta }) {
  const { delta, unit } = row;
  return (
    <tr
      className={row.significant ? 'significant' : undefined}
      data-testid="compare-row" data-kpi={row.key} data-significant={row.significant}
      data-delta={delta.mean} data-lower={delta.lower} data-upper={delta.upper}
    >
      <th scope="row">{row.label}{unit !== 'share' && <span className="unit"> ({unit})</span>}</th>
      <td>{show(row.base.mean, unit)}</td>
      <td>{show(row.candidate.mean, unit)}</td>
      <td>{show(delta.mean, unit, true)}</td>
      <td>{range(delta, unit)}{row.significant ? ' ✱' : ''}</td>
    </tr>
  );
}

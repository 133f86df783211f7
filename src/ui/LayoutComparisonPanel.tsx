import { comparisonStore, useComparison } from '../state/comparisonStore.ts';
import { useTwin } from '../state/twinStore.ts';
import type { Interval } from '../sim/confidence.ts';
import type { KpiDelta } from '../sim/plant/kpiDeltas.ts';
import { KPIS, type KpiSpec } from './kpis.tsx';
import { ProblemList } from './ProblemList.tsx';
import './layoutComparison.css';

/** The app-wide spec of a row's KPI (lead time in hours, shares in percent), so every panel says the same. */
function specOf(row: KpiDelta): KpiSpec {
  const known: Record<string, KpiSpec> = {
    unitsPerDay: KPIS.unitsPerDay, onTimeRate: KPIS.onTimeRate, leadTimeMean: KPIS.leadTimeMean, wipLots: KPIS.wipLots,
    travelMetresPerDay: KPIS.travelMetresPerDay, bottleneckUtilisation: KPIS.utilisation, bottleneckOee: KPIS.oee,
  };
  return known[row.key] ?? { label: row.label, unit: row.unit === 'share' ? '%' : row.unit, scale: row.unit === 'share' ? 100 : 1, digits: 1, definition: row.label, missing: 'no value in these runs' };
}

/** One number in the row's unit; differences signed, percent differences in points. */
function show(spec: KpiSpec, value: number, signed = false): string {
  if (!Number.isFinite(value)) return '—';
  const scaled = value * spec.scale;
  const text = scaled.toFixed(Math.abs(scaled) >= 100 ? 0 : Math.max(1, spec.digits));
  return `${signed && scaled > 0 ? '+' : ''}${text}${spec.unit === '%' ? (signed ? ' pt' : ' %') : ''}`;
}

const range = (spec: KpiSpec, i: Interval) =>
  Number.isFinite(i.halfWidth) ? `${show(spec, i.lower, true)} … ${show(spec, i.upper, true)}` : '—';

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
  const plant = useTwin((s) => s.plant);
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
      {status === 'running' && <progress value={progress} max={1} aria-label="Comparison progress" data-testid="compare-progress" />}
      <p className="visually-hidden" role="status">{status === 'running' ? 'Comparing layouts…' : status === 'done' ? 'Comparison finished.' : ''}</p>
      {status === 'cancelled' && <p className="comparison-note">Cancelled.</p>}
      {status === 'failed' && <p className="field-error" data-testid="compare-status">{error}</p>}
      {status === 'invalid' && (
        <div className="save-problems" role="alert" data-testid="compare-problems">
          <p>The scenario does not run on the edited layout:</p>
          <ProblemList problems={problems} data={plant ? { [plant.layoutFile]: plant.layout, ...(plant.scenarioFile && plant.scenario ? { [plant.scenarioFile]: plant.scenario } : {}) } : undefined} />
        </div>
      )}
      {(status === 'done' || (status === 'running' && rows.length > 0)) && (
        <div className={status === 'running' ? 'results-outdated' : undefined} aria-busy={status === 'running'} data-outdated={status === 'running' || undefined}>
          {status === 'running' && <p className="comparison-note">The previous comparison; a new one is computing.</p>}
          <p className="comparison-note">
            Both layouts, {replications} replications, seed {seed}: the same random numbers, so each difference is paired by replication.
            A bold row's 95 % interval excludes 0.{stale && <strong data-testid="compare-stale"> The layout changed since; compare again.</strong>}
          </p>
          <table className="comparison-table" data-testid="compare-table">
            <thead><tr><th>KPI</th><th>Original</th><th>Edited</th><th>Δ</th><th>95 % CI of Δ</th></tr></thead>
            <tbody>{rows.map((row) => <DeltaRow key={row.key} row={row} />)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DeltaRow({ row }: { row: KpiDelta }) {
  const { delta } = row;
  const spec = specOf(row);
  return (
    <tr
      className={row.significant ? 'significant' : undefined}
      data-testid="compare-row" data-kpi={row.key} data-significant={row.significant}
      data-delta={delta.mean} data-lower={delta.lower} data-upper={delta.upper}
    >
      <th scope="row"><abbr className="kpi-label" title={spec.definition}>{row.label}</abbr>{spec.unit !== '%' && <span className="unit"> ({spec.unit})</span>}</th>
      <td>{show(spec, row.base.mean)}</td>
      <td>{show(spec, row.candidate.mean)}</td>
      <td>{show(spec, delta.mean, true)}</td>
      <td>{range(spec, delta)}{row.significant ? ' ✱' : ''}</td>
    </tr>
  );
}

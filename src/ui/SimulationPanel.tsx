import { simulationStore, useSimulation } from '../state/simulationStore.ts';
import { useTwin } from '../state/twinStore.ts';
import type { Interval } from '../sim/confidence.ts';
import type { ReplicationSummary } from '../sim/plant/replicatePlant.ts';
import './simulationPanel.css';

/** "12.3 ± 0.4": a mean with its confidence half-width (none from a single value). */
function withHalfWidth(i: Interval, scale = 1, digits = 1): string {
  const mean = (i.mean * scale).toFixed(digits);
  return Number.isFinite(i.halfWidth) ? `${mean} ± ${(i.halfWidth * scale).toFixed(digits)}` : mean;
}

/**
 * Runs the scenario on screen in the worker pool: one traced replication that the timeline then
 * plays, and N replications whose KPIs are shown with confidence intervals.
 */
export function SimulationPanel() {
  const hasScenario = useTwin((s) => s.plant?.scenario !== undefined);
  const status = useSimulation((s) => s.status);
  const progress = useSimulation((s) => s.progress);
  const replications = useSimulation((s) => s.replications);
  const summary = useSimulation((s) => s.summary);
  const error = useSimulation((s) => s.error);
  const running = status === 'running';
  const sim = simulationStore.getState();

  return (
    <section className="simulation" aria-label="Simulation" data-testid="simulation">
      <div className="simulation-controls">
        <label className="simulation-reps">
          <input
            type="number" min={2} max={1000} step={1} value={replications} disabled={running}
            onChange={(e) => sim.setReplications(Number(e.target.value))}
            aria-label="Replications" data-testid="simulation-replications"
          />
          <span>replications</span>
        </label>
        {running
          ? <button type="button" onClick={() => sim.cancel()} data-testid="simulation-cancel">Cancel</button>
          : <button type="button" onClick={() => void sim.run()} disabled={!hasScenario} data-testid="simulate"
              title={hasScenario ? 'Simulate the scenario in workers and play its trace' : 'Open a scenario to simulate it'}>Simulate</button>}
      </div>
      {running && <progress className="simulation-progress" value={progress} max={1} data-testid="simulation-progress" />}
      {status === 'cancelled' && <p className="simulation-note" data-testid="simulation-status">Cancelled.</p>}
      {status === 'failed' && <p className="field-error" data-testid="simulation-status">{error}</p>}
      {summary && <KpiTable summary={summary} />}
    </section>
  );
}

function KpiTable({ summary }: { summary: ReplicationSummary }) {
  const k = summary.kpis.intervals;
  const top = summary.bottlenecks[0];
  const level = `${Math.round(summary.level * 100)} %`;
  return (
    <div className="kpis" data-testid="kpis">
      <p className="simulation-note">{summary.replications} replications, seed {summary.seed}, {level} intervals</p>
      <dl>
        <dt>Throughput</dt><dd data-testid="kpi-throughput">{withHalfWidth(k.unitsPerDay, 1, 0)} units/day ({withHalfWidth(k.lotsPerDay)} lots)</dd>
        <dt>On time</dt><dd data-testid="kpi-on-time">{withHalfWidth(k.onTimeRate, 100)} %</dd>
        <dt>Lead time</dt><dd data-testid="kpi-lead-time">{withHalfWidth(k.leadTimeMean, 1 / 60)} h</dd>
        <dt>WIP</dt><dd>{withHalfWidth(k.wipLots)} lots</dd>
        <dt>Bottleneck</dt>
        <dd data-testid="kpi-bottleneck">{top ? `${top.id} (${top.replications} of ${summary.replications} runs, ${(top.meanShare * 100).toFixed(0)} % of the time)` : '—'}</dd>
      </dl>
      <table className="oee-table" data-testid="kpi-oee">
        <thead><tr><th>Equipment</th><th>OEE %</th><th>Availability %</th></tr></thead>
        <tbody>
          {summary.equipment.filter((e) => e.oee).map((e) => (
            <tr key={e.id}><td>{e.id}</td><td>{withHalfWidth(e.oee!, 100)}</td><td>{withHalfWidth(e.availability!, 100)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

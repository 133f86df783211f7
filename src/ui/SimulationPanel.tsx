import { simulationStore, useSimulation } from '../state/simulationStore.ts';
import { useTwin } from '../state/twinStore.ts';
import type { ReplicationSummary } from '../sim/plant/replicatePlant.ts';
import { KpiLabel, KPIS, KpiValue } from './kpis.tsx';
import { NumberField } from './NumberField.tsx';
import './simulationPanel.css';

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
        <NumberField label="Replications" value={replications} min={2} max={1000} integer disabled={running}
          onCommit={(n) => sim.setReplications(n)} testId="simulation-replications" size={5} />
        {running
          ? <button type="button" onClick={() => sim.cancel()} data-testid="simulation-cancel">Cancel</button>
          : <button type="button" onClick={() => void sim.run()} disabled={!hasScenario} data-testid="simulate"
              title={hasScenario ? 'Simulate the scenario in workers and play its trace' : 'Open a scenario to simulate it'}>Simulate</button>}
      </div>
      {running && <progress className="simulation-progress" value={progress} max={1} aria-label="Simulation progress" data-testid="simulation-progress" />}
      <p className="visually-hidden" role="status" data-testid="simulation-announce">
        {running ? 'Simulating…' : status === 'done' && summary ? `Simulation finished: ${summary.replications} replications.` : status === 'cancelled' ? 'Simulation cancelled.' : ''}
      </p>
      {status === 'cancelled' && <p className="simulation-note" data-testid="simulation-status">Cancelled.</p>}
      {status === 'failed' && <p className="field-error" data-testid="simulation-status">{error}</p>}
      {summary && (
        // The last results stay readable while a new run computes, dimmed so they are not taken for it.
        <div className={running ? 'results-outdated' : undefined} aria-busy={running} data-testid="kpis-wrap" data-outdated={running || undefined}>
          {running && <p className="simulation-note">Results of the previous run; a new one is computing.</p>}
          <KpiTable summary={summary} />
        </div>
      )}
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
        <dt><KpiLabel kpi={KPIS.unitsPerDay} /></dt><dd><KpiValue kpi={KPIS.unitsPerDay} interval={k.unitsPerDay} testId="kpi-throughput" /> (<KpiValue kpi={KPIS.lotsPerDay} interval={k.lotsPerDay} />)</dd>
        <dt><KpiLabel kpi={KPIS.onTimeRate} /></dt><dd><KpiValue kpi={KPIS.onTimeRate} interval={k.onTimeRate} testId="kpi-on-time" /></dd>
        <dt><KpiLabel kpi={KPIS.leadTimeMean} /></dt><dd><KpiValue kpi={KPIS.leadTimeMean} interval={k.leadTimeMean} testId="kpi-lead-time" /></dd>
        <dt><KpiLabel kpi={KPIS.wipLots} /></dt><dd><KpiValue kpi={KPIS.wipLots} interval={k.wipLots} /></dd>
        <dt>Bottleneck</dt>
        <dd data-testid="kpi-bottleneck">{top ? `${top.id} (${top.replications} of ${summary.replications} runs, ${(top.meanShare * 100).toFixed(0)} % of the time)` : '—'}</dd>
      </dl>
      <table className="oee-table" data-testid="kpi-oee">
        <thead><tr><th>Equipment</th><th><KpiLabel kpi={KPIS.oee} /> %</th><th><KpiLabel kpi={KPIS.availability} /> %</th></tr></thead>
        <tbody>
          {summary.equipment.filter((e) => e.oee).map((e) => (
            <tr key={e.id}><td>{e.id}</td><td><KpiValue kpi={KPIS.oee} interval={e.oee} unit={false} /></td><td><KpiValue kpi={KPIS.availability} interval={e.availability} unit={false} /></td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { riskStore, useRisk } from '../../state/riskStore.ts';
import { useScheduling } from '../../state/schedulingStore.ts';

const risk = () => riskStore.getState();

/** Replications, attribution, Assess / Cancel and progress for the risk of the plan on the Gantt. */
export function RiskControls({ onShow }: { onShow(): void }) {
  const hasPlan = useScheduling((s) => s.plan !== undefined);
  const seed = useScheduling((s) => s.settings.seed);
  const replications = useRisk((s) => s.replications);
  const attribution = useRisk((s) => s.attribution);
  const status = useRisk((s) => s.status);
  const progress = useRisk((s) => s.progress);
  const error = useRisk((s) => s.error);
  const running = status === 'running';
  return (
    <section className="schedule-panel" aria-label="Risk of the plan" data-testid="risk-controls">
      <h3>Risk of the plan</h3>
      <p className="schedule-note">Replicates the plan through the simulator with the scenario's failures, variable times and yields (seed {seed}).</p>
      <div className="risk-form">
        <label>
          <input type="number" min={2} max={2000} step={1} value={replications} disabled={running}
            onChange={(e) => risk().setReplications(Number(e.target.value))} aria-label="Replications" data-testid="risk-replications" />
          <span>replications</span>
        </label>
        <label>
          <input type="checkbox" checked={attribution} disabled={running} onChange={(e) => risk().setAttribution(e.target.checked)} data-testid="risk-attribution" />
          <span>find what made orders late (5× the runs)</span>
        </label>
        {running
          ? <button type="button" onClick={() => risk().cancel()} data-testid="risk-cancel">Cancel</button>
          : <button type="button" disabled={!hasPlan} onClick={() => { onShow(); void risk().run(); }} data-testid="risk-run">Assess risk</button>}
      </div>
      {running && <progress value={progress} max={1} className="simulation-progress" data-testid="risk-progress" />}
      {status === 'cancelled' && <p className="schedule-note">Cancelled.</p>}
      {status === 'failed' && <p className="field-error" role="alert">{error}</p>}
    </section>
  );
}

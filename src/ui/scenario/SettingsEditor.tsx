import type { ScenarioInput } from '../../model/scenarioSchema.ts';
import { meanOf, scaleDistribution } from '../../scenario/equipmentEdits.ts';

const RULES = ['FIFO', 'EDD', 'SPT', 'ATCS', 'schedule'] as const;

/** Horizon, warm-up, replications, seed and dispatching rule; operator pool sizes; repair and failure times. */
export function SettingsEditor({ draft, edit }: { draft: ScenarioInput; edit(change: (d: ScenarioInput) => ScenarioInput): void }) {
  const x = draft.experiment;
  const setX = (key: keyof ScenarioInput['experiment'], value: number | string) => edit((d) => ({ ...d, experiment: { ...d.experiment, [key]: value } }));
  const num = (label: string, key: 'horizon' | 'warmup' | 'replications' | 'seed', value: number | undefined) => (
    <label>{label} <input type="number" value={value ?? ''} onChange={(e) => setX(key, Number(e.target.value))} aria-label={label} data-testid={`setting-${key}`} style={{ width: 80 }} /></label>
  );
  return (
    <div data-testid="settings-editor">
      <div className="live-actions">
        {num('Horizon (min)', 'horizon', x.horizon)}
        {num('Warm-up (min)', 'warmup', x.warmup)}
        {num('Replications', 'replications', x.replications)}
        {num('Seed', 'seed', x.seed)}
        <label>Dispatching <select value={x.dispatching ?? 'FIFO'} onChange={(e) => setX('dispatching', e.target.value)} aria-label="Dispatching rule">{RULES.map((r) => <option key={r}>{r}</option>)}</select></label>
      </div>
      <h4>Operator pools</h4>
      <div className="live-actions">
        {(draft.operators ?? []).map((o, i) => (
          <label key={o.id}>{o.id} <input type="number" min={1} value={o.count} aria-label={`Operators in ${o.id}`}
            onChange={(e) => edit((d) => ({ ...d, operators: d.operators!.map((p, k) => (k === i ? { ...p, count: Number(e.target.value) } : p)) }))} style={{ width: 52 }} /></label>
        ))}
      </div>
      <h4>Failures (MTBF / MTTR, mean minutes)</h4>
      <table className="experiment-table">
        <tbody>
          {(draft.failures ?? []).map((f, i) => {
            const scale = (key: 'timeBetweenFailures' | 'timeToRepair', mean: number) => edit((d) => ({
              ...d, failures: d.failures!.map((g, k) => (k !== i ? g : { ...g, [key]: withMean(g[key], mean) })),
            }));
            return (
              <tr key={i}>
                <td>{f.equipment.join(', ')}</td>
                <td>MTBF <input type="number" value={meanOf(f.timeBetweenFailures)} onChange={(e) => scale('timeBetweenFailures', Number(e.target.value))} aria-label={`MTBF of ${f.equipment.join(', ')}`} style={{ width: 70 }} /></td>
                <td>MTTR <input type="number" value={meanOf(f.timeToRepair)} onChange={(e) => scale('timeToRepair', Number(e.target.value))} aria-label={`MTTR of ${f.equipment.join(', ')}`} style={{ width: 60 }} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type Dist = NonNullable<ScenarioInput['failures']>[number]['timeToRepair'];

/** The distribution with its durations scaled so its mean is `mean` (its shape kept). */
function withMean(d: Dist, mean: number): Dist {
  const now = meanOf(d);
  return now > 0 && mean > 0 ? scaleDistribution(d, mean / now) : d;
}

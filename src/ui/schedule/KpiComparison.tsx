import type { ObjectiveKpis } from '../../../solver/objective.ts';
import type { SolveFacts } from '../../state/scheduling.ts';
import { useApprovals } from '../../state/approvalStore.ts';

const hours = (minutes: number) => `${(minutes / 60).toFixed(1)} h`;
const ROWS: { key: keyof ObjectiveKpis; label: string; show: (v: number) => string }[] = [
  { key: 'lateOrders', label: 'Late orders', show: String },
  { key: 'onTimeOrders', label: 'On time', show: String },
  { key: 'weightedTardiness', label: 'Weighted tardiness', show: (v) => `${Math.round(v).toLocaleString('en')} min` },
  { key: 'totalSetup', label: 'Setup', show: hours },
  { key: 'makespan', label: 'Makespan', show: hours },
];

/** The plan's KPIs (edits included) beside EDD dispatching and the last approved plan, with the solver's bound and gap. */
export function KpiComparison({ facts, current }: { facts: SolveFacts; current: ObjectiveKpis }) {
  const approved = useApprovals((s) => s.latestFor(facts.scenario.id));
  const edited = ROWS.some((r) => Math.abs(current[r.key] - facts.kpis[r.key]) > 1e-9);
  const first = facts.lowerBound[0];
  return (
    <div className="schedule-kpis" data-testid="schedule-kpis">
      <table>
        <caption>{edited ? 'This plan (edited)' : 'This plan'} against EDD dispatching{approved ? ' and the last approved plan' : ''}</caption>
        <thead>
          <tr><th scope="col">KPI</th><th scope="col">Plan</th><th scope="col">EDD</th>{approved && <th scope="col">Approved</th>}</tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.key} data-kpi={r.key} data-value={current[r.key]}>
              <th scope="row">{r.label}</th>
              <td data-testid={`kpi-plan-${r.key}`}>{r.show(current[r.key])}</td>
              <td>{r.show(facts.edd[r.key])}</td>
              {approved && <td>{r.show(approved.kpis[r.key])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="schedule-note" data-testid="schedule-bound">
        {facts.objectiveName}: lower bound {first === undefined ? '—' : Math.round(first).toLocaleString('en')}, gap {(100 * facts.gap).toFixed(1)} % (solver's plan), {facts.iterations.toLocaleString('en')} search iterations
        {approved && <> · approved {approved.versionId} by {approved.approvedBy}</>}
      </p>
    </div>
  );
}

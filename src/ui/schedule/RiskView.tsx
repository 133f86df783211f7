import { useState } from 'react';
import { planKpis } from '../../scheduling/plan.ts';
import type { OrderRisk } from '../../scheduling/risk.ts';
import { AT_RISK_BELOW } from '../../state/risk.ts';
import { useRisk } from '../../state/riskStore.ts';
import { schedulingStore, useScheduling } from '../../state/schedulingStore.ts';
import { Histogram } from './Histogram.tsx';

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
const hours = (minutes: number) => `${(minutes / 60).toFixed(1)} h`;
export const CAUSE_LABELS: Record<string, string> = {
  failures: 'failures', processingTime: 'processing-time variation', yield: 'yield / rework', lateRelease: 'late release', plan: 'the plan itself', combined: 'disturbances together',
};

/** "72 % [63–80 %], R = 100": the point with its interval and the number of runs, never a bare point. */
export function riskText(o: OrderRisk): string {
  return `${pct(o.pOnTime)} [${pct(o.lower)}–${pct(o.upper)}], R = ${o.replications}`;
}

/**
 * The risk of the plan per order: on-time probability with its 95 % Wilson interval and R,
 * expected and p90 lateness, what made it late; the makespan distribution over the replications
 * and the lateness distribution of the order chosen in the table.
 */
export function RiskView() {
  const result = useRisk((s) => s.result);
  const plan = useScheduling((s) => s.plan);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  if (!result) {
    return <p className="risk-empty" data-testid="risk-empty">Assess the risk of the plan (side panel) to see, per order, how likely it is on time with the scenario's failures, variable times and yields.</p>;
  }
  const { report } = result;
  const stale = result.plan !== plan;
  const orders = [...report.orders].sort((a, b) => a.pOnTime - b.pOnTime || a.order.localeCompare(b.order));
  const risky = orders.filter((o) => o.pOnTime < AT_RISK_BELOW).length;
  const shown = orders.find((o) => o.order === chosen) ?? orders[0]!;
  const index = report.orders.indexOf(shown);
  const planEnd = plan ? planKpis(plan).makespan / 60 : undefined;
  const select = (o: OrderRisk) => {
    setChosen(o.order);
    const job = plan?.pp.problem.jobs.find((j) => j.name === o.order);
    if (job) schedulingStore.getState().select(job.operations[job.operations.length - 1]);
  };
  return (
    <div className="risk-view" data-testid="risk-view">
      <p className="schedule-note" data-testid="risk-summary">
        {report.replications} replications following the plan (seed {report.seed}), {report.runs} simulated runs;
        {' '}<strong>{risky}</strong> of {orders.length} orders on time in fewer than {pct(AT_RISK_BELOW)} of them.
        {stale && <strong className="stale"> The plan was edited since: assess it again.</strong>}
      </p>
      <div className="risk-charts">
        <Histogram values={report.makespans.map((m) => m / 60)} label="makespan over the replications (hours)" marker={planEnd} markerLabel="plan" testId="risk-makespan" />
        <Histogram values={Array.from(report.lateness[index] ?? [], (m) => m / 60)} label={`lateness of ${shown.order} (hours)`} testId="risk-lateness" />
      </div>
      <table className="risk-table" data-testid="risk-table">
        <caption>Per order, riskiest first; choose a row to see its lateness distribution and its bars</caption>
        <thead>
          <tr><th scope="col">Order</th><th scope="col">On time (95 % interval, R)</th><th scope="col">Interval</th><th scope="col">E[late]</th><th scope="col">p90 late</th><th scope="col">Made late by</th></tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.order} className={`${o.pOnTime < AT_RISK_BELOW ? 'at-risk' : ''}${o === shown ? ' chosen' : ''}`} data-testid="risk-row" data-order={o.order} data-p={o.pOnTime} data-lower={o.lower} data-upper={o.upper} data-replications={o.replications}>
              <th scope="row"><button type="button" className="link" onClick={() => select(o)}>{o.order}</button></th>
              <td>{riskText(o)}</td>
              <td><IntervalBar o={o} /></td>
              <td>{hours(o.expectedLateness)}</td>
              <td>{hours(o.p90Lateness)}</td>
              <td>{o.causes.length === 0 ? '—' : o.causes.filter((c) => c.share >= 0.05).map((c) => `${CAUSE_LABELS[c.disturbance] ?? c.disturbance} ${pct(c.share)}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The interval as a bar from lower to upper on 0–100 %, the point as a tick. */
function IntervalBar({ o }: { o: OrderRisk }) {
  const W = 90;
  return (
    <svg width={W} height={12} aria-hidden="true" className="interval-bar">
      <line x1={0} x2={W} y1={6} y2={6} stroke="#d9dde1" />
      <rect x={o.lower * W} y={3} width={Math.max(1, (o.upper - o.lower) * W)} height={6} fill={o.pOnTime < AT_RISK_BELOW ? '#e0b46b' : '#a9b9c7'} />
      <line x1={o.pOnTime * W} x2={o.pOnTime * W} y1={0} y2={12} stroke="#1f2429" strokeWidth={1.5} />
    </svg>
  );
}

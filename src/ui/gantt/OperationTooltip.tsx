import { operationName, plantTime } from '../../scheduling/describe.ts';
import type { Plan } from '../../scheduling/plan.ts';

const hm = (minutes: number) => `${Math.floor(minutes / 60)} h ${String(Math.round(minutes % 60)).padStart(2, '0')} min`;

/** Order, operation, quantity, equipment, times and the changeover before it, beside the pointer. */
export function OperationTooltip({ plan, op, x, y, width }: { plan: Plan; op: number; x: number; y: number; width: number }) {
  const pp = plan.pp;
  const job = pp.problem.jobs[pp.problem.operations[op]!.job]!;
  const order = pp.orders[pp.problem.operations[op]!.job]!;
  const m = plan.machine[op]!;
  const last = job.operations[job.operations.length - 1]!;
  const late = job.due === null ? 0 : plan.end[last]! - job.due;
  const setup = plan.setup[op]!;
  const fixed = pp.fixed[op]?.kind;
  return (
    <div className="gantt-tooltip" role="tooltip" style={{ left: Math.min(x + 14, width - 280), top: y + 14 }} data-testid="gantt-tooltip">
      <strong>{operationName(plan, op)}</strong>
      <dl>
        <dt>Product</dt><dd>{order.product} × {order.quantity}</dd>
        <dt>Equipment</dt><dd>{pp.equipment[m]}</dd>
        <dt>Planned</dt><dd>{plantTime(plan, plan.start[op]!)} – {plantTime(plan, plan.end[op]!)}</dd>
        {setup > 0 && <><dt>Setup</dt><dd>{hm(setup)} from {plantTime(plan, plan.setupStart[op]!)}</dd></>}
        {job.due !== null && <><dt>Due</dt><dd>{plantTime(plan, job.due)}{late > 0 ? ` — late by ${hm(late)}` : ''}</dd></>}
        {(fixed || plan.locked[op] === 1) && <><dt>Pinned</dt><dd>{fixed === 'frozen' ? 'frozen (running)' : 'locked'}</dd></>}
      </dl>
    </div>
  );
}

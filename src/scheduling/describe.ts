import type { PlantViolation } from '../../solver/plant/plantChecker.ts';
import type { MoveRefusal } from './edit.ts';
import { planIso, type Plan } from './plan.ts';

/** "Tue 08:30" in the plant's own offset (the scenario start's), as schedulers read a shift plan. */
export function plantTime(plan: Plan, minutes: number): string {
  const iso = planIso(plan, minutes);
  const day = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))).getUTCDay();
  return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][day]} ${iso.slice(11, 16)}`;
}

/** "order O-17, operation cut" */
export function operationName(plan: Plan, op: number): string {
  const pp = plan.pp;
  return `${pp.problem.jobs[pp.problem.operations[op]!.job]!.name} ${pp.operationIds[op]}`;
}

const equipmentName = (plan: Plan, m: number) => plan.pp.equipment[m] ?? `machine ${m}`;

/** What a scheduler is told when a drop is refused: the rule and the operations and times it is about. */
export function describeRefusal(plan: Plan, r: MoveRefusal): string {
  const op = r.operations[0]!;
  if (r.kind === 'unfollowable') return `Not placed: ${r.problems.join('; ')}.`;
  if (r.kind !== 'eligibility') {
    return r.kind === 'locked'
      ? `Locked: ${operationName(plan, op)} is pinned; unlock it to move it.`
      : `Frozen: ${operationName(plan, op)} is already running on ${equipmentName(plan, plan.machine[op]!)}.`;
  }
  const eligible = plan.pp.problem.operations[op]!.modes.map((x) => equipmentName(plan, x.machine)).join(', ');
  return `Not eligible: ${operationName(plan, op)} cannot run on ${equipmentName(plan, r.machine)} (it runs on ${eligible}).`;
}

/** A pin the engine's timing could not keep: where the operation begins instead of where it was put. */
export function describeMovedPin(plan: Plan, op: number): string {
  return `${operationName(plan, op)} begins ${plantTime(plan, plan.setupStart[op]!)}, not ${plantTime(plan, plan.engine.pins[op]!)}`;
}

/** One violation of the plant checker in a scheduler's words, with the plan's times. */
export function describeViolation(plan: Plan, v: PlantViolation): string {
  const [a, b] = v.operations as [number, number | undefined];
  const at = (m: number) => plantTime(plan, m);
  switch (v.kind) {
    case 'precedence':
      return `Precedence: ${operationName(plan, b!)} would start at ${at(plan.start[b!]!)}, before ${operationName(plan, a)} ends at ${at(plan.end[a]!)}.`;
    case 'overlap':
      return `Overlap on ${equipmentName(plan, plan.machine[a]!)}: ${operationName(plan, a)} (${at(plan.start[a]!)}–${at(plan.end[a]!)}) and ${operationName(plan, b!)} (${at(plan.start[b!]!)}–${at(plan.end[b!]!)}).`;
    case 'setup': {
      const op = b ?? a;
      const from = b === undefined ? 'the start of the plan' : `${operationName(plan, a)} ends at ${at(plan.end[a]!)}`;
      return `Changeover: ${equipmentName(plan, plan.machine[op]!)} needs ${plan.setup[op]} working minutes to change over to ${operationName(plan, op)}, and ${from}.`;
    }
    case 'release':
      return a !== undefined && plan.pp.problem.operations[a]!.release <= plan.pp.planStart + 1e-6
        ? `Frozen zone: ${operationName(plan, a)} would start at ${at(plan.start[a]!)}, before the plan starts at ${at(plan.pp.planStart)}.`
        : `Release: ${operationName(plan, a)} would start at ${at(plan.start[a]!)}, before its order is released at ${at(plan.pp.problem.operations[a]!.release)}.`;
    case 'transport': {
      // The lot of `op` is not in front of its machine yet: say which operation it waits for.
      const op = b ?? a;
      const pp = plan.pp;
      const m = pp.equipment.length;
      let held = -1;
      let ready = -Infinity;
      for (const u of pp.problem.operations[op]!.predecessors) {
        const at = plan.end[u]! + pp.plant.lag[plan.machine[u]! * m + plan.machine[op]!]!;
        if (at > ready) { ready = at; held = u; }
      }
      if (held < 0) return `Release: ${operationName(plan, op)} would start at ${at(plan.setupStart[op]!)}, before its lot can be there.`;
      const travel = ready - plan.end[held]!;
      return `Precedence: ${operationName(plan, op)} would start at ${at(plan.setupStart[op]!)}, before ${operationName(plan, held)} ends at ${at(plan.end[held]!)}${travel > 0 ? ` and its lot has travelled ${Math.round(travel)} min` : ''}.`;
    }
    case 'calendar':
      return `Calendar: ${operationName(plan, a)} does not fit the working time of ${equipmentName(plan, plan.machine[a]!)} there.`;
    case 'eligibility':
      return `Not eligible: ${operationName(plan, a)} cannot run on ${equipmentName(plan, plan.machine[a]!)}.`;
    case 'frozen':
    case 'locked':
      return `${v.kind === 'frozen' ? 'Frozen' : 'Locked'}: ${operationName(plan, a)} must stay where it is.`;
    default:
      return v.message;
  }
}

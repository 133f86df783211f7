import { setupTime } from '../../solver/problem.ts';
import { checkPlantTimetable, type PlantViolation } from '../../solver/plant/plantChecker.ts';
import { WorkingTime } from '../../solver/plant/workingTime.ts';
import { copyPlan, planTimetable, type Plan } from './plan.ts';

/** Working-time clocks of a problem's machines, made once per problem (they index its calendars). */
const clocksOf = new WeakMap<object, WorkingTime[]>();
export function clocks(plan: Plan): WorkingTime[] {
  let list = clocksOf.get(plan.pp);
  if (!list) {
    list = plan.pp.calendars.map((c) => new WorkingTime(c));
    clocksOf.set(plan.pp, list);
  }
  return list;
}

/** Operations on `machine`, by start (then end, then index), as the checker orders them. */
export function machineSequence(plan: Plan, machine: number, without = -1): number[] {
  const ops: number[] = [];
  for (let i = 0; i < plan.machine.length; i++) if (plan.machine[i] === machine && i !== without) ops.push(i);
  ops.sort((a, b) => plan.start[a]! - plan.start[b]! || plan.end[a]! - plan.end[b]! || a - b);
  return ops;
}

/** Working minutes of the changeover into `op` on `machine` after `prev` (−1: the machine's first job). */
function changeover(plan: Plan, machine: number, prev: number, op: number): number {
  if (plan.pp.fixed[op]?.kind === 'frozen') return 0;
  const problem = plan.pp.problem;
  return prev < 0 ? (plan.pp.initialSetup[machine]?.[problem.setups?.family[op] ?? 0] ?? 0) : setupTime(problem, machine, prev, op);
}

/** Sets op's changeover from the operation before it on its machine: minutes, and where they start. */
function placeChangeover(plan: Plan, op: number, prev: number): void {
  const m = plan.machine[op]!;
  const need = changeover(plan, m, prev, op);
  const clock = clocks(plan)[m]!;
  plan.setup[op] = need;
  plan.setupStart[op] = need > 0 ? clock.startAt(Math.max(0, clock.work(plan.start[op]!) - need)) : plan.start[op]!;
}

/** Working minutes `op` takes on `machine`, or undefined where it is not eligible. */
export function durationOn(plan: Plan, op: number, machine: number): number | undefined {
  return plan.pp.problem.operations[op]!.modes.find((x) => x.machine === machine)?.duration;
}

/** Where an operation would go when dropped at `start` on `machine`: work begins at the next working instant, and pauses outside shifts. */
export function placement(plan: Plan, op: number, machine: number, start: number): { start: number; end: number } | undefined {
  const duration = durationOn(plan, op, machine);
  if (duration === undefined) return undefined;
  const clock = clocks(plan)[machine]!;
  const w = clock.work(Math.max(0, start));
  const begin = clock.startAt(w);
  return { start: begin, end: duration > 0 ? clock.endAt(w + duration) : begin };
}

export type MoveRefusal =
  | { kind: 'locked' | 'frozen'; operations: number[] }
  | { kind: 'eligibility'; operations: number[]; machine: number };

/**
 * The plan with `op` moved to `machine` at `start` (snapped to working time), the changeovers
 * of its old and new neighbours recomputed; or why it cannot be moved at all (locked, frozen,
 * not eligible there). Whether the result is feasible is the checker's to say.
 */
export function moveOperation(plan: Plan, op: number, machine: number, start: number): { plan: Plan } | { refused: MoveRefusal } {
  const fixed = plan.pp.fixed[op];
  if (fixed?.kind === 'frozen') return { refused: { kind: 'frozen', operations: [op] } };
  if (plan.locked[op] || fixed?.kind === 'locked') return { refused: { kind: 'locked', operations: [op] } };
  const place = placement(plan, op, machine, start);
  if (!place) return { refused: { kind: 'eligibility', operations: [op], machine } };
  const next = copyPlan(plan);
  const from = plan.machine[op]!;
  // The old machine closes the gap: its next job now follows the one before the moved job.
  const oldSeq = machineSequence(plan, from);
  const at = oldSeq.indexOf(op);
  const oldNext = oldSeq[at + 1];
  (next.machine as Int32Array)[op] = machine;
  (next.start as Float64Array)[op] = place.start;
  (next.end as Float64Array)[op] = place.end;
  if (oldNext !== undefined) placeChangeover(next, oldNext, oldSeq[at - 1] ?? -1);
  const seq = machineSequence(next, machine);
  const k = seq.indexOf(op);
  placeChangeover(next, op, seq[k - 1] ?? -1);
  const after = seq[k + 1];
  if (after !== undefined) placeChangeover(next, after, op);
  return { plan: next };
}

/** Every way the plan breaks the plant's rules, by the solver's own checker. */
export function checkPlan(plan: Plan): PlantViolation[] {
  return checkPlantTimetable(plan.pp, planTimetable(plan));
}

/** Pins or frees an operation: a pinned one stays where it is when the rest is re-optimised. */
export function setLocked(plan: Plan, op: number, locked: boolean): Plan {
  const next = copyPlan(plan);
  (next.locked as Uint8Array)[op] = locked ? 1 : 0;
  return next;
}

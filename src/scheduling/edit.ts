import { checkPlantTimetable, type PlantViolation } from '../../solver/plant/plantChecker.ts';
import { placeOperation } from '../../solver/plant/plan.ts';
import { planOf, planTimetable, type Plan } from './plan.ts';

export type MoveRefusal =
  | { kind: 'locked' | 'frozen'; operations: number[] }
  | { kind: 'eligibility'; operations: number[]; machine: number }
  /** The engine cannot time the plan with the operation there (e.g. an order would wait for itself). */
  | { kind: 'unfollowable'; operations: number[]; problems: string[] };

/**
 * The plan with `op` dropped on `machine` with its run at `start`, timed by the engine's own rules
 * (solver/plant/plan.ts placeOperation: calendars, maintenance, operators, batches, buffers,
 * transport). The bar is dragged with its changeover in front of it, so the operation is pinned
 * to begin (changeover start) that much before `start`, not before the plan start; everything
 * else keeps its order and is re-timed around it. Where the rules do not let a pin hold, the engine places it later
 * (see `movedPins`). Or why it cannot be moved at all (locked, frozen, not eligible there, a
 * plan the engine cannot follow). Whether the result is feasible is the plant checker's to say.
 */
export function moveOperation(plan: Plan, op: number, machine: number, start: number): { plan: Plan } | { refused: MoveRefusal } {
  const pp = plan.pp;
  const fixed = pp.fixed[op];
  if (fixed?.kind === 'frozen') return { refused: { kind: 'frozen', operations: [op] } };
  if (plan.locked[op] || fixed?.kind === 'locked') return { refused: { kind: 'locked', operations: [op] } };
  if (!pp.problem.operations[op]!.modes.some((x) => x.machine === machine)) return { refused: { kind: 'eligibility', operations: [op], machine } };
  const begin = Math.max(pp.planStart, start - (plan.start[op]! - plan.setupStart[op]!));
  const placed = placeOperation(pp, plan.engine, op, machine, begin);
  if (!placed.ok) return { refused: { kind: 'unfollowable', operations: [op], problems: placed.problems } };
  return { plan: planOf(pp, placed.plan, plan.locked) };
}

/**
 * Pinned operations the engine's timing could not begin at their pin (its `movedPins`, named
 * order/operation), as operation indices: what a scheduler is told a drop really did.
 */
export function movedPins(plan: Plan): number[] {
  const { pins, movedPins: names } = plan.engine;
  if (names.length === 0) return [];
  const pp = plan.pp;
  const moved = new Set(names);
  const ops: number[] = [];
  for (let v = 0; v < pins.length; v++) {
    const pin = pins[v];
    // Pieces of a split order share a name: only one that begins after its pin was moved.
    if (pin !== null && pin !== undefined && plan.setupStart[v]! > pin && moved.has(`${pp.orders[pp.problem.operations[v]!.job]!.id}/${pp.operationIds[v]}`)) ops.push(v);
  }
  return ops;
}

/** Every way the plan breaks the plant's rules, by the solver's own checker. */
export function checkPlan(plan: Plan): PlantViolation[] {
  return checkPlantTimetable(plan.pp, planTimetable(plan));
}

/**
 * Pins or frees an operation for re-optimising. Pinning also pins its batch's begin in the
 * engine's timing, so later drops re-time the rest around it; freeing leaves the timing as it
 * is (the bar stays where it is until the plan is re-optimised).
 */
export function setLocked(plan: Plan, op: number, locked: boolean): Plan {
  const flags = plan.locked.slice();
  flags[op] = locked ? 1 : 0;
  if (!locked) return planOf(plan.pp, plan.engine, flags);
  const pins = plan.engine.pins.slice();
  const lead = plan.batch[op]!;
  pins[lead] = plan.setupStart[lead]!;
  return planOf(plan.pp, { ...plan.engine, pins }, flags);
}

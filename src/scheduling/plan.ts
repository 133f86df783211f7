import { isoAt, minutesBetween } from '../model/calendar.ts';
import type { Loaded, Problem } from '../model/problem.ts';
import type { Schedule } from '../model/scheduleSchema.ts';
import { objectiveKpis, objectiveValue, type Objective, type ObjectiveKpis } from '../../solver/objective.ts';
import type { PlantTimetable } from '../../solver/plant/decode.ts';
import { plantOutputs, type OutputOptions, type PlantOutputs } from '../../solver/plant/plantOutputs.ts';
import type { PlantProblem } from '../../solver/scenarioProblem.ts';

/**
 * A schedule in the solver's index space, as the Gantt shows and edits it: per operation of the
 * plant problem its machine, start, end, and the changeover right before it (working minutes and
 * where it starts). Times are minutes from the scenario start. `locked` marks operations the
 * user pinned (the problem's own fixed operations are in `pp.fixed`). Plans are values: an edit
 * makes a new plan, so undo is keeping the old one.
 */
export interface Plan {
  readonly pp: PlantProblem;
  readonly machine: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly setup: Float64Array;
  readonly setupStart: Float64Array;
  readonly locked: Uint8Array;
}

export function planFromTimetable(pp: PlantProblem, t: PlantTimetable, locked?: ArrayLike<number>): Plan {
  const n = pp.problem.operations.length;
  const lockedOps = new Uint8Array(n);
  for (let i = 0; i < n; i++) lockedOps[i] = locked?.[i] ? 1 : pp.fixed[i]?.kind === 'locked' ? 1 : 0;
  return {
    pp,
    machine: Int32Array.from(t.machine),
    start: Float64Array.from(t.start),
    end: Float64Array.from(t.end),
    setup: Float64Array.from(t.setup),
    setupStart: Float64Array.from(t.setupStart),
    locked: lockedOps,
  };
}

export function planTimetable(plan: Plan): PlantTimetable {
  return {
    machine: Array.from(plan.machine),
    start: Array.from(plan.start),
    end: Array.from(plan.end),
    setup: Array.from(plan.setup),
    setupStart: Array.from(plan.setupStart),
  };
}

export function copyPlan(plan: Plan): Plan {
  return {
    pp: plan.pp,
    machine: plan.machine.slice(),
    start: plan.start.slice(),
    end: plan.end.slice(),
    setup: plan.setup.slice(),
    setupStart: plan.setupStart.slice(),
    locked: plan.locked.slice(),
  };
}

export function planKpis(plan: Plan): ObjectiveKpis {
  return objectiveKpis(plan.pp.problem, plan.end, plan.setup);
}

/** "O-17/cut": how files name an operation of an order. */
export function operationKey(pp: PlantProblem, op: number): string {
  return `${pp.problem.jobs[pp.problem.operations[op]!.job]!.name}/${pp.operationIds[op]}`;
}

/**
 * Reads a schedule file onto a plant problem: every operation of the problem must be in the
 * schedule once (matched by order and operation id), on an equipment the problem knows. An
 * operation listed more than once (lot pieces) is matched in order of start. Problems name the
 * schedule's JSON path.
 */
export function planFromSchedule(pp: PlantProblem, schedule: Schedule, file = 'schedule'): Loaded<Plan> {
  const n = pp.problem.operations.length;
  const problems: Problem[] = [];
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = operationKey(pp, i);
    const list = byKey.get(key);
    if (list) list.push(i); else byKey.set(key, [i]);
  }
  const machineOf = new Map(pp.equipment.map((id, k) => [id, k]));
  const machine = new Int32Array(n).fill(-1);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const setup = new Float64Array(n);
  const setupStart = new Float64Array(n);
  const locked = new Uint8Array(n);
  const order = schedule.operations.map((op, k) => ({ op, k, at: minutesBetween(pp.startIso, op.start) })).sort((a, b) => a.at - b.at || a.k - b.k);
  for (const { op, k, at } of order) {
    const path = `operations[${k}]`;
    const candidates = byKey.get(`${op.order}/${op.operation}`);
    const i = candidates?.shift();
    if (i === undefined) {
      problems.push({ file, path, expected: 'an operation still to do in the scenario', found: `${op.order}/${op.operation}`, hint: 'the schedule was made for another scenario or start state' });
      continue;
    }
    const m = machineOf.get(op.equipment);
    if (m === undefined) {
      problems.push({ file, path: `${path}.equipment`, expected: 'equipment that the scenario\'s routings use', found: op.equipment });
      continue;
    }
    machine[i] = m;
    start[i] = at;
    end[i] = minutesBetween(pp.startIso, op.end);
    setup[i] = op.setup?.minutes ?? 0;
    setupStart[i] = op.setup ? minutesBetween(pp.startIso, op.setup.start) : at;
    locked[i] = op.locked || pp.fixed[i]?.kind === 'locked' ? 1 : 0;
  }
  for (const [key, left] of byKey) {
    for (const _ of left) problems.push({ file, path: 'operations', expected: `every operation of the scenario, ${key} among them`, found: 'it missing' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { pp, machine, start, end, setup, setupStart, locked }, warnings: [] };
}

/** ISO date-time of a plan minute. */
export function planIso(plan: Plan, minutes: number): string {
  return isoAt(plan.pp.startIso, minutes);
}

/**
 * The plan as the files the rest of the product reads (schedule, dispatch list, changeovers),
 * through the solver's own writer; operations the user pinned are written `locked`, so the
 * solver keeps them where they are when it re-optimises around them.
 */
export function planOutputs(plan: Plan, objective: Objective, bound: { lowerBound: number[]; gap: number } | undefined, options: OutputOptions = {}): PlantOutputs {
  const kpis = planKpis(plan);
  const value = objectiveValue(objective, kpis);
  const lowerBound = bound?.lowerBound ?? [];
  const first = value[0] ?? 0;
  const gap = lowerBound.length > 0 && first > 0 ? Math.max(0, (first - (lowerBound[0] ?? 0)) / first) : 0;
  const out = plantOutputs(plan.pp, { timetable: planTimetable(plan), kpis, objective, lowerBound, gap }, options);
  const keys = new Map<string, number[]>();
  for (let i = 0; i < plan.machine.length; i++) {
    const key = operationKey(plan.pp, i);
    const list = keys.get(key);
    if (list) list.push(i); else keys.set(key, [i]);
  }
  out.schedule.operations = out.schedule.operations.map((op) => {
    const i = keys.get(`${op.order}/${op.operation}`)?.shift();
    return i !== undefined && plan.locked[i] && !op.frozen ? { ...op, locked: true } : op;
  });
  if (bound === undefined) delete out.schedule.lowerBound;
  if (bound === undefined) delete out.schedule.gap;
  return out;
}

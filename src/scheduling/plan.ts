import { isoAt } from '../model/calendar.ts';
import { objectiveKpis, objectiveValue, type Objective, type ObjectiveKpis } from '../../solver/objective.ts';
import { plantOutputs, type OutputOptions, type PlantOutputs } from '../../solver/plant/plantOutputs.ts';
import type { PlantProblem } from '../../solver/plant/plantProblem.ts';
import type { PlantTimetable } from '../../solver/plant/plantTimetable.ts';

/**
 * A schedule in the solver's index space, as the Gantt shows and edits it: per operation of the
 * plant problem every field of the engine's timetable (machine, begin of its changeover, start,
 * end, changeover minutes, batch leader, operator pools, when its lot got room in front of the
 * machine). Times are minutes from the scenario start. `locked` marks operations the user pinned
 * (the problem's own fixed operations are in `pp.fixed`). Plans are values: an edit makes a new
 * plan, so undo is keeping the old one.
 */
export interface Plan {
  readonly pp: PlantProblem;
  readonly machine: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly setup: Float64Array;
  readonly setupStart: Float64Array;
  /** Per operation: the first operation of its batch (itself when it runs alone). */
  readonly batch: Int32Array;
  readonly setupPool: Int32Array;
  readonly runPool: Int32Array;
  readonly room: Float64Array;
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
    batch: Int32Array.from(t.batch),
    setupPool: Int32Array.from(t.setupPool),
    runPool: Int32Array.from(t.runPool),
    room: Float64Array.from(t.room),
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
    batch: Array.from(plan.batch),
    setupPool: Array.from(plan.setupPool),
    runPool: Array.from(plan.runPool),
    room: Array.from(plan.room),
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
    batch: plan.batch.slice(),
    setupPool: plan.setupPool.slice(),
    runPool: plan.runPool.slice(),
    room: plan.room.slice(),
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

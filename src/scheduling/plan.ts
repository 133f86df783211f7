import { isoAt } from '../model/calendar.ts';
import { objectiveKpis, objectiveValue, type Objective, type ObjectiveKpis } from '../../solver/objective.ts';
import { plantOutputs, type OutputOptions, type PlantOutputs } from '../../solver/plant/plantOutputs.ts';
import type { PlantProblem } from '../../solver/plant/plantProblem.ts';
import type { Plan as EnginePlan } from '../../solver/plant/plan.ts';
import type { PlantTimetable } from '../../solver/plant/plantTimetable.ts';

/**
 * A schedule as the Gantt shows and edits it: the engine's plan (solver/plant/plan.ts — machine
 * sequences, batches, pins, and the plan timed by the engine's own rules) with, per operation of
 * the plant problem, the fields of that timing at hand (machine, begin of its changeover, start,
 * end, changeover minutes, batch leader, operator pools, when its lot got room in front of the
 * machine). Times are minutes from the scenario start. `locked` marks operations the user pinned
 * for re-optimising (the problem's own fixed operations are in `pp.fixed`). Plans are values: an
 * edit makes a new plan, so undo is keeping the old one.
 */
export interface Plan {
  readonly pp: PlantProblem;
  readonly engine: EnginePlan;
  readonly machine: readonly number[];
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly setup: readonly number[];
  readonly setupStart: readonly number[];
  /** Per operation: the first operation of its batch (itself when it runs alone). */
  readonly batch: readonly number[];
  readonly setupPool: readonly number[];
  readonly runPool: readonly number[];
  readonly room: readonly number[];
  readonly locked: Uint8Array;
}

/** The shell's plan around an engine plan; its times are the engine's timing, never copied or changed. */
export function planOf(pp: PlantProblem, engine: EnginePlan, locked: Uint8Array): Plan {
  const t = engine.timetable;
  return {
    pp, engine, locked,
    machine: t.machine, start: t.start, end: t.end, setup: t.setup, setupStart: t.setupStart,
    batch: t.batch, setupPool: t.setupPool, runPool: t.runPool, room: t.room,
  };
}

/**
 * The plan of a timetable the engine made (a solve, or the flow's own timing): its machine
 * sequences in begin order with each batch's leader first, its batches, and the problem's locked
 * operations as pins, so re-timing it by the engine's rules gives this timetable back.
 */
export function planFromTimetable(pp: PlantProblem, t: PlantTimetable): Plan {
  const n = pp.problem.operations.length;
  const sequences: number[][] = pp.equipment.map(() => []);
  for (let v = 0; v < n; v++) sequences[t.machine[v]!]!.push(v);
  const batchLink = new Uint8Array(n);
  for (const seq of sequences) {
    seq.sort((a, b) => t.setupStart[t.batch[a]!]! - t.setupStart[t.batch[b]!]! || t.batch[a]! - t.batch[b]!
      || (a === t.batch[a] ? -1 : b === t.batch[b] ? 1 : a - b));
    for (const v of seq) batchLink[v] = t.batch[v] === v ? 0 : 1;
  }
  const pins = pp.fixed.map((f) => (f?.kind === 'locked' ? f.begin : null));
  const locked = new Uint8Array(n);
  for (let v = 0; v < n; v++) locked[v] = pp.fixed[v]?.kind === 'locked' ? 1 : 0;
  return planOf(pp, { sequences, batchLink, pins, timetable: t, movedPins: [] }, locked);
}

export function planTimetable(plan: Plan): PlantTimetable {
  return plan.engine.timetable;
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

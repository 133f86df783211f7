import { ruleContext } from '../construct.ts';
import { compareValues, DEFAULT_OBJECTIVE, objectiveKpis, objectiveValue, type Objective, type ObjectiveKpis } from '../objective.ts';
import { atcs, EDD, type PriorityRule } from '../rules.ts';
import type { PlantProblem } from '../scenarioProblem.ts';
import { Decoder, type PlantTimetable } from './decode.ts';
import { dispatch, familyFirst, type PlantSolution } from './dispatch.ts';
import { plantLowerBounds, type PlantBounds } from './plantBounds.ts';
import { plantLpBound } from './plantLpBound.ts';
import { improve, type PlantProgress, type PlantSearchOptions } from './search.ts';

export interface PlantSolveOptions {
  objective?: Objective;
  seed?: number;
  /** Iteration budget of the local search; with it (and no time limit) runs are reproducible. */
  maxIterations?: number;
  /** Wall-clock limit for the whole solve, constructions included. */
  timeLimitMs?: number;
  /**
   * `performance.now()` when the caller started the clock — e.g. before building the problem from
   * the scenario — so the limit covers what the user waits for, not only the search.
   */
  startedAt?: number;
  signal?: { readonly aborted: boolean };
  onProgress?: (p: PlantProgress & { lowerBound: number[] }) => void;
}

export interface PlantRun {
  timetable: PlantTimetable;
  kpis: ObjectiveKpis;
  value: number[];
}

export interface PlantSolveResult extends PlantRun {
  objective: Objective;
  /** Lower bound of each objective level (weighted: of the sum). */
  lowerBound: number[];
  /** Bound of each criterion on its own; makespanSource says which bound gave the makespan one. */
  bounds: PlantBounds;
  /** (value − bound) / value on the first level; 0 when the value is 0. */
  gap: number;
  /** Earliest-due-date dispatching without regard to changeovers, on the same calendars: the baseline. */
  edd: PlantRun;
  construction: { rule: string; value: number[] }[];
  iterations: number;
}

/** Construction rules tried: EDD, ATCS at a few scalings, and changeover-first with a few urgency levels; then the LP's machines in EDD order. */
/** Name of the construction that takes each operation's machine from the shift-bucket LP and dispatches by EDD. */
export const LP_CONSTRUCTION = 'LP assignment + EDD';

const RULES: readonly PriorityRule[] = [EDD, atcs(1, 0.5), atcs(2, 1), atcs(4, 2), familyFirst(0), familyFirst(2), familyFirst(8), familyFirst(16), familyFirst(32), familyFirst(64)];

/**
 * Schedules a plant problem: every construction rule, the best under the objective improved by
 * local search until the iteration budget, the time limit or the signal stops it.
 */
export function solvePlant(pp: PlantProblem, options: PlantSolveOptions = {}): PlantSolveResult {
  const s = constructPlant(pp, options);
  const searched = improve(s.d, s.best, s.objective, searchOptions(s, options, 0));
  return finishPlant(s, searched.iterations);
}

/**
 * The same solve, giving the event loop a turn every `sliceMs` of search, so that a worker can
 * receive a cancel message while it runs. Each slice continues from the best so far, with the
 * seed advanced, so only an uncut run matches solvePlant exactly.
 */
export async function solvePlantAsync(pp: PlantProblem, options: PlantSolveOptions = {}, sliceMs = 250): Promise<PlantSolveResult> {
  const s = constructPlant(pp, options);
  const total = options.timeLimitMs ?? Infinity;
  let iterations = 0;
  for (let slice = 0; ; slice++) {
    const left = total - (performance.now() - s.t0);
    if (left <= 0 || options.signal?.aborted === true || iterations >= (options.maxIterations ?? Infinity)) break;
    const o = searchOptions(s, { ...options, timeLimitMs: Math.min(sliceMs, left) }, slice);
    o.maxIterations = (options.maxIterations ?? Number.MAX_SAFE_INTEGER) - iterations;
    const searched = improve(s.d, s.best, s.objective, o);
    iterations += searched.iterations;
    s.best = searched.best;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  s.d.decode(s.best.list, s.best.assign);
  return finishPlant(s, iterations);
}

interface Constructed {
  t0: number;
  d: Decoder;
  objective: Objective;
  lowerBound: number[];
  bounds: PlantBounds;
  edd: PlantRun;
  construction: { rule: string; value: number[] }[];
  best: PlantSolution;
}

function runOf(d: Decoder, objective: Objective): PlantRun {
  const kpis = objectiveKpis(d.pp.problem, d.end, d.setup);
  return { timetable: d.timetable(), kpis, value: objectiveValue(objective, kpis) };
}

function constructPlant(pp: PlantProblem, options: PlantSolveOptions): Constructed {
  const t0 = options.startedAt ?? performance.now();
  const objective = options.objective ?? DEFAULT_OBJECTIVE;
  if (options.maxIterations === undefined && options.timeLimitMs === undefined && options.signal === undefined) throw new Error('give maxIterations, timeLimitMs or signal');
  const d = new Decoder(pp);
  const ctx = ruleContext(pp.problem, d.c);
  const construction: { rule: string; value: number[] }[] = [];
  let edd: PlantRun | undefined;
  let best: PlantSolution | undefined;
  let bestValue: number[] = [];
  const outOfTime = (): boolean => options.signal?.aborted === true || performance.now() - t0 > (options.timeLimitMs ?? Infinity) / 2;
  const consider = (name: string, sol: PlantSolution): PlantRun => {
    const r = runOf(d, objective);
    construction.push({ rule: name, value: r.value });
    if (best === undefined || compareValues(r.value, bestValue) < 0) { best = sol; bestValue = r.value; }
    return r;
  };
  for (const rule of RULES) {
    if (edd !== undefined && outOfTime()) break;
    const r = consider(rule.name, dispatch(d, ctx, rule));
    if (rule === EDD) edd = r;
  }
  // The LP's buckets span the plan start to EDD's makespan (then to the calendars' end).
  const lp = outOfTime() ? null : plantLpBound(d, (edd as PlantRun).kpis.makespan);
  if (lp !== null && !outOfTime()) consider(LP_CONSTRUCTION, dispatch(d, ctx, EDD, lp.machineOf));
  const bounds = plantLowerBounds(d, lp?.makespan ?? null);
  const lowerBound = objectiveValue(objective, { ...bounds, onTimeOrders: 0 });
  return { t0, d, objective, lowerBound, bounds, edd: edd as PlantRun, construction, best: best as PlantSolution };
}

function searchOptions(s: Constructed, options: PlantSolveOptions, slice: number): PlantSearchOptions {
  const left = options.timeLimitMs === undefined ? Infinity : Math.max(0, options.timeLimitMs - (slice === 0 ? performance.now() - s.t0 : 0));
  const onProgress = options.onProgress;
  return {
    seed: (options.seed ?? 1) + slice,
    maxIterations: options.maxIterations ?? Number.MAX_SAFE_INTEGER,
    timeLimitMs: left,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(onProgress ? { onProgress: (p: PlantProgress) => onProgress({ ...p, elapsedMs: performance.now() - s.t0, lowerBound: s.lowerBound }) } : {}),
  };
}

/** Reads the decoder's current schedule (the search leaves its best decoded). */
function finishPlant(s: Constructed, iterations: number): PlantSolveResult {
  const result = runOf(s.d, s.objective);
  const first = result.value[0] ?? 0;
  const gap = first > 0 ? Math.max(0, (first - (s.lowerBound[0] ?? 0)) / first) : 0;
  return { ...result, objective: s.objective, lowerBound: s.lowerBound, bounds: s.bounds, gap, edd: s.edd, construction: s.construction, iterations };
}

import { ruleContext } from '../construct.ts';
import { compareValues, DEFAULT_OBJECTIVE, objectiveKpis, objectiveValue, type Objective, type ObjectiveKpis } from '../objective.ts';
import { atcs, EDD, type PriorityRule } from '../rules.ts';
import type { PlantProblem } from '../scenarioProblem.ts';
import { Decoder, type PlantTimetable } from './decode.ts';
import { dispatch, familyFirst, type PlantSolution } from './dispatch.ts';
import { plantLowerBounds } from './plantBounds.ts';
import { improve, type PlantProgress } from './search.ts';

export interface PlantSolveOptions {
  objective?: Objective;
  seed?: number;
  /** Iteration budget of the local search; with it (and no time limit) runs are reproducible. */
  maxIterations?: number;
  /** Wall-clock limit for the whole solve, constructions included. */
  timeLimitMs?: number;
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
  /** (value − bound) / value on the first level; 0 when the value is 0. */
  gap: number;
  /** Earliest-due-date dispatching without regard to changeovers, on the same calendars: the baseline. */
  edd: PlantRun;
  construction: { rule: string; value: number[] }[];
  iterations: number;
}

/** Construction rules tried: EDD, ATCS at a few scalings, and changeover-first with a few urgency levels. */
const RULES: readonly PriorityRule[] = [EDD, atcs(1, 0.5), atcs(2, 1), atcs(4, 2), familyFirst(0), familyFirst(2), familyFirst(8), familyFirst(16), familyFirst(32), familyFirst(64)];

/**
 * Schedules a plant problem: every construction rule, the best under the objective improved by
 * local search until the iteration budget, the time limit or the signal stops it.
 */
export function solvePlant(pp: PlantProblem, options: PlantSolveOptions = {}): PlantSolveResult {
  const t0 = performance.now();
  const objective = options.objective ?? DEFAULT_OBJECTIVE;
  if (options.maxIterations === undefined && options.timeLimitMs === undefined && options.signal === undefined) throw new Error('give maxIterations, timeLimitMs or signal');
  const d = new Decoder(pp);
  const ctx = ruleContext(pp.problem, d.c);
  const bounds = plantLowerBounds(d);
  const lowerBound = objectiveValue(objective, { ...bounds, onTimeOrders: 0 });
  const run = (): PlantRun => {
    const kpis = objectiveKpis(pp.problem, d.end, d.setup);
    return { timetable: d.timetable(), kpis, value: objectiveValue(objective, kpis) };
  };
  const construction: { rule: string; value: number[] }[] = [];
  let edd: PlantRun | undefined;
  let best: PlantSolution | undefined;
  let bestValue: number[] = [];
  for (const rule of RULES) {
    if (edd !== undefined && (options.signal?.aborted === true || performance.now() - t0 > (options.timeLimitMs ?? Infinity) / 2)) break;
    const sol = dispatch(d, ctx, rule);
    const r = run();
    if (rule === EDD) edd = r;
    construction.push({ rule: rule.name, value: r.value });
    if (best === undefined || compareValues(r.value, bestValue) < 0) { best = sol; bestValue = r.value; }
  }
  const left = options.timeLimitMs === undefined ? Infinity : Math.max(0, options.timeLimitMs - (performance.now() - t0));
  const searched = improve(d, best as PlantSolution, objective, {
    seed: options.seed ?? 1,
    maxIterations: options.maxIterations ?? Number.MAX_SAFE_INTEGER,
    timeLimitMs: left,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: (p: PlantProgress) => options.onProgress?.({ ...p, lowerBound }) } : {}),
  });
  const result = run();
  const first = result.value[0] ?? 0;
  const gap = first > 0 ? Math.max(0, (first - (lowerBound[0] ?? 0)) / first) : 0;
  return { ...result, objective, lowerBound, gap, edd: edd as PlantRun, construction, iterations: searched.iterations };
}

import { lowerBounds, type LowerBounds } from './bounds.ts';
import { loadLpBound } from './loadLpBound.ts';
import { compile } from './compile.ts';
import { gifflerThompson, ruleContext } from './construct.ts';
import { SequenceGraph } from './graph.ts';
import type { SchedulingProblem } from './problem.ts';
import { RULES, type PriorityRule } from './rules.ts';
import { defaultTabuOptions, tabuSearch, type Progress, type TabuOptions } from './tabu.ts';
import type { Timetable } from './timetable.ts';

const LP_PAIRS = 1500;

export interface SolveOptions {
  seed?: number;
  /** Iteration budget of the tabu search; with it (and no time limit) runs are reproducible. */
  maxIterations?: number;
  /** Wall-clock limit for the whole solve: bounds and construction count against it. */
  timeLimitMs?: number;
  rules?: readonly PriorityRule[];
  /**
   * Also solve the LP relaxation of the machine assignment for a bound. Default: when some
   * operation has a choice of machines and there are at most 1500 (operation, machine) pairs;
   * the dense simplex takes about a second there and grows fast beyond.
   */
  assignmentLp?: boolean;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Overrides of the tabu search settings (tenure, stall, kick, elite size). */
  tabu?: Partial<Pick<TabuOptions, 'stall' | 'tenureMin' | 'tenureMax' | 'kick' | 'eliteSize' | 'crossover'>>;
}

export interface SolveResult {
  timetable: Timetable;
  makespan: number;
  bounds: LowerBounds & { assignmentLp: number | null };
  /** (makespan − lower bound) / makespan. */
  gap: number;
  /** Makespan of each rule's Giffler–Thompson schedule, in the order tried. */
  construction: { rule: string; makespan: number }[];
  iterations: number;
  restarts: number;
  /** Moves undone because they made a cycle despite passing the acyclicity tests. */
  rejectedMoves: number;
}

/**
 * Makespan minimisation: the best of the priority-rule constructions, improved by tabu search,
 * stopped by the iteration budget, the time limit, or reaching the lower bound.
 */
export function solveMakespan(problem: SchedulingProblem, options: SolveOptions = {}): SolveResult {
  const t0 = performance.now();
  const c = compile(problem);
  const simple = lowerBounds(c);
  const pairs = c.modeStart[c.n] as number;
  const lp = (options.assignmentLp ?? (pairs !== c.n && pairs <= LP_PAIRS)) ? loadLpBound(c) : null;
  const bounds = { ...simple, assignmentLp: lp, best: Math.max(simple.best, lp ?? 0) };
  const ctx = ruleContext(problem, c);
  const g = new SequenceGraph(c);
  const construction: { rule: string; makespan: number }[] = [];
  let start: number[][] = [];
  let startMakespan = Infinity;
  for (const rule of options.rules ?? RULES) {
    const seq = gifflerThompson(c, ctx, rule);
    g.load(seq);
    g.evaluate();
    construction.push({ rule: rule.name, makespan: g.makespan });
    if (g.makespan < startMakespan) { startMakespan = g.makespan; start = seq; }
  }
  const o: TabuOptions = {
    ...defaultTabuOptions(c, problem.jobs.length),
    ...options.tabu,
    seed: options.seed ?? 1,
    maxIterations: options.maxIterations ?? Number.MAX_SAFE_INTEGER,
    timeLimitMs: options.timeLimitMs === undefined ? Infinity : Math.max(0, options.timeLimitMs - (performance.now() - t0)),
    lowerBound: bounds.best,
  };
  if (options.onProgress) o.onProgress = options.onProgress;
  if (options.signal) o.signal = options.signal;
  if (o.maxIterations === Number.MAX_SAFE_INTEGER && o.timeLimitMs === Infinity && o.signal === undefined) throw new Error('give maxIterations, timeLimitMs or signal');
  const result = tabuSearch(c, start, o);
  g.restore(result.best);
  g.evaluate();
  return {
    timetable: g.toTimetable(),
    makespan: g.makespan,
    bounds,
    gap: g.makespan > 0 ? (g.makespan - bounds.best) / g.makespan : 0,
    construction,
    iterations: result.iterations,
    restarts: result.restarts,
    rejectedMoves: result.rejected,
  };
}

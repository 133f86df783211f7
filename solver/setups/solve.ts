import { gapPercent } from '../lp/gap.ts';
import { solveExact } from './exact.ts';
import { flatten, type SdstInstance, type SdstSolution } from './instance.ts';
import { iteratedGreedy } from './iteratedGreedy.ts';
import { sdstLowerBound } from './lowerBound.ts';

export interface SdstOptions {
  seed?: number;
  /** Iterated-greedy rounds; the default keeps a run without a time limit short. */
  maxIterations?: number;
  timeLimitMs?: number;
  /** Instances with at most this many jobs are solved exactly (subset DP, instant up to 12). */
  exactMaxJobs?: number;
}

export interface SdstResult extends SdstSolution {
  lowerBound: number;
  /** Percent above the lower bound; 0 when optimal_proven. */
  gapPercent: number;
  optimalProven: boolean;
  method: 'exact' | 'iterated-greedy';
  /** Iterated-greedy rounds run (0 for the exact method). */
  iterations: number;
}

/**
 * Changeover scheduling on unrelated parallel machines: small instances get the proven optimum
 * from the subset DP; larger ones the iterated greedy, stopped early when it meets the LP
 * bound. Every answer carries its bound and its gap to it.
 */
export function solveSdst(inst: SdstInstance, options: SdstOptions = {}): SdstResult {
  const started = performance.now();
  const f = flatten(inst);
  if (f.n <= (options.exactMaxJobs ?? 12)) {
    const exact = solveExact(f);
    return { ...exact, lowerBound: exact.makespan, gapPercent: 0, optimalProven: true, method: 'exact', iterations: 0 };
  }
  const bound = sdstLowerBound(f).value;
  const ig = iteratedGreedy(f, {
    seed: options.seed ?? 1,
    maxIterations: options.maxIterations ?? (options.timeLimitMs === undefined ? 2000 : Number.POSITIVE_INFINITY),
    target: bound,
    // The bound's LP counts against the caller's time limit.
    ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: Math.max(0, options.timeLimitMs - (performance.now() - started)) }),
  });
  return {
    sequences: ig.sequences,
    makespan: ig.makespan,
    lowerBound: bound,
    gapPercent: gapPercent(ig.makespan, bound),
    optimalProven: ig.makespan <= bound,
    method: 'iterated-greedy',
    iterations: ig.iterations,
  };
}

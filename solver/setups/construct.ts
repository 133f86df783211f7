import type { FlatInstance } from './instance.ts';
import { bestInsertion, insertAt, makespan, working, type Working } from './working.ts';

/**
 * Puts job j where the schedule's makespan grows least, and among those places where the
 * machine's time grows least: jobs fill idle room on short machines first, and the tie-break
 * keeps the total work (processing + setups) low so later jobs still find room.
 */
export function placeJob(w: Working, j: number): void {
  const cmax = makespan(w);
  let bestK = 0;
  let bestPos = 0;
  let bestSpan = Infinity;
  let bestCost = Infinity;
  for (let k = 0; k < w.f.m; k++) {
    const ins = bestInsertion(w.f, k, w.seqs[k]!, j);
    const span = Math.max(cmax, w.times[k]! + ins.cost);
    if (span < bestSpan || (span === bestSpan && ins.cost < bestCost)) {
      bestK = k;
      bestPos = ins.pos;
      bestSpan = span;
      bestCost = ins.cost;
    }
  }
  insertAt(w, bestK, bestPos, j);
}

/**
 * Greedy start: jobs by decreasing spread between their fastest and slowest machine (those
 * lose most when misplaced), each inserted by `placeJob`.
 */
export function greedyStart(f: FlatInstance): Working {
  const w = working(f, Array.from({ length: f.m }, () => []));
  const spread = (j: number): number => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < f.m; k++) {
      const v = f.p[k * f.n + j]!;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  };
  const order = Array.from({ length: f.n }, (_, j) => j).sort((a, b) => spread(b) - spread(a) || a - b);
  for (const j of order) placeJob(w, j);
  return w;
}

import {
  bestInsertion, criticalMachine, insertAt, removalGain, removeAt, setupOf, type Working,
} from './working.ts';

const EPS = 1e-9;

/**
 * A move between machines a and b is taken when the larger of their two times drops, or stays
 * and their sum drops. The makespan never rises, and the sorted vector of machine times falls
 * lexicographically at every move, so the search ends.
 */
function pairImproves(ca: number, cb: number, na: number, nb: number): boolean {
  const before = Math.max(ca, cb);
  const after = Math.max(na, nb);
  return after < before - EPS || (after <= before + EPS && na + nb < ca + cb - EPS);
}

/** Moves single jobs to another machine at their cheapest position there. */
function interInsertion(w: Working): boolean {
  const { f } = w;
  let improved = false;
  for (let a = 0; a < f.m; a++) {
    const seqA = w.seqs[a]!;
    for (let x = 0; x < seqA.length; x++) {
      const j = seqA[x]!;
      const na = w.times[a]! - removalGain(f, a, seqA, x);
      for (let b = 0; b < f.m; b++) {
        if (b === a) continue;
        const ins = bestInsertion(f, b, w.seqs[b]!, j);
        if (pairImproves(w.times[a]!, w.times[b]!, na, w.times[b]! + ins.cost)) {
          removeAt(w, a, x);
          insertAt(w, b, ins.pos, j);
          improved = true;
          x--;
          break;
        }
      }
    }
  }
  return improved;
}

/** Change of machine k's time when the job at `pos` is replaced by job j in place. */
function replaceCost(w: Working, k: number, pos: number, j: number): number {
  const { f } = w;
  const seq = w.seqs[k]!;
  const i = seq[pos]!;
  const a = seq[pos - 1] ?? -1;
  const b = seq[pos + 1] ?? -1;
  return f.p[k * f.n + j]! - f.p[k * f.n + i]! + setupOf(f, k, a, j) - setupOf(f, k, a, i) + setupOf(f, k, j, b) - setupOf(f, k, i, b);
}

/** Exchanges two jobs on different machines, each taking the other's place. */
function interSwap(w: Working): boolean {
  const { f } = w;
  let improved = false;
  for (let a = 0; a < f.m; a++) {
    for (let b = a + 1; b < f.m; b++) {
      const seqA = w.seqs[a]!;
      const seqB = w.seqs[b]!;
      for (let x = 0; x < seqA.length; x++) {
        for (let y = 0; y < seqB.length; y++) {
          const i = seqA[x]!;
          const j = seqB[y]!;
          const na = w.times[a]! + replaceCost(w, a, x, j);
          const nb = w.times[b]! + replaceCost(w, b, y, i);
          if (pairImproves(w.times[a]!, w.times[b]!, na, nb)) {
            seqA[x] = j;
            seqB[y] = i;
            w.times[a] = na;
            w.times[b] = nb;
            improved = true;
          }
        }
      }
    }
  }
  return improved;
}

/** Moves a job to its cheapest position on its own machine (an Or-opt step of the path). */
function intraRelocate(w: Working, k: number): boolean {
  const { f } = w;
  const seq = w.seqs[k]!;
  let improved = false;
  for (let x = 0; x < seq.length; x++) {
    const gain = removalGain(f, k, seq, x);
    const j = removeAt(w, k, x);
    const ins = bestInsertion(f, k, seq, j);
    if (ins.cost < gain - EPS) {
      insertAt(w, k, ins.pos, j);
      improved = true;
    } else {
      insertAt(w, k, x, j);
    }
  }
  return improved;
}

/** Exchanges two jobs on the same machine. */
function intraSwap(w: Working, k: number): boolean {
  const seq = w.seqs[k]!;
  let improved = false;
  for (let x = 0; x < seq.length; x++) {
    for (let y = x + 1; y < seq.length; y++) {
      const before = arcsAround(w, k, x, y);
      swapIn(seq, x, y);
      const after = arcsAround(w, k, x, y);
      if (after < before - EPS) {
        w.times[k] = w.times[k]! + after - before;
        improved = true;
      } else {
        swapIn(seq, x, y);
      }
    }
  }
  return improved;
}

/** Sum of the setups on the arcs entering and leaving positions x < y of machine k. */
function arcsAround(w: Working, k: number, x: number, y: number): number {
  const seq = w.seqs[k]!;
  const at = (q: number): number => seq[q] ?? -1;
  let c = setupOf(w.f, k, at(x - 1), at(x)) + setupOf(w.f, k, at(y), at(y + 1));
  c += y === x + 1 ? setupOf(w.f, k, at(x), at(y)) : setupOf(w.f, k, at(x), at(x + 1)) + setupOf(w.f, k, at(y - 1), at(y));
  return c;
}

function swapIn(seq: number[], x: number, y: number): void {
  const t = seq[x]!;
  seq[x] = seq[y]!;
  seq[y] = t;
}

/**
 * Variable neighbourhood descent: the critical machine's own order first (cheapest, and the
 * only one that lowers the makespan alone), then moves and swaps between machines, then every
 * machine's order; back to the start after any gain.
 */
export function localSearch(w: Working): void {
  for (;;) {
    const c = criticalMachine(w);
    if (intraRelocate(w, c) || intraSwap(w, c)) continue;
    if (interInsertion(w)) continue;
    if (interSwap(w)) continue;
    let any = false;
    for (let k = 0; k < w.f.m; k++) any = intraRelocate(w, k) || intraSwap(w, k) || any;
    if (!any) return;
  }
}

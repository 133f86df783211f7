import { machineTime, type FlatInstance, type Sequences } from './instance.ts';

/**
 * A mutable solution under search: sequences plus each machine's completion time, kept in
 * step so every move is judged by an O(1) delta on the arcs it touches.
 */
export interface Working {
  f: FlatInstance;
  seqs: Sequences;
  times: Float64Array;
}

export function working(f: FlatInstance, seqs: Sequences): Working {
  const copy = seqs.map((q) => q.slice());
  const times = new Float64Array(f.m);
  copy.forEach((q, k) => { times[k] = machineTime(f, k, q); });
  return { f, seqs: copy, times };
}

export function cloneWorking(w: Working): Working {
  return { f: w.f, seqs: w.seqs.map((q) => q.slice()), times: w.times.slice() };
}

export function makespan(w: Working): number {
  let c = 0;
  for (let k = 0; k < w.times.length; k++) if (w.times[k]! > c) c = w.times[k]!;
  return c;
}

export function criticalMachine(w: Working): number {
  let best = 0;
  for (let k = 1; k < w.times.length; k++) if (w.times[k]! > w.times[best]!) best = k;
  return best;
}

/** Setup on machine k from job a to job b; -1 on either side means "no neighbour", costing 0. */
export function setupOf(f: FlatInstance, k: number, a: number, b: number): number {
  return a < 0 || b < 0 ? 0 : f.s[(k * f.n + a) * f.n + b]!;
}

/** Time machine k saves when the job at position `pos` of `seq` leaves it. */
export function removalGain(f: FlatInstance, k: number, seq: readonly number[], pos: number): number {
  const j = seq[pos]!;
  const a = seq[pos - 1] ?? -1;
  const b = seq[pos + 1] ?? -1;
  return f.p[k * f.n + j]! + setupOf(f, k, a, j) + setupOf(f, k, j, b) - setupOf(f, k, a, b);
}

/** Time machine k gains when job j goes between neighbours a and b (-1 = none). */
export function insertionCost(f: FlatInstance, k: number, a: number, j: number, b: number): number {
  return f.p[k * f.n + j]! + setupOf(f, k, a, j) + setupOf(f, k, j, b) - setupOf(f, k, a, b);
}

export interface Insertion {
  pos: number;
  cost: number;
}

/** Cheapest position for job j in `seq` on machine k; ties keep the earliest position. */
export function bestInsertion(f: FlatInstance, k: number, seq: readonly number[], j: number): Insertion {
  let best: Insertion = { pos: 0, cost: Infinity };
  for (let q = 0; q <= seq.length; q++) {
    const c = insertionCost(f, k, seq[q - 1] ?? -1, j, seq[q] ?? -1);
    if (c < best.cost) best = { pos: q, cost: c };
  }
  return best;
}

export function removeAt(w: Working, k: number, pos: number): number {
  const seq = w.seqs[k]!;
  w.times[k] = w.times[k]! - removalGain(w.f, k, seq, pos);
  return seq.splice(pos, 1)[0]!;
}

export function insertAt(w: Working, k: number, pos: number, j: number): void {
  const seq = w.seqs[k]!;
  w.times[k] = w.times[k]! + insertionCost(w.f, k, seq[pos - 1] ?? -1, j, seq[pos] ?? -1);
  seq.splice(pos, 0, j);
}

import type { FlatInstance, SdstSolution, Sequences } from './instance.ts';

/** Beyond this the tables (2^n · n per machine, 3^n splits) stop being instant. */
export const EXACT_MAX_JOBS = 14;

/**
 * Proven optimum of R | S_ijk | Cmax by dynamic programming over job subsets. Per machine, the
 * shortest Hamiltonian path through every subset (Held–Karp with an open start, since the
 * first job has no setup) gives the machine's time for that subset; then an optimal split of
 * the jobs over the machines, one machine at a time: F_k(S) = min over T ⊆ S of
 * max(F_{k-1}(S \ T), time_k(T)). Cost O(m · (2^n · n² + 3^n)).
 */
export function solveExact(f: FlatInstance): SdstSolution {
  const { n, m } = f;
  if (n > EXACT_MAX_JOBS) throw new Error(`solveExact: ${n} jobs is more than ${EXACT_MAX_JOBS}`);
  const full = 1 << n;
  const paths = Array.from({ length: m }, (_, k) => subsetPaths(f, k));

  let table = paths[0]!.time;
  const choices: Int32Array[] = [];
  for (let k = 1; k < m; k++) {
    const own = paths[k]!.time;
    const next = new Float64Array(full);
    const choice = new Int32Array(full);
    for (let S = 0; S < full; S++) {
      let best = table[S]!;
      let arg = 0;
      for (let T = S; T > 0; T = (T - 1) & S) {
        const own_t = own[T]!;
        if (own_t >= best) continue;
        const rest = table[S ^ T]!;
        const v = rest > own_t ? rest : own_t;
        if (v < best) {
          best = v;
          arg = T;
        }
      }
      next[S] = best;
      choice[S] = arg;
    }
    choices[k] = choice;
    table = next;
  }

  const sequences: Sequences = Array.from({ length: m }, () => []);
  let S = full - 1;
  for (let k = m - 1; k >= 1; k--) {
    const T = choices[k]![S]!;
    sequences[k] = paths[k]!.sequence(T);
    S ^= T;
  }
  sequences[0] = paths[0]!.sequence(S);
  return { sequences, makespan: table[full - 1]! };
}

interface SubsetPaths {
  /** time[S]: shortest processing + setup time of machine k running exactly the jobs in S. */
  time: Float64Array;
  sequence(S: number): number[];
}

function subsetPaths(f: FlatInstance, k: number): SubsetPaths {
  const { n, p, s } = f;
  const full = 1 << n;
  const dp = new Float64Array(full * n).fill(Infinity);
  const pred = new Int8Array(full * n).fill(-1);
  for (let j = 0; j < n; j++) dp[(1 << j) * n + j] = p[k * n + j]!;
  for (let S = 1; S < full; S++) {
    for (let last = 0; last < n; last++) {
      const v = dp[S * n + last]!;
      if (v === Infinity) continue;
      const row = (k * n + last) * n;
      for (let j = 0; j < n; j++) {
        if (S & (1 << j)) continue;
        const w = v + s[row + j]! + p[k * n + j]!;
        const at = (S | (1 << j)) * n + j;
        if (w < dp[at]!) {
          dp[at] = w;
          pred[at] = last;
        }
      }
    }
  }
  const time = new Float64Array(full);
  const end = new Int8Array(full).fill(-1);
  for (let S = 1; S < full; S++) {
    let best = Infinity;
    for (let j = 0; j < n; j++) {
      const v = dp[S * n + j]!;
      if (v < best) {
        best = v;
        end[S] = j;
      }
    }
    time[S] = best;
  }
  const sequence = (subset: number): number[] => {
    const seq: number[] = [];
    let S = subset;
    let j = end[S]!;
    while (S !== 0 && j >= 0) {
      seq.push(j);
      const prev = pred[S * n + j]!;
      S ^= 1 << j;
      j = prev;
    }
    return seq.reverse();
  };
  return { time, sequence };
}

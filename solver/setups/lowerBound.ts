import { assignmentBound } from '../lp/assignmentBound.ts';
import type { FlatInstance } from './instance.ts';

export interface SdstBound {
  /** The best of the bounds below, rounded up when all data are integers. */
  value: number;
  /** max_j min_k p_jk together with total minimal work spread over m machines. */
  volume: number;
  /**
   * LP relaxation of the assignment with each job charged its cheapest incoming setup (not the
   * LP's longest-job term: a job alone on a machine needs no setup).
   */
  lp: number | null;
}

/**
 * Makespan lower bounds for R | S_ijk | Cmax. A machine running jobs J_k takes at least
 * Σ_{j∈J_k} (p_kj + min_i s_kij) minus the cheapest-incoming setup of its first job, which
 * never exceeds max_j min_i s_kij; that makes the LP of `assignmentBound` valid with
 * work p_kj + min_i s_kij and that maximum as each machine's allowance.
 */
export function sdstLowerBound(f: FlatInstance): SdstBound {
  const { n, m, p, s } = f;
  const minIn = (k: number, j: number): number => {
    let best = Infinity;
    for (let i = 0; i < n; i++) if (i !== j) best = Math.min(best, s[(k * n + i) * n + j]!);
    return best === Infinity ? 0 : best;
  };
  const work: number[][] = [];
  const allowance = new Array<number>(m).fill(0);
  let longest = 0;
  let minWork = 0;
  let minSetup = Infinity;
  for (let j = 0; j < n; j++) {
    const row: number[] = [];
    let fastest = Infinity;
    for (let k = 0; k < m; k++) {
      const si = minIn(k, j);
      row.push(p[k * n + j]! + si);
      allowance[k] = Math.max(allowance[k]!, si);
      minSetup = Math.min(minSetup, si);
      fastest = Math.min(fastest, p[k * n + j]!);
    }
    work.push(row);
    longest = Math.max(longest, fastest);
    minWork += fastest;
  }
  if (minSetup === Infinity) minSetup = 0;
  // Each non-empty machine skips one setup, so at least n - m setups happen.
  const volume = Math.max(longest, (minWork + Math.max(0, n - m) * minSetup) / m);
  const lp = n === 0 ? null : assignmentBound({ machines: m, work, allowance }).lpBound;
  const best = Math.max(volume, lp ?? 0);
  // The tolerance only absorbs floating-point noise of the volume formula before rounding up.
  return { value: allIntegers(f) ? Math.ceil(best - 1e-9 * Math.max(1, best)) : best, volume, lp };
}

function allIntegers(f: FlatInstance): boolean {
  return f.p.every(Number.isInteger) && f.s.every(Number.isInteger);
}

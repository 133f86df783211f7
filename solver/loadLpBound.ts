import { changeover, type CompiledProblem } from './compile.ts';
import { assignmentBound } from './lp/assignmentBound.ts';

/**
 * Makespan bound from the LP relaxation of the machine assignment alone: each operation split over
 * its eligible machines, every machine's load at most C. It dominates the average-load bound when
 * durations differ between machines.
 *
 * Changeovers count too: on machine k an operation is charged its duration plus the cheapest
 * changeover into it from any other operation that may run on k. Only a machine's first operation
 * gets its first changeover (the initial one) instead, which is at most that much cheaper; that
 * difference is the machine's allowance. So every schedule's loads are a point of the LP and the
 * bound stays valid (after Vallada & Ruiz's bound for R | S_ijk | Cmax).
 *
 * Rounded up (less a tolerance for the floating-point simplex) when every duration and changeover
 * is a whole number, as makespans then are.
 */
export function loadLpBound(c: CompiledProblem): number {
  const { n, m } = c;
  const F = c.familyCount;
  // Per machine, how many operations of each family may run there.
  const count = new Int32Array(m * F);
  for (let v = 0; v < n; v++) {
    for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
      const k = c.modeMachine[e] as number;
      const i = k * F + (c.family[v] as number);
      count[i] = (count[i] as number) + 1;
    }
  }
  const sample = new Int32Array(F).fill(-1);
  for (let v = 0; v < n; v++) if ((sample[c.family[v] as number] as number) < 0) sample[c.family[v] as number] = v;
  const cheapestIn = (k: number, v: number): number => {
    if (c.setup === null) return 0;
    const b = c.family[v] as number;
    let best = Infinity;
    for (let a = 0; a < F; a++) {
      const others = (count[k * F + a] as number) - (a === b ? 1 : 0);
      const u = sample[a] as number;
      if (others > 0 && u >= 0) best = Math.min(best, changeover(c, k, u, v));
    }
    return best === Infinity ? 0 : best;
  };
  const work: (number | null)[][] = [];
  const allowance = new Array<number>(m).fill(0);
  let integral = true;
  for (let v = 0; v < n; v++) {
    const row = new Array<number | null>(m).fill(null);
    for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
      const k = c.modeMachine[e] as number;
      const into = cheapestIn(k, v);
      const w = (c.modeDuration[e] as number) + into;
      row[k] = w;
      allowance[k] = Math.max(allowance[k] as number, into - changeover(c, k, -1, v));
      if (!Number.isInteger(w)) integral = false;
    }
    work.push(row);
  }
  const lp = assignmentBound({ machines: m, work, allowance }).lpBound;
  // Without setups the LP's own longest-job term holds too: every operation runs whole somewhere.
  let longest = 0;
  for (let v = 0; v < n; v++) longest = Math.max(longest, c.minDuration[v] as number);
  const bound = Math.max(lp ?? 0, longest);
  return integral ? Math.ceil(bound - 1e-6) : bound;
}

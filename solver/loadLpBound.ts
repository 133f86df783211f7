import type { CompiledProblem } from './compile.ts';
import { assignmentBound } from './lp/assignmentBound.ts';

/**
 * Makespan bound from the LP relaxation of the machine assignment alone (each operation split
 * over its eligible machines, every machine's load at most C). It dominates the average-load
 * bound when durations differ between machines. Rounded up, less a tolerance for the
 * floating-point simplex, since durations are integers.
 */
export function loadLpBound(c: CompiledProblem): number {
  const work: (number | null)[][] = [];
  for (let v = 0; v < c.n; v++) {
    const row = new Array<number | null>(c.m).fill(null);
    for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) row[c.modeMachine[e] as number] = c.modeDuration[e] as number;
    work.push(row);
  }
  return Math.ceil(assignmentBound({ machines: c.m, work }).lowerBound - 1e-6);
}

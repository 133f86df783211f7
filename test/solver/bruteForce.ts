import { setupTime, type SchedulingProblem } from '../../solver/problem.ts';

/**
 * The optimal makespan by enumeration: every semi-active schedule is the list schedule of the
 * operations taken in order of their start times, so trying every precedence-respecting order
 * with every machine choice finds the optimum. A changeover waits for the lot (the plant's rule):
 * an operation starts once the machine is free and its lot is there, plus the changeover.
 * Only for a handful of operations.
 */
export function optimalMakespan(p: SchedulingProblem): number {
  const n = p.operations.length;
  const done = new Array<boolean>(n).fill(false);
  const end = new Array<number>(n).fill(0);
  const free = new Array<number>(p.machineCount).fill(0);
  const last = new Array<number>(p.machineCount).fill(-1);
  let best = Infinity;
  const visit = (count: number, cmax: number): void => {
    if (cmax >= best) return;
    if (count === n) { best = cmax; return; }
    for (let v = 0; v < n; v++) {
      const op = p.operations[v];
      if (op === undefined || done[v] || op.predecessors.some((q) => !done[q])) continue;
      const ready = Math.max(op.release, ...op.predecessors.map((q) => end[q] as number));
      for (const mode of op.modes) {
        const k = mode.machine;
        const prevFree = free[k] as number;
        const prevLast = last[k] as number;
        const setup = prevLast >= 0 ? setupTime(p, k, prevLast, v) : 0;
        const e = Math.max(ready, prevFree) + setup + mode.duration;
        done[v] = true;
        end[v] = e;
        free[k] = e;
        last[k] = v;
        visit(count + 1, Math.max(cmax, e));
        done[v] = false;
        free[k] = prevFree;
        last[k] = prevLast;
      }
    }
  };
  visit(0, 0);
  return best;
}

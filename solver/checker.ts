import { setupTime, type SchedulingProblem } from './problem.ts';
import type { Timetable } from './timetable.ts';

/**
 * Independent feasibility check of a timetable against its problem. It imports no solving
 * method on purpose: a bug in the search must not be able to hide itself here.
 */

export type ViolationKind = 'shape' | 'eligibility' | 'duration' | 'release' | 'precedence' | 'overlap' | 'setup';

export interface Violation {
  kind: ViolationKind;
  /** Operations involved (global indices). */
  operations: number[];
  message: string;
}

export function checkTimetable(problem: SchedulingProblem, t: Timetable): Violation[] {
  const n = problem.operations.length;
  const out: Violation[] = [];
  if (t.machine.length !== n || t.start.length !== n || t.end.length !== n) {
    return [{ kind: 'shape', operations: [], message: `expected ${n} entries in machine/start/end, found ${t.machine.length}/${t.start.length}/${t.end.length}` }];
  }
  const byMachine = new Map<number, number[]>();
  problem.operations.forEach((op, i) => {
    const m = t.machine[i] as number;
    const s = t.start[i] as number;
    const e = t.end[i] as number;
    if (!Number.isFinite(s) || !Number.isFinite(e)) {
      out.push({ kind: 'shape', operations: [i], message: `operation ${i} has a non-finite start or end` });
      return;
    }
    const mode = op.modes.find((x) => x.machine === m);
    if (mode === undefined) {
      out.push({ kind: 'eligibility', operations: [i], message: `operation ${i} runs on machine ${m}, which is not eligible` });
    } else if (e - s !== mode.duration) {
      out.push({ kind: 'duration', operations: [i], message: `operation ${i} lasts ${e - s} on machine ${m}, expected ${mode.duration}` });
    }
    if (s < op.release) {
      out.push({ kind: 'release', operations: [i], message: `operation ${i} starts at ${s}, before its release ${op.release}` });
    }
    for (const p of op.predecessors) {
      const pe = t.end[p] as number;
      if (s < pe) out.push({ kind: 'precedence', operations: [p, i], message: `operation ${i} starts at ${s}, before its predecessor ${p} ends at ${pe}` });
    }
    const list = byMachine.get(m);
    if (list === undefined) byMachine.set(m, [i]);
    else list.push(i);
  });
  for (const [m, ops] of byMachine) {
    ops.sort((a, b) => (t.start[a] as number) - (t.start[b] as number) || (t.end[a] as number) - (t.end[b] as number) || a - b);
    for (let k = 1; k < ops.length; k++) {
      const a = ops[k - 1] as number;
      const b = ops[k] as number;
      const ae = t.end[a] as number;
      const bs = t.start[b] as number;
      if (bs < ae) {
        out.push({ kind: 'overlap', operations: [a, b], message: `operations ${a} and ${b} overlap on machine ${m}` });
        continue;
      }
      const setup = setupTime(problem, m, a, b);
      if (bs < ae + setup) {
        out.push({ kind: 'setup', operations: [a, b], message: `machine ${m} needs ${setup} to change over from ${a} to ${b}, has ${bs - ae}` });
      }
    }
  }
  return out;
}

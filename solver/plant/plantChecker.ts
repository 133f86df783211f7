import { setupTime } from '../problem.ts';
import type { PlantProblem } from '../scenarioProblem.ts';
import type { Timetable } from '../timetable.ts';
import { WorkingTime } from './workingTime.ts';

/**
 * Feasibility of a timetable for a plant problem, calendars included. Like checker.ts it imports
 * no solving method. An operation's working minutes between its start and end must equal its
 * duration, and it must end when its last working minute ends; between two operations on a
 * machine (or before the first, from the plan start) there must be enough working minutes for
 * the changeover; frozen and locked operations must be exactly where they were fixed.
 */
export type PlantViolationKind = 'shape' | 'eligibility' | 'calendar' | 'release' | 'precedence' | 'overlap' | 'setup' | 'frozen' | 'locked';

export interface PlantViolation {
  kind: PlantViolationKind;
  operations: number[];
  message: string;
}

const EPS = 1e-6;

export function checkPlantTimetable(pp: PlantProblem, t: Timetable): PlantViolation[] {
  const problem = pp.problem;
  const n = problem.operations.length;
  const out: PlantViolation[] = [];
  if (t.machine.length !== n || t.start.length !== n || t.end.length !== n) {
    return [{ kind: 'shape', operations: [], message: `expected ${n} entries in machine/start/end, found ${t.machine.length}/${t.start.length}/${t.end.length}` }];
  }
  const clocks = pp.calendars.map((c) => new WorkingTime(c));
  const byMachine = new Map<number, number[]>();
  problem.operations.forEach((op, i) => {
    const m = t.machine[i] as number;
    const s = t.start[i] as number;
    const e = t.end[i] as number;
    if (!Number.isFinite(s) || !Number.isFinite(e) || e < s) {
      out.push({ kind: 'shape', operations: [i], message: `operation ${i} has a bad start or end (${s}, ${e})` });
      return;
    }
    const fixed = pp.fixed[i] ?? null;
    if (fixed !== null && (fixed.machine !== m || Math.abs(fixed.start - s) > EPS || Math.abs(fixed.end - e) > EPS)) {
      out.push({ kind: fixed.kind, operations: [i], message: `${fixed.kind} operation ${i} must stay on machine ${fixed.machine} over [${fixed.start}, ${fixed.end}), found machine ${m} over [${s}, ${e})` });
    }
    const mode = op.modes.find((x) => x.machine === m);
    const clock = clocks[m];
    if (mode === undefined || clock === undefined) {
      out.push({ kind: 'eligibility', operations: [i], message: `operation ${i} runs on machine ${m}, which is not eligible` });
      return;
    }
    const worked = clock.within(s, e);
    if (Math.abs(worked - mode.duration) > EPS || (mode.duration > 0 && !endsWorking(clock, e))) {
      out.push({ kind: 'calendar', operations: [i], message: `operation ${i} has ${worked} working minutes on machine ${m} in [${s}, ${e}), needs ${mode.duration} ending with the last` });
    }
    if (s < op.release - EPS) out.push({ kind: 'release', operations: [i], message: `operation ${i} starts at ${s}, before its release ${op.release}` });
    for (const q of op.predecessors) {
      const qe = t.end[q] as number;
      if (s < qe - EPS) out.push({ kind: 'precedence', operations: [q, i], message: `operation ${i} starts at ${s}, before its predecessor ${q} ends at ${qe}` });
    }
    const list = byMachine.get(m);
    if (list === undefined) byMachine.set(m, [i]); else list.push(i);
  });
  for (const [m, ops] of byMachine) {
    const clock = clocks[m] as WorkingTime;
    ops.sort((a, b) => (t.start[a] as number) - (t.start[b] as number) || (t.end[a] as number) - (t.end[b] as number) || a - b);
    ops.forEach((b, k) => {
      const a = k > 0 ? (ops[k - 1] as number) : -1;
      const bs = t.start[b] as number;
      const from = a < 0 ? pp.planStart : (t.end[a] as number);
      if (a >= 0 && bs < from - EPS) {
        out.push({ kind: 'overlap', operations: [a, b], message: `operations ${a} and ${b} overlap on machine ${m}` });
        return;
      }
      if (pp.fixed[b]?.kind === 'frozen') return;
      const need = a < 0 ? (pp.initialSetup[m]?.[problem.setups?.family[b] ?? 0] ?? 0) : setupTime(problem, m, a, b);
      const have = clock.within(from, bs);
      if (have < need - EPS) out.push({ kind: 'setup', operations: a < 0 ? [b] : [a, b], message: `machine ${m} needs ${need} working minutes to change over to ${b}, has ${have}` });
    });
  }
  return out;
}

/** Whether t is the end of a working minute: work stops exactly there, not in an idle stretch after it. */
function endsWorking(clock: WorkingTime, t: number): boolean {
  return Math.abs(clock.endAt(clock.work(t)) - t) < EPS;
}

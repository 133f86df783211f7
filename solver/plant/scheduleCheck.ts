import { minutesBetween } from '../../src/model/calendar.ts';
import type { Schedule } from '../../src/model/scheduleSchema.ts';
import { planFromSchedule } from './plan.ts';
import { checkPlantTimetable } from './plantChecker.ts';
import { plantIso, type PlantProblem } from './plantProblem.ts';

/** One thing wrong with a schedule file, at its entry (index into `operations`) when it has one. */
export interface ScheduleFinding {
  entry: number | null;
  /** What the plant's rules give here (a time when `field` is set). */
  expected: string;
  found: string;
  field?: 'start' | 'end';
}

export interface ScheduleCheck {
  entries: number;
  /** False when the entries could not be read onto the plant (then `findings` say why and nothing was timed). */
  read: boolean;
  findings: ScheduleFinding[];
  /** Entries whose times are not those the plant's rules give to the file's sequence. */
  timesDiffer: number;
  /** Plant checker violations of that timing. */
  violations: number;
}

// Times are written to the millisecond; a file read back may differ from its timing by that much.
const TIME_TOLERANCE = 1e-3;

/**
 * A schedule file judged against its plant, independently of the search that made it: its entries
 * are read onto the plant (planFromSchedule: the equipment may run them, every open operation
 * listed once), the file's sequence is timed by the plant's rules, each written time must be that
 * timing's, and the timing must pass the plant checker. A schedule edited by hand (a run moved
 * into maintenance, a batch over capacity, a machine that may not run the operation) fails here.
 */
export function checkSchedule(pp: PlantProblem, schedule: Schedule): ScheduleCheck {
  const entries = schedule.operations.length;
  const findings: ScheduleFinding[] = [];
  const planned = planFromSchedule(pp, schedule);
  if (!planned.ok) {
    for (const p of planned.problems) {
      const m = /^entry (\d+) \([^)]*\): (.*)$/.exec(p);
      findings.push(m ? { entry: Number(m[1]) - 1, expected: 'an entry the plant can run', found: m[2]! } : { entry: null, expected: 'a schedule the plant can follow, every open operation listed once', found: p });
    }
    return { entries, read: false, findings, timesDiffer: 0, violations: 0 };
  }
  const t = planned.plan.timetable;
  const start = pp.startIso;
  // Entries by operation: the file lists each order's operations; the plan knows them by name.
  const index = new Map<string, number[]>();
  for (let v = 0; v < pp.problem.operations.length; v++) {
    const key = `${pp.orders[pp.problem.operations[v]!.job]!.id}/${pp.operationIds[v]}`;
    const list = index.get(key);
    if (list) list.push(v); else index.set(key, [v]);
  }
  const entryOf = new Map<number, number>();
  let timesDiffer = 0;
  schedule.operations.forEach((o, i) => {
    const candidates = index.get(`${o.order}/${o.operation}`) ?? [];
    const begin = minutesBetween(start, o.start);
    const v = candidates.find((u) => !entryOf.has(u) && Math.abs((t.start[u] as number) - begin) < TIME_TOLERANCE) ?? candidates.find((u) => !entryOf.has(u));
    if (v === undefined) return;
    entryOf.set(v, i);
    let differs = false;
    for (const [field, written, timed] of [['start', o.start, t.start[v]], ['end', o.end, t.end[v]]] as const) {
      if (Math.abs((timed as number) - minutesBetween(start, written)) <= TIME_TOLERANCE) continue;
      findings.push({ entry: i, field, expected: `${plantIso(pp, timed as number)} (the plant's rules for this sequence)`, found: written });
      differs = true;
    }
    if (differs) timesDiffer++;
  });
  const violations = checkPlantTimetable(pp, t);
  for (const x of violations) findings.push({ entry: entryOf.get(x.operations[0] as number) ?? null, expected: `no ${x.kind} violation`, found: x.message });
  return { entries, read: true, findings, timesDiffer, violations: violations.length };
}

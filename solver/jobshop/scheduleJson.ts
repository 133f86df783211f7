import type { SchedulingProblem } from '../problem.ts';
import type { Timetable } from '../timetable.ts';

/** One scheduled operation, named by job and routing position so any tool can re-check it. */
export interface ScheduledOperationJson {
  /** Job index, 0-based, in file order. */
  job: number;
  /** Operation index within the job, 0-based, in routing order. */
  operation: number;
  /** Machine index, 0-based (a Brandimarte file's machine 1 is 0 here). */
  machine: number;
  start: number;
  end: number;
}

export interface BenchmarkScheduleJson {
  instance: string;
  makespan: number;
  operations: ScheduledOperationJson[];
}

/** The schedule of a benchmark instance as plain JSON, operations by job then routing order. */
export function benchmarkScheduleJson(problem: SchedulingProblem, t: Timetable): BenchmarkScheduleJson {
  const operations: ScheduledOperationJson[] = [];
  let makespan = 0;
  for (const job of problem.jobs) {
    for (const i of job.operations) {
      const op = problem.operations[i];
      if (op === undefined) continue;
      const end = t.end[i] as number;
      operations.push({ job: op.job, operation: op.index, machine: t.machine[i] as number, start: t.start[i] as number, end });
      if (end > makespan) makespan = end;
    }
  }
  return { instance: problem.name, makespan, operations };
}

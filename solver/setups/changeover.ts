/**
 * Changeover sequencing on one machine or line: the data, and the objective every method is
 * judged by (setup total, tardiness, end time of a given order).
 */

/** A job waiting on one piece of equipment. */
export interface ChangeoverJob {
  /** Setup key (product family, colour, tooling) as a row/column of the setup matrix. */
  key: number;
  /** Processing time; only due dates make it matter. */
  duration: number;
  /** Due date on the same clock as `start`; null or absent for none. */
  due?: number | null;
}

export interface ChangeoverInput {
  jobs: ChangeoverJob[];
  /** setup[a][b]: changeover time from key a to key b (the diagonal is the time between two jobs of one key). */
  setup: number[][];
  /** Key the equipment is set up for now; null or absent when it starts empty. */
  initialKey?: number | null;
  /** Setup before the first job when starting empty: one value, or one per key. Default 0. */
  initialSetup?: number | number[];
  /** When the first job may start. Default 0. */
  start?: number;
  /**
   * Cost of one time unit of total tardiness against one of setup. Absent: lexicographic,
   * tardiness first (setups are minimised among the sequences with least tardiness).
   */
  tardinessWeight?: number;
  seed?: number;
}

export interface ChangeoverSequence {
  /** Indices into `jobs`, in processing order. */
  order: number[];
  totalSetup: number;
  totalTardiness: number;
  /** When the last job ends. */
  end: number;
  /** True when the order is proven optimal for the objective. */
  exact: boolean;
}

/** Setup from `from` (a key, or -1 for the start state) to key `to`. */
export function changeoverTime(input: ChangeoverInput, from: number, to: number): number {
  if (from >= 0) return input.setup[from]?.[to] ?? 0;
  const initialKey = input.initialKey ?? null;
  if (initialKey !== null) return input.setup[initialKey]?.[to] ?? 0;
  const init = input.initialSetup ?? 0;
  return typeof init === 'number' ? init : (init[to] ?? 0);
}

/** Setup, tardiness and end time of a given order (the objective every method is judged by). */
export function evaluateSequence(input: ChangeoverInput, order: readonly number[]): Omit<ChangeoverSequence, 'order' | 'exact'> {
  let t = input.start ?? 0;
  let key = -1;
  let totalSetup = 0;
  let totalTardiness = 0;
  for (const i of order) {
    const job = input.jobs[i]!;
    const s = changeoverTime(input, key, job.key);
    totalSetup += s;
    t += s + job.duration;
    if (job.due !== undefined && job.due !== null) totalTardiness += Math.max(0, t - job.due);
    key = job.key;
  }
  return { totalSetup, totalTardiness, end: t };
}


import type { Interval } from '../../src/model/calendar.ts';

/**
 * One equipment's calendar as a clock of working minutes: work(t) counts the working minutes in
 * [0, t), and startAt / endAt map a count back to calendar time. Operations and changeovers pause
 * at a shift's end and resume at the next shift's start (preemptive-resume, as the simulator runs
 * them), so an operation of d working minutes started at s ends at endAt(work(s) + d).
 */
export class WorkingTime {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  /** Working minutes before interval i. */
  private readonly before: Float64Array;

  constructor(readonly intervals: readonly Interval[]) {
    const n = intervals.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.before = new Float64Array(n + 1);
    intervals.forEach(([s, e], i) => {
      this.starts[i] = s;
      this.ends[i] = e;
      this.before[i + 1] = (this.before[i] as number) + (e - s);
    });
  }

  /** Total working minutes the calendar holds (up to its horizon). */
  get total(): number {
    return this.before[this.starts.length] as number;
  }

  /** Working minutes in [0, t). */
  work(t: number): number {
    const i = this.lastStartingBy(t);
    if (i < 0) return 0;
    return (this.before[i] as number) + Math.min(t, this.ends[i] as number) - (this.starts[i] as number);
  }

  /** Working minutes in [from, to). */
  within(from: number, to: number): number {
    return to > from ? this.work(to) - this.work(from) : 0;
  }

  /** The first working instant at which `w` minutes of work lie behind (where work resumes). */
  startAt(w: number): number {
    const i = this.firstWith((k) => (this.before[k + 1] as number) > w);
    return (this.starts[i] as number) + w - (this.before[i] as number);
  }

  /** The instant at which the w-th working minute ends (no trailing non-working time). */
  endAt(w: number): number {
    if (w <= 0) return 0;
    const i = this.firstWith((k) => (this.before[k + 1] as number) >= w);
    return (this.starts[i] as number) + w - (this.before[i] as number);
  }

  /** Whether t lies inside working time. */
  isWorking(t: number): boolean {
    const i = this.lastStartingBy(t);
    return i >= 0 && t < (this.ends[i] as number);
  }

  /** Index of the last interval starting at or before t, or -1. */
  private lastStartingBy(t: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] as number) <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  private firstWith(ok: (k: number) => boolean): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ok(mid)) { found = mid; hi = mid - 1; } else lo = mid + 1;
    }
    if (found < 0) throw new Error(`the calendar ends before ${this.total} working minutes are used up; the planning horizon is too short`);
    return found;
  }
}

import type { Interval } from '../../src/model/calendar.ts';

/** Working intervals within [from, to): sorted, disjoint, none reaching outside that span. */
export type IntervalSource = (from: number, to: number) => Interval[];

/** Calendars are generated this far ahead at a time (four weeks). */
const CHUNK = 4 * 7 * 1440;

/**
 * A plan may reach this far past its start (20 years). Beyond it a calendar is not generated:
 * an order that would need more working time than that is refused with this error instead of
 * building shift intervals without end.
 */
export const PLANNING_LIMIT = 20 * 365 * 1440;

export class PlanningLimitError extends Error {
  constructor(readonly what: string) {
    super(`${what} needs working time more than 20 years past the plan start; the plan is refused (check quantities, times and calendars)`);
    this.name = 'PlanningLimitError';
  }
}

/**
 * One resource's working time as a clock of working minutes counted from `origin` (the plan
 * start): work(t) counts the working minutes in [origin, t); startAt and endAt map a count back to
 * calendar time. Work pauses at a shift's end, a break or planned maintenance and resumes at the
 * next working instant (preemptive resume, as the simulator runs it), so d working minutes started
 * at s end at endAt(work(s) + d).
 *
 * Intervals are generated lazily, four weeks at a time, only as far as a question reaches, so
 * memory follows the length of the plan and never the size of an order; past PLANNING_LIMIT a
 * PlanningLimitError names `what` ran out. A null source is a clock that always works.
 */
/**
 * Working minutes past an interval's cumulative end that are rounding, not work: the simulator's
 * 1e-9 (DUE_NOW in src/sim/activity.ts) plus a relative part for counts far from the origin, where
 * a few ulps exceed 1e-9 (1e7 minutes: 1e-6 min, 60 µs — far below any real piece of work).
 */
function endSlack(w: number): number {
  return 1e-9 + Math.abs(w) * 1e-13;
}

export class WorkingTime {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Working minutes before interval i (length = intervals + 1). */
  private readonly before: number[] = [0];
  private covered: number;
  private readonly limit: number;

  constructor(
    private readonly source: IntervalSource | null,
    readonly origin: number,
    readonly what = 'a calendar',
  ) {
    this.covered = origin;
    this.limit = origin + PLANNING_LIMIT;
  }

  /** True when the clock has no pauses at all. */
  get always(): boolean {
    return this.source === null;
  }

  /** Working minutes in [origin, t). */
  work(t: number): number {
    if (t <= this.origin) return 0;
    if (this.source === null) return t - this.origin;
    this.coverTime(t);
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
    if (this.source === null) return this.origin + Math.max(0, w);
    const i = this.firstWith(w, false);
    return (this.starts[i] as number) + w - (this.before[i] as number);
  }

  /**
   * The instant at which the w-th working minute ends (no trailing pause); origin for w ≤ 0.
   * A count that lands within rounding (`endSlack`) past an interval's cumulative end ends with
   * that interval: `work(535.2) + 4.8` can exceed the count at a 540 break by a few ulps, and the
   * run must end at 540 — as the simulator ends it (work left ≤ DUE_NOW at a pause is done) and
   * as the plant checker expects — not a sliver after the break.
   */
  endAt(w: number): number {
    if (w <= 0) return this.origin;
    if (this.source === null) return this.origin + w;
    const i = this.firstWith(w, true);
    const before = this.before[i] as number;
    if (i > 0 && w - before <= endSlack(w)) return this.ends[i - 1] as number;
    return Math.min((this.starts[i] as number) + w - before, this.ends[i] as number);
  }

  /** The first working instant at or after t. */
  nextWorking(t: number): number {
    const from = Math.max(t, this.origin);
    return this.source === null ? from : this.startAt(this.work(from));
  }

  /** When `minutes` of work started (or resumed) at t end. */
  finish(t: number, minutes: number): number {
    return minutes > 0 ? this.endAt(this.work(t) + minutes) : Math.max(t, this.origin);
  }

  /** Whether t lies inside working time. */
  isWorking(t: number): boolean {
    if (t < this.origin) return false;
    if (this.source === null) return true;
    this.coverTime(t);
    const i = this.lastStartingBy(t);
    return i >= 0 && t < (this.ends[i] as number);
  }

  /**
   * The first instant ≥ t from which `minutes` of work run without a pause (a stretch that long
   * starts there, or t lies inside one with that much left).
   */
  nextStretch(t: number, minutes: number): number {
    let s = this.nextWorking(t);
    if (this.source === null || minutes <= 0) return s;
    for (;;) {
      const i = this.lastStartingBy(s);
      const end = this.ends[i] as number;
      if (end - s >= minutes - 1e-9) return s;
      this.coverTime(end + 1);
      if (i + 1 >= this.starts.length) throw new PlanningLimitError(this.what);
      s = this.starts[i + 1] as number;
    }
  }

  /** Working intervals overlapping [from, to), clipped (for checks and displays). */
  intervals(from: number, to: number): Interval[] {
    if (this.source === null) return to > from ? [[from, to]] : [];
    this.coverTime(to);
    const out: Interval[] = [];
    for (let i = Math.max(0, this.lastStartingBy(from)); i < this.starts.length; i++) {
      const s = this.starts[i] as number;
      if (s >= to) break;
      const e = Math.min(this.ends[i] as number, to);
      if (e > from) out.push([Math.max(s, from), e]);
    }
    return out;
  }

  private extend(): void {
    if (this.covered >= this.limit) throw new PlanningLimitError(this.what);
    const to = Math.min(this.covered + CHUNK, this.limit);
    const pieces = (this.source as IntervalSource)(this.covered, to);
    for (const [s, e] of pieces) {
      if (e <= s) continue;
      const n = this.starts.length;
      // A shift running across the chunk boundary arrives as two pieces: join them.
      if (n > 0 && s <= (this.ends[n - 1] as number)) {
        const added = Math.max(0, e - (this.ends[n - 1] as number));
        this.ends[n - 1] = Math.max(this.ends[n - 1] as number, e);
        this.before[n] = (this.before[n] as number) + added;
        continue;
      }
      this.starts.push(s);
      this.ends.push(e);
      this.before.push((this.before[n] as number) + (e - s));
    }
    this.covered = to;
  }

  /** Generates intervals until everything before t (and the interval holding t) is known. */
  private coverTime(t: number): void {
    while (this.covered <= t) this.extend();
  }

  private get total(): number {
    return this.before[this.starts.length] as number;
  }

  /** Index of the first interval whose cumulative end is > w (or ≥ w with `inclusive`), generating as needed. */
  private firstWith(w: number, inclusive: boolean): number {
    while (inclusive ? this.total < w : this.total <= w) this.extend();
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = this.before[mid + 1] as number;
      if (inclusive ? b >= w : b > w) hi = mid; else lo = mid + 1;
    }
    return lo;
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
}

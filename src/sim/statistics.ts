/**
 * Collectors for simulation outputs. Both can be reset at the end of a warm-up period, so the
 * start-up transient (an empty plant) does not bias steady-state estimates.
 */

/**
 * Mean and variance of observations (times in system, lead times), by Welford's update.
 *
 * Fields that will hold fractions start from NaN, a double, and get their real start value in
 * the constructor. V8 gives a number field the representation of the first value stored: 0 makes
 * it a small-integer field, and the first fraction then changes the object's hidden class, so
 * objects made before and after differ; code optimised in one run (one replication) is thrown
 * away when the next run stores its new collectors and simulator into the model's fields. A field
 * only declared, assigned in the constructor, is worse: it holds any value, and every fraction
 * stored in it is a new heap allocation.
 */
export class Tally {
  count = 0;
  mean = NaN;
  min = Infinity;
  max = -Infinity;
  private sumSquares = NaN;

  constructor() {
    this.reset();
  }

  add(x: number): void {
    const n = ++this.count;
    const delta = x - this.mean;
    this.mean += delta / n;
    this.sumSquares += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Sample variance (n − 1 denominator); NaN with fewer than two observations. */
  get variance(): number {
    return this.count > 1 ? this.sumSquares / (this.count - 1) : NaN;
  }

  get sd(): number {
    return Math.sqrt(this.variance);
  }

  reset(): void {
    this.count = 0;
    this.mean = 0;
    this.sumSquares = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }
}

/**
 * Time average of a level that changes at events: work in process, queue length, machines busy.
 * The level holds its value between calls to `set`.
 */
export class TimeWeighted {
  // NaN until the constructor sets them: see `Tally`.
  private startTime = NaN;
  private lastTime = NaN;
  private area = NaN;
  private level = NaN;
  private highest = NaN;

  constructor(now = 0, level = 0) {
    this.startTime = now;
    this.lastTime = now;
    this.area = 0;
    this.level = level;
    this.highest = level;
  }

  get value(): number {
    return this.level;
  }

  get max(): number {
    return this.highest;
  }

  set(now: number, level: number): void {
    this.area += this.level * (now - this.lastTime);
    this.lastTime = now;
    this.level = level;
    if (level > this.highest) this.highest = level;
  }

  add(now: number, change: number): void {
    this.set(now, this.level + change);
  }

  /** Average level from the start (or last reset) to `now`; the current level if no time passed. */
  mean(now: number): number {
    const elapsed = now - this.startTime;
    if (elapsed <= 0) return this.level;
    return (this.area + this.level * (now - this.lastTime)) / elapsed;
  }

  /** Forgets the past but keeps the current level: the plant is not emptied by a warm-up. */
  reset(now: number): void {
    this.startTime = now;
    this.lastTime = now;
    this.area = 0;
    this.highest = this.level;
  }
}

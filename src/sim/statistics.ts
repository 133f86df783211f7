/**
 * Collectors for simulation outputs. Both can be reset at the end of a warm-up period, so the
 * start-up transient (an empty plant) does not bias steady-state estimates.
 */

/** Mean and variance of observations (times in system, lead times), by Welford's update. */
export class Tally {
  count = 0;
  mean = 0;
  min = Infinity;
  max = -Infinity;
  private sumSquares = 0;

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
  private startTime: number;
  private lastTime: number;
  private area = 0;
  private level: number;
  private highest: number;

  constructor(now = 0, level = 0) {
    this.startTime = now;
    this.lastTime = now;
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

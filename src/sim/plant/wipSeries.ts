/**
 * Work in process sampled every `every` minutes from `from`, for charts (time averages come from
 * TimeWeighted). The plant calls `beforeChange(now)` before each change of the level, so a
 * sample at time t shows the level after every change at or before t, whatever the order of
 * events at t, and sampling needs no events of its own.
 */
export class WipSeries {
  readonly times: number[] = [];
  readonly lots: number[] = [];
  readonly units: number[] = [];
  private next: number;

  constructor(
    readonly every: number,
    from: number,
    private readonly read: () => { lots: number; units: number },
  ) {
    this.next = every > 0 ? from : Infinity;
  }

  /** Records the samples due before `now` (the level has held since the last change). */
  beforeChange(now: number): void {
    while (this.next < now) this.take();
  }

  /** Records the samples due up to and including `end`. */
  finish(end: number): void {
    while (this.next <= end) this.take();
  }

  private take(): void {
    const { lots, units } = this.read();
    this.times.push(this.next);
    this.lots.push(lots);
    this.units.push(units);
    this.next += this.every;
  }
}

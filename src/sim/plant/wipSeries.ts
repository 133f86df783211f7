import type { Simulator } from '../simulator.ts';

/** Work in process sampled at fixed intervals, for charts (time averages come from TimeWeighted). */
export class WipSeries {
  readonly times: number[] = [];
  readonly lots: number[] = [];
  readonly units: number[] = [];

  constructor(
    private readonly sim: Simulator,
    readonly every: number,
    from: number,
    private readonly to: number,
    private readonly read: () => { lots: number; units: number },
  ) {
    if (every > 0 && from <= to) sim.scheduleAt(from, WipSeries.sample, this);
  }

  private static sample(this: void, series: WipSeries): void {
    const now = series.sim.now;
    const { lots, units } = series.read();
    series.times.push(now);
    series.lots.push(lots);
    series.units.push(units);
    if (now + series.every <= series.to) series.sim.schedule(series.every, WipSeries.sample, series);
  }
}

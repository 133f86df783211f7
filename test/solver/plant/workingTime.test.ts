import { describe, expect, it } from 'vitest';
import type { Interval } from '../../../src/model/calendar.ts';
import { WorkingTime } from '../../../solver/plant/workingTime.ts';

const DAY = 1440;

/** Every day 08:00–09:00, a 15-minute break, 09:15–16:00. */
function dayShifts(from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (let d = Math.floor(from / DAY); d * DAY < to; d++) {
    for (const [a, b] of [[480, 540], [555, 960]] as const) {
      const s = Math.max(from, d * DAY + a);
      const e = Math.min(to, d * DAY + b);
      if (e > s) out.push([s, e]);
    }
  }
  return out;
}

/** The simulator's rule (src/sim/activity.ts DUE_NOW): work left ≤ 1e-9 at a pause is done. */
const SIM_DUE_NOW = 1e-9;

describe('WorkingTime.finish where the working-minute count lands ulps past an interval end', () => {
  // Work started at `start` for `minutes` that ends exactly at a break in calendar time, while the
  // count work(start) + minutes exceeds the count at the break by a few ulps (found on the
  // 10,000-order plant: 535.2 + 4.8 ran over the 09:00 break and ended at 09:15).
  const cases: [start: number, minutes: number, breakAt: number][] = [
    [535.2, 4.8, 540],
    [7 * DAY + 535.2, 4.8, 7 * DAY + 540],
    [13 * DAY + 535.2, 4.8, 13 * DAY + 540],
    [539.7, 0.3, 540],
    [7 * DAY + 539.7, 0.3, 7 * DAY + 540],
    [14 * DAY + 539.9, 0.1, 14 * DAY + 540],
    [35 * DAY + 539.8, 0.2, 35 * DAY + 540],
    [77 * DAY + 539.7, 0.3, 77 * DAY + 540],
  ];

  it.each(cases)('work from %s for %s min ends at the break (%s), not after it', (start, minutes, breakAt) => {
    const wt = new WorkingTime(dayShifts, 0);
    // The case is one of rounding: the count overshoots, the simulator's clock does not (or within DUE_NOW).
    expect(wt.work(start) + minutes).toBeGreaterThan(wt.work(breakAt));
    expect(start + minutes - breakAt).toBeLessThanOrEqual(SIM_DUE_NOW);
    expect(wt.finish(start, minutes)).toBe(breakAt);
    expect(wt.endAt(wt.work(breakAt))).toBe(breakAt);
  });

  it('still carries real work over the break', () => {
    const wt = new WorkingTime(dayShifts, 0);
    expect(wt.finish(539.7, 0.300001)).toBeCloseTo(555.000001, 9);
    expect(wt.finish(7 * DAY + 535.2, 4.81)).toBeCloseTo(7 * DAY + 555.01, 9);
    expect(wt.finish(535.2, 4.8 + 1e-6)).toBeGreaterThan(555);
  });

  it('stays exact where the count does not overshoot', () => {
    const wt = new WorkingTime(dayShifts, 0);
    expect(wt.finish(480, 60)).toBe(540);
    expect(wt.finish(480, 61)).toBe(556);
    expect(wt.finish(500, 0)).toBe(500);
    expect(wt.endAt(0)).toBe(0);
    // The first working minute of the day ends a minute after the shift starts.
    expect(wt.endAt(1)).toBe(481);
    // A whole day of work (465 min) ends at 16:00; one minute more ends next morning.
    expect(wt.finish(480, 465)).toBe(960);
    expect(wt.finish(480, 466)).toBe(DAY + 481);
  });

  it('keeps the slack relative far from the plan start (years of working minutes)', () => {
    const wt = new WorkingTime(dayShifts, 0);
    const day = 3000; // ~8 years ahead: counts of ~1.4 million minutes
    const start = day * DAY + 535.2;
    expect(wt.finish(start, 4.8)).toBe(day * DAY + 540);
    expect(wt.finish(start, 4.801)).toBeCloseTo(day * DAY + 555.001, 6);
  });
});

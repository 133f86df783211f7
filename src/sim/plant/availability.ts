import { subtractWindows, type Interval } from '../../model/calendar.ts';
import { calendarIntervals as sharedCalendarIntervals } from './calendarGate.ts';
import type { CompiledPlant } from './compiledPlant.ts';
import { maintenanceWindows } from './maintenance.ts';
export { intersectIntervals } from '../../model/calendar.ts';

const cache = new WeakMap<CompiledPlant, Map<string, readonly Interval[]>>();

function cached(plant: CompiledPlant, key: string, make: () => readonly Interval[]): readonly Interval[] {
  let map = cache.get(plant);
  if (!map) cache.set(plant, (map = new Map()));
  let value = map.get(key);
  if (!value) map.set(key, (value = make()));
  return value;
}

/** Working intervals of calendar `c` (an index into plant.calendars) within [0, horizon), sorted and merged; computed once per calendar and horizon. */
export function calendarIntervals(plant: CompiledPlant, c: number, horizon: number): readonly Interval[] {
  return sharedCalendarIntervals(plant.calendars[c]!, plant.scenario.start, horizon);
}

/**
 * When equipment `e` may work, within [0, horizon): its calendar's working time minus its planned
 * maintenance. Work (changeovers and runs) progresses only inside these intervals and pauses
 * between them (preemptive resume); an uninterruptible run must fit inside one of them.
 * Breakdowns are random and not in here.
 */
export function availableIntervals(plant: CompiledPlant, e: number, horizon: number): readonly Interval[] {
  return cached(plant, `e${e}/${horizon}`, () => {
    const spec = plant.equipment[e]!;
    const working = calendarIntervals(plant, spec.calendar, horizon);
    return spec.maintenance.length === 0 ? working : subtractWindows(working, maintenanceWindows(spec, 0, horizon));
  });
}

/** When operator pool `p` is on shift within [0, horizon); one interval for a pool without a calendar. */
export function poolIntervals(plant: CompiledPlant, p: number, horizon: number): readonly Interval[] {
  const calendar = plant.operatorPools[p]!.calendar;
  return calendar < 0 ? [[0, horizon]] : calendarIntervals(plant, calendar, horizon);
}

/**
 * How far past the horizon an uninterruptible run's window is looked for (a run starting near the
 * end must know where its window ends); equipment where the run fits in no window up to there is
 * not chosen for it — by the simulator (equipmentChoice) and the scheduler (plantProblem) alike.
 */
export const FIT_LOOK_AHEAD = 28 * 1440;

/**
 * The earliest instant t ≥ from at which `minutes` of uninterrupted work fit: [t, t + minutes]
 * inside one interval. Infinity when no interval (up to the last one given) is long enough.
 */
export function earliestFit(intervals: readonly Interval[], from: number, minutes: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]![1] <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < intervals.length; i++) {
    const [s, e] = intervals[i]!;
    const t = Math.max(s, from);
    if (e - t >= minutes) return t;
  }
  return Infinity;
}

/** The longest interval, in minutes (0 for none). */
export function longestInterval(intervals: readonly Interval[]): number {
  let longest = 0;
  for (const [s, e] of intervals) longest = Math.max(longest, e - s);
  return longest;
}

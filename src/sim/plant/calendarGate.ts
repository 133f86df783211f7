import { workingIntervals, type Interval } from '../../model/calendar.ts';
import type { Scenario } from '../../model/scenarioSchema.ts';

type Calendar = Scenario['calendars'][number];
import type { Simulator } from '../simulator.ts';

const sharedIntervals = new WeakMap<Calendar, Map<string, readonly Interval[]>>();

/**
 * A calendar's working intervals up to the horizon, computed once and shared by every
 * replication of the plant (about a twentieth of a week's replication went to recomputing them).
 */
export function calendarIntervals(calendar: Calendar, startIso: string, horizon: number): readonly Interval[] {
  let byRange = sharedIntervals.get(calendar);
  if (!byRange) sharedIntervals.set(calendar, byRange = new Map());
  const key = `${startIso} ${horizon}`;
  let intervals = byRange.get(key);
  if (!intervals) byRange.set(key, intervals = Object.freeze(workingIntervals(calendar, startIso, horizon)));
  return intervals;
}

/**
 * Opens and closes with a calendar's working intervals and tells its listeners (equipment,
 * operator pools). One gate per calendar, so a shift change is one event however many machines
 * follow that calendar. Listeners hear changes in the order they subscribed.
 */
export class CalendarGate {
  open: boolean;
  private readonly listeners: ((open: boolean) => void)[] = [];

  constructor(
    sim: Simulator,
    readonly intervals: readonly Interval[],
    start: number,
    end: number,
  ) {
    this.open = intervals.some(([s, e]) => s <= start && start < e);
    // Boundaries at or after the end change nothing that is measured; workingIntervals also cuts
    // intervals at the horizon, so an end there is not a real shift end.
    for (const [s, e] of intervals) {
      if (s > start && s < end) sim.scheduleAt(s, CalendarGate.change, { gate: this, open: true });
      if (e > start && e < end) sim.scheduleAt(e, CalendarGate.change, { gate: this, open: false });
    }
  }

  subscribe(listener: (open: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Working minutes within [from, to). */
  workingWithin(from: number, to: number): number {
    let total = 0;
    for (const [s, e] of this.intervals) total += Math.max(0, Math.min(e, to) - Math.max(s, from));
    return total;
  }

  private static change(this: void, event: { gate: CalendarGate; open: boolean }): void {
    const gate = event.gate;
    if (gate.open === event.open) return;
    gate.open = event.open;
    for (const listener of gate.listeners) listener(event.open);
  }
}

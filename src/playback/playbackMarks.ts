import { minutesBetween, workingIntervals } from '../model/calendar.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import type { TwinStateSource } from './stateSource.ts';

/** A source further than this from the scenario's start is not on its calendar (a recording from another year). */
const CALENDAR_REACH_MINUTES = 366 * 1440;

/**
 * Minutes (from the source's start) at which a shift of the plant's default calendar begins
 * within the source's horizon, sorted; empty when the source does not lie on the scenario's
 * calendar. Breaks do not count: "next shift" jumps to the next shift start.
 */
export function shiftStarts(scenario: Scenario, source: Pick<TwinStateSource, 'startIso' | 'horizon'>): number[] {
  const calendar = scenario.calendars.find((c) => c.id === scenario.equipmentCalendars.default) ?? scenario.calendars[0];
  const offset = minutesBetween(scenario.start, source.startIso);
  if (!calendar || !Number.isFinite(offset) || offset < 0 || offset > CALENDAR_REACH_MINUTES) return [];
  const until = offset + source.horizon;
  const starts = new Set<number>();
  // One shift at a time, without its breaks: each working interval's start is then that shift's start.
  for (const shift of calendar.shifts) {
    for (const [start] of workingIntervals({ ...calendar, shifts: [{ ...shift, breaks: [] }] }, scenario.start, until)) {
      // An interval starting at the window's edge may be a shift already running: not a start.
      if (start > offset) starts.add(start - offset);
    }
  }
  return [...starts].filter((m) => m >= 0 && m <= source.horizon).sort((a, b) => a - b);
}

/**
 * Where playback of a new source starts: at the first shift start when the source lies on the
 * plant's calendar (the hours before it are off shift: nothing to see), else at its first state
 * change, else at 0.
 */
export function playbackStart(source: TwinStateSource, shifts: readonly number[]): number {
  if (shifts.length > 0) return shifts[0]!;
  const first = source.nextEvent?.(-1);
  return first !== undefined && first > 0 && first < source.horizon ? first : 0;
}

/** The next mark after `minutes` in a sorted list; undefined after the last. */
export function nextMark(marks: readonly number[], minutes: number): number | undefined {
  return marks.find((m) => m > minutes + 1e-9);
}

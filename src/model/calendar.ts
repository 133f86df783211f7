import type { z } from 'zod';
import type { Calendar as CalendarSchema } from './scenarioSchema.ts';

type Calendar = z.infer<typeof CalendarSchema>;

/** Half-open working interval [start, end) in minutes from the scenario start. */
export type Interval = readonly [number, number];

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A shift as minutes from the midnight of the day it starts: an end not after the start is the next day. */
export function shiftMinutes(shift: { start: string; end: string }): Interval {
  const s = clockMinutes(shift.start);
  const e = clockMinutes(shift.end);
  return [s, e <= s ? e + 1440 : e];
}

/**
 * A break of a shift, as minutes from the midnight of the day the shift starts: it begins at the
 * first such clock time at or after the shift's start (after midnight when earlier), and ends at
 * the first such clock time after it begins. A break that does not then lie within its shift is
 * refused by the validator (calendarChecks.ts), never dropped.
 */
export function breakMinutes(shiftStart: number, b: { start: string; end: string }): Interval {
  let bs = clockMinutes(b.start);
  if (bs < shiftStart) bs += 1440;
  let be = clockMinutes(b.end) + (bs >= 1440 ? 1440 : 0);
  if (be <= bs) be += 1440;
  return [bs, be];
}

/** Offset of an ISO date-time in minutes ("Z" → 0); clock times in calendars are read in this offset. */
export function isoOffsetMinutes(iso: string): number {
  const m = /([+-])(\d\d):?(\d\d)$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Minutes from `startIso` to `iso` (may be negative). */
export function minutesBetween(startIso: string, iso: string): number {
  return (Date.parse(iso) - Date.parse(startIso)) / 60_000;
}

/**
 * ISO date-time (in the start's offset) of a minute offset from the start, to the millisecond
 * (written only when not whole seconds): schedules hold fractional minutes, and a follower that
 * holds work to these times must read back the very instant planned.
 */
let isoStart = '';
let isoBase = 0;
let isoOffset = 0;

export function isoAt(startIso: string, minutes: number): string {
  // Schedules write thousands of times from one start: parse it once.
  if (startIso !== isoStart) { isoOffset = isoOffsetMinutes(startIso); isoBase = Date.parse(startIso); isoStart = startIso; }
  const offset = isoOffset;
  const local = localIso(Math.round(isoBase + (minutes + offset) * 60_000));
  if (offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Years 0000–9999, where toISOString writes four digits of year. */
const FOUR_DIGIT_YEARS: readonly [number, number] = [-62_167_219_200_000, 253_402_300_800_000];
let isoDay = Number.NaN;
let isoDayText = '';
const two = (x: number): string => (x < 10 ? `0${x}` : String(x));

/**
 * toISOString() without its zone, to the second, or to the millisecond when not whole seconds.
 * A plan of 100,000 orders writes millions of times, mostly on the same days: the date is
 * formatted once a day.
 */
function localIso(ms: number): string {
  if (!(ms >= (FOUR_DIGIT_YEARS[0] as number) && ms < (FOUR_DIGIT_YEARS[1] as number))) {
    const iso = new Date(ms).toISOString();
    return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
  }
  const day = Math.floor(ms / DAY_MS);
  if (day !== isoDay) { isoDay = day; isoDayText = new Date(day * DAY_MS).toISOString().slice(0, 11); }
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  const milli = rest - sec * 1000;
  const text = `${isoDayText}${two(h)}:${two(m)}:${two(sec)}`;
  return milli === 0 ? text : `${text}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}`;
}

/** `base` with the `cuts` taken out (cuts in any order, may overlap). */
export function subtractIntervals(base: Interval, cuts: readonly Interval[]): Interval[] {
  let pieces: Interval[] = [base];
  for (const [cs, ce] of cuts) {
    pieces = pieces.flatMap(([s, e]): Interval[] => {
      if (ce <= s || cs >= e) return [[s, e]];
      const out: Interval[] = [];
      if (cs > s) out.push([s, cs]);
      if (ce < e) out.push([ce, e]);
      return out;
    });
  }
  return pieces;
}

/**
 * Working time of a calendar within [from, horizon) minutes of the scenario start (from defaults
 * to 0), sorted and merged. A shift whose end is not after its start runs past midnight; a holiday
 * cancels the shifts that start on it (a night shift starting the evening before still runs, as on
 * real shop floors). Generating a window rather than everything from 0 lets the scheduler extend a
 * calendar only as far as a plan reaches.
 */
export function workingIntervals(calendar: Calendar, startIso: string, horizon: number, from = 0): Interval[] {
  const offset = isoOffsetMinutes(startIso);
  const localStartMs = Date.parse(startIso) + offset * 60_000;
  const firstMidnight = Math.floor(localStartMs / DAY_MS) * DAY_MS;
  const holidays = new Set(calendar.holidays);
  const raw: Interval[] = [];
  const days = Math.ceil(horizon / 1440) + 2;
  for (let k = Math.floor(from / 1440) - 2; k <= days; k++) {
    const midnight = firstMidnight + k * DAY_MS;
    const date = new Date(midnight);
    if (holidays.has(date.toISOString().slice(0, 10))) continue;
    const weekday = WEEKDAYS[date.getUTCDay()]!;
    const dayStart = (midnight - localStartMs) / 60_000;
    for (const shift of calendar.shifts) {
      if (!shift.days.includes(weekday)) continue;
      const [s, e] = shiftMinutes(shift);
      const breaks = shift.breaks.map((b): Interval => {
        const [bs, be] = breakMinutes(s, b);
        return [dayStart + bs, dayStart + be];
      });
      for (const [ps, pe] of subtractIntervals([dayStart + s, dayStart + e], breaks)) {
        const cs = Math.max(ps, from, 0);
        const ce = Math.min(pe, horizon);
        if (ce > cs) raw.push([cs, ce]);
      }
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of raw) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

export function totalMinutes(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, [s, e]) => sum + (e - s), 0);
}

/** Sorted, disjoint intervals minus windows (any order, may overlap). */
export function subtractWindows(intervals: readonly Interval[], windows: readonly (readonly [number, number])[]): Interval[] {
  const cuts = [...windows].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  let k = 0;
  for (const [s0, e] of intervals) {
    let s = s0;
    while (k < cuts.length && cuts[k]![1] <= s) k++;
    for (let j = k; j < cuts.length && cuts[j]![0] < e; j++) {
      const [cs, ce] = cuts[j]!;
      if (cs > s) out.push([s, cs]);
      s = Math.max(s, ce);
      if (s >= e) break;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

/** A planned stop: from `start` for `duration` minutes, again every `repeatEvery` minutes (Infinity: once). */
export interface RepeatingWindow {
  start: number;
  duration: number;
  repeatEvery: number;
}

/** [start, end) windows of `items` that overlap [from, to), repeats expanded, sorted by start. */
export function expandWindows(items: readonly RepeatingWindow[], from: number, to: number): [number, number][] {
  const windows: [number, number][] = [];
  for (const m of items) {
    let k = 0;
    if (m.repeatEvery < Infinity && m.start + m.duration <= from) k = Math.floor((from - m.start - m.duration) / m.repeatEvery) + 1;
    for (; ; k++) {
      const start = m.start + k * (m.repeatEvery < Infinity ? m.repeatEvery : 0);
      if (start >= to || (k > 0 && m.repeatEvery === Infinity)) break;
      if (start + m.duration > from) windows.push([start, start + m.duration]);
    }
  }
  return windows.sort((a, b) => a[0] - b[0]);
}

/** Intersection of two sorted lists of disjoint intervals. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]![0], b[j]![0]);
    const e = Math.min(a[i]![1], b[j]![1]);
    if (e > s) out.push([s, e]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

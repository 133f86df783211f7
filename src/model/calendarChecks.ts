import type { z } from 'zod';
import { breakMinutes, shiftMinutes, totalMinutes, workingIntervals } from './calendar.ts';
import type { Findings } from './findings.ts';
import type { Calendar, Scenario } from './scenarioSchema.ts';

type CalendarT = z.infer<typeof Calendar>;

/** Working time is looked for within the horizon, but at most a year: enough to show a calendar works, and bounded. */
const LOOK_AHEAD = 366 * 1440;

/** A break belongs to the shift it is listed under, read the way calendar.ts reads it (breakMinutes). */
function checkBreaks(calendar: CalendarT, path: string, f: Findings): void {
  calendar.shifts.forEach((shift, s) => {
    const [start, end] = shiftMinutes(shift);
    shift.breaks.forEach((b, k) => {
      const [bs, be] = breakMinutes(start, b);
      if (bs < start || be > end) {
        f.error(`${path}.shifts[${s}].breaks[${k}]`, `a break within its shift ${shift.start}–${shift.end}`, `${b.start}–${b.end}`,
          'move the break into the shift, or list it under the shift it belongs to');
      }
    });
  });
}

function dayName(startIso: string, minutes: number): string {
  return new Date(Date.parse(startIso) + minutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Each calendar must give some working time within the experiment horizon: a machine or crew on a
 * calendar without working time can never run. Unused calendars only get a warning.
 */
export function checkCalendars(scenario: Scenario, used: ReadonlySet<string>, f: Findings): void {
  const horizon = Math.min(scenario.experiment.horizon, LOOK_AHEAD);
  scenario.calendars.forEach((calendar, c) => {
    const path = `calendars[${c}]`;
    checkBreaks(calendar, path, f);
    if (totalMinutes(workingIntervals(calendar, scenario.start, horizon)) > 0) return;
    const days = [...new Set(calendar.shifts.flatMap((s) => s.days))].join(', ');
    const found = `no working minutes from ${dayName(scenario.start, 0)} to ${dayName(scenario.start, horizon)}`;
    const hint = `its shifts run on ${days}; check the days, the breaks and the holidays, or lengthen experiment.horizon`;
    if (used.has(calendar.id)) f.error(path, 'a calendar with working time within the experiment horizon', found, hint);
    else f.warn(path, 'a calendar with working time within the experiment horizon', `${found} (the calendar is not used)`, hint);
  });
}

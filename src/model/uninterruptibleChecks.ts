import { expandWindows, intersectIntervals, minutesBetween, subtractWindows, workingIntervals, type Interval } from './calendar.ts';
import { distributionMean } from './common.ts';
import type { Findings } from './findings.ts';
import { listSome } from './render.ts';
import type { Scenario } from './scenarioSchema.ts';

/** How far windows are looked for: the horizon plus four weeks (as the simulator looks ahead), at most a year. */
const LOOK_AHEAD = 28 * 1440;
const LOOK_AT_MOST = 366 * 1440;

function longest(intervals: readonly Interval[]): number {
  let best = 0;
  for (const [s, e] of intervals) best = Math.max(best, e - s);
  return best;
}

/** When equipment may work up to `to`: its calendar minus planned maintenance (undefined: an unknown calendar, reported elsewhere). */
function windowsOf(s: Scenario, equipment: string, to: number): Interval[] | undefined {
  const calendarId = s.equipmentCalendars.overrides[equipment] ?? s.equipmentCalendars.default;
  const calendar = s.calendars.find((c) => c.id === calendarId);
  if (!calendar) return undefined;
  const maintenance = expandWindows(s.maintenance.filter((m) => m.equipment === equipment).map((m) => ({
    start: minutesBetween(s.start, m.start), duration: m.duration, repeatEvery: m.repeatEvery ?? Infinity,
  })), 0, to);
  return subtractWindows(workingIntervals(calendar, s.start, to), maintenance);
}

const fmt = (minutes: number): string => `${Math.round(minutes * 10) / 10} min`;

/**
 * An uninterruptible operation must fit, run whole, in one working window (no shift end, break
 * or planned maintenance inside) of some eligible equipment, for every order that needs it:
 * otherwise it could never start without breaking its rule. Its planned run is the mean time ×
 * the order's quantity, or one batch time on batch equipment. Fitting on some eligible
 * equipment only is a warning: the others are never chosen for that order. With a run skill,
 * the run must also fit a window where a crew with the skill is on shift (the equipment's
 * windows intersected with the crew's): on none of the equipment it fits alone is an error
 * (simulator and scheduler alike would have to break the rule), on some only a warning.
 */
export function checkUninterruptible(s: Scenario, f: Findings): void {
  const to = Math.min(s.experiment.horizon + LOOK_AHEAD, LOOK_AT_MOST);
  const windows = new Map<string, Interval[] | undefined>();
  const intervalsOf = (e: string): Interval[] | undefined => {
    if (!windows.has(e)) windows.set(e, windowsOf(s, e, to));
    return windows.get(e);
  };
  const windowOf = (e: string): number => {
    const w = intervalsOf(e);
    return w === undefined ? Infinity : longest(w);
  };
  const batch = new Set(s.batchEquipment.map((b) => b.equipment));
  s.routings.forEach((routing, r) => {
    const quantities = s.orders.filter((o) => s.products.some((p) => p.id === o.product && p.routing === routing.id)).map((o) => o.quantity);
    const largest = Math.max(1, ...quantities);
    routing.operations.forEach((op, j) => {
      if (!op.uninterruptible) return;
      const path = `routings[${r}].operations[${j}]`;
      const runs = op.equipment.map((e) => ({ id: e.equipment, run: distributionMean(e.time) * (batch.has(e.equipment) ? 1 : largest), window: windowOf(e.equipment) }));
      const fitting = runs.filter((e) => e.run <= e.window);
      const shown = runs.map((e) => `${e.id} ${fmt(e.run)} in ${e.window === Infinity ? 'an open' : fmt(e.window)} window`);
      const unit = quantities.length > 0 ? `the largest order (${largest} units)` : 'one unit';
      if (fitting.length === 0) {
        f.error(`${path}.uninterruptible`, 'an uninterruptible operation whose run fits in one working window (no shift end, break or planned maintenance inside) of some eligible equipment',
          `runs longer than every window for ${unit}: ${listSome(shown)}`,
          'lengthen or join the shifts of that equipment, move its maintenance, split the orders, or let the operation be interrupted');
      } else if (fitting.length < runs.length) {
        f.warn(`${path}.uninterruptible`, 'an uninterruptible operation that fits a working window on each eligible equipment',
          `too long for ${unit} on ${listSome(runs.filter((e) => e.run > e.window).map((e) => e.id))} (${listSome(shown)})`,
          'that equipment is never chosen for orders that do not fit there');
      }
      if (op.runSkill !== undefined) checkCrews(s, op.runSkill, fitting, intervalsOf, `${path}.runSkill`, to, f);
    });
  });
}

function checkCrews(
  s: Scenario, skill: string, fitting: readonly { id: string; run: number }[], intervalsOf: (e: string) => Interval[] | undefined,
  path: string, to: number, f: Findings,
): void {
  const pools = s.operators.filter((p) => p.skills.includes(skill));
  if (pools.length === 0 || fitting.length === 0) return;
  const shifts = pools.map((p) => {
    const calendar = p.calendar === undefined ? undefined : s.calendars.find((c) => c.id === p.calendar);
    return { id: p.id, intervals: calendar ? workingIntervals(calendar, s.start, to) : undefined };
  });
  // The longest window each equipment shares with some crew.
  const shared = fitting.map((e) => {
    const own = intervalsOf(e.id);
    const window = Math.max(...shifts.map((p) => (own === undefined ? (p.intervals === undefined ? Infinity : longest(p.intervals)) : longest(p.intervals === undefined ? own : intersectIntervals(own, p.intervals)))));
    return { ...e, window };
  });
  const withCrew = shared.filter((e) => e.run <= e.window);
  if (withCrew.length === shared.length) return;
  const shown = `${listSome(shared.map((e) => `${e.id} ${fmt(e.run)} in ${e.window === Infinity ? 'an open' : fmt(e.window)} window`))}; the crews' longest shifts: ${listSome(shifts.map((p) => `${p.id} ${p.intervals === undefined ? 'always on' : fmt(longest(p.intervals))}`))}`;
  if (withCrew.length === 0) {
    f.error(path, `a crew with "${skill}" on shift, together with its equipment's working time, long enough for the uninterruptible run`,
      `no window where equipment and crew both work holds the run: ${shown}`,
      'lengthen the crew\'s shifts or move their breaks, give the skill to a pool whose shifts hold the run, or let the operation be interrupted');
  } else {
    f.warn(path, `a crew with "${skill}" whose shifts hold the uninterruptible run on each eligible equipment`,
      `too short on ${listSome(shared.filter((e) => e.run > e.window).map((e) => e.id))} (${shown})`,
      'that equipment is never chosen for orders that do not fit there with a crew');
  }
}

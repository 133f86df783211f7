import { distributionMean } from './common.ts';
import type { Findings } from './findings.ts';
import type { Scenario } from './scenarioSchema.ts';

/**
 * Magnitudes the simulator and the scheduler handle in bounded time and memory (docs/FORMATS.md,
 * "Limits"). The work of a run grows with units × operations × passes and with the events over the
 * horizon; these bound each factor, so no accepted scenario runs for hours or exhausts memory.
 */
export const LIMITS = {
  /** 20 years of minutes: the planner's calendars stop there too (PlanningLimitError). */
  horizonMinutes: 20 * 365 * 1440,
  unitsPerOrder: 1_000_000,
  unitsInAll: 10_000_000,
  /** Expected passes of one unit through a routing's rework loops. */
  reworkPasses: 100,
  /** Failures, or maintenance windows, of one model over the horizon. */
  eventsOverHorizon: 1_000_000,
} as const;

const n = (x: number): string => (Math.abs(x) < 1e15 ? x.toLocaleString('en-US') : String(x));

type Routing = Scenario['routings'][number];

/**
 * A unit at an operation with yield y whose non-good units are reworked with fraction f comes
 * back with probability (1−y)·f; it passes 1/(1−(1−y)·f) times on average, forever when that is 1.
 * Loops of one routing multiply (an upper bound when they nest).
 */
function checkReworkLoops(routing: Routing, r: number, f: Findings): void {
  let passes = 1;
  routing.operations.forEach((op, j) => {
    const path = `routings[${r}].operations[${j}]`;
    const back = op.rework ? (1 - op.yield) * op.rework.fraction : 0;
    if (back >= 1) {
      f.error(`${path}.rework.fraction`, 'a rework loop a unit can leave: a yield above 0 or a rework fraction below 1',
        `yield ${op.yield} with every non-good unit reworked: no unit ever finishes`, 'set the yield the operation really has, or scrap some of the bad units');
      passes = Infinity;
      return;
    }
    if (op.yield === 0 && !op.rework) {
      f.warn(`${path}.yield`, 'a yield above 0', '0: every unit of this operation is scrap, so no order of this routing finishes');
    }
    passes /= 1 - back;
  });
  if (Number.isFinite(passes) && passes > LIMITS.reworkPasses) {
    f.error(`routings[${r}].operations`, `rework loops a unit passes at most ${LIMITS.reworkPasses} times on average`,
      `${n(Math.round(passes))} passes (yield and rework fraction of each operation)`, 'no real unit is reworked that often; check the yields');
  }
}

export function checkMagnitudes(s: Scenario, f: Findings): void {
  const { horizon } = s.experiment;
  if (horizon > LIMITS.horizonMinutes) {
    f.error('experiment.horizon', `at most ${n(LIMITS.horizonMinutes)} minutes (20 years)`, `${n(horizon)} minutes`);
  }
  let units = 0;
  s.orders.forEach((order, i) => {
    units += order.quantity;
    if (order.quantity > LIMITS.unitsPerOrder) {
      f.error(`orders[${i}].quantity`, `at most ${n(LIMITS.unitsPerOrder)} units in one order`, n(order.quantity), 'split it into several orders, or count in lots (a unit that stands for a box of pieces)');
    }
  });
  const wip = s.startState.kind === 'empty' ? [] : s.startState.wip;
  wip.forEach((lot, i) => {
    units += lot.quantity;
    if (lot.quantity > LIMITS.unitsPerOrder) {
      f.error(`startState.wip[${i}].quantity`, `at most ${n(LIMITS.unitsPerOrder)} units in one lot`, n(lot.quantity));
    }
  });
  if (units > LIMITS.unitsInAll) {
    f.error('orders', `at most ${n(LIMITS.unitsInAll)} units in all orders and work in progress`, n(units), 'count in lots (a unit that stands for a box of pieces)');
  }
  s.routings.forEach((routing, r) => checkReworkLoops(routing, r, f));
  const span = Math.min(horizon, LIMITS.horizonMinutes);
  s.failures.forEach((failure, i) => {
    const mean = distributionMean(failure.timeBetweenFailures);
    if (mean > 0 && span / mean > LIMITS.eventsOverHorizon) {
      f.error(`failures[${i}].timeBetweenFailures`, `a mean time between failures of at least ${n(span / LIMITS.eventsOverHorizon)} minutes (at most ${n(LIMITS.eventsOverHorizon)} failures over the horizon)`,
        `a mean of ${mean} minutes`);
    }
  });
  s.maintenance.forEach((m, i) => {
    if (m.repeatEvery !== undefined && span / m.repeatEvery > LIMITS.eventsOverHorizon) {
      f.error(`maintenance[${i}].repeatEvery`, `at least ${n(span / LIMITS.eventsOverHorizon)} minutes (at most ${n(LIMITS.eventsOverHorizon)} windows over the horizon)`, `${m.repeatEvery} minutes`);
    }
  });
}

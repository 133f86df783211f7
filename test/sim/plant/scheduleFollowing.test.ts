import { describe, expect, it } from 'vitest';
import { isoAt } from '../../../src/model/calendar.ts';
import { Schedule } from '../../../src/model/scheduleSchema.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order, START } from './plantBuilder.ts';

/** A schedule listing (order, equipment) in this order, one operation "op" each, one minute apart. */
function scheduleOf(entries: [string, string][]) {
  return Schedule.parse({
    format: 'plant-twin/schedule', version: 1, id: 's1', supersedes: null, scenario: 'test', createdAt: START,
    objective: 'hand-made', kpis: { makespan: 0, totalSetup: 0, weightedTardiness: 0, lateOrders: 0 },
    operations: entries.map(([o, e], k) => ({ order: o, operation: 'op', equipment: e, start: isoAt(START, k), end: isoAt(START, k + 1) })),
  });
}

describe('following a schedule', () => {
  const plant = makePlant({
    machines: [{ id: 'M1' }, { id: 'M2' }],
    scenario: {
      ...oneProduct([operation('op', { M1: 1, M2: 1 })]),
      orders: [order('o1', 'P', 10, 0, 999), order('o2', 'P', 10, 20, 999), order('o3', 'P', 10, 0, 999)],
      experiment: { horizon: 1000 },
    },
  });

  it('runs each machine’s listed operations in the listed order, waiting for the next listed lot', () => {
    const result = simulatePlant(plant, { dispatching: 'schedule', schedule: scheduleOf([['o2', 'M1'], ['o3', 'M1'], ['o1', 'M1']]) });
    // M1 waits for o2 (released at 20) although o1 and o3 are there: o2 20–30, o3 30–40, o1 40–50.
    expect(completions(result)).toEqual({ o1: 50, o2: 30, o3: 40 });
    expect(result.equipment[1]!.states.processing).toBe(0);
    expect(result.equipment[0]!.states.idle).toBeCloseTo(20, 9);
  });

  it('puts each operation on the equipment the schedule assigns', () => {
    const result = simulatePlant(plant, { dispatching: 'schedule', schedule: scheduleOf([['o1', 'M2'], ['o3', 'M2'], ['o2', 'M1']]) });
    expect(completions(result)).toEqual({ o1: 10, o2: 30, o3: 20 });
  });

  it('lets operations the schedule does not list fill gaps first come, first served', () => {
    const result = simulatePlant(plant, { dispatching: 'schedule', schedule: scheduleOf([['o2', 'M1']]) });
    // o1 and o3 are not listed: they go to the least-loaded machines and run at once.
    expect(completions(result)).toEqual({ o1: 10, o2: 30, o3: 10 });
  });
});

import { describe, expect, it } from 'vitest';
import { isoAt } from '../../../src/model/calendar.ts';
import { Schedule } from '../../../src/model/scheduleSchema.ts';
import { NO_DISTURBANCES } from '../../../src/sim/plant/plantRun.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order, START } from './plantBuilder.ts';

describe('starting from a snapshot', () => {
  const plant = (startState: object, orders = [order('o1', 'P', 10, -100, 500), order('o2', 'P', 4, -50, 500), order('o3', 'P', 5, 0, 500)]) => makePlant({
    machines: [{ id: 'M1' }, { id: 'M2' }],
    scenario: {
      ...oneProduct([operation('a', { M1: 1 }), operation('b', { M2: 2 })]),
      orders,
      startState: startState as never,
      experiment: { horizon: 500 },
    },
  });

  it('finishes the running job in its remaining time and works the waiting lots after it', () => {
    const result = simulatePlant(plant({
      kind: 'snapshot', time: '2026-11-30T00:00:00Z',
      equipment: [{ id: 'M2', state: 'processing', order: 'o1', operation: 'b', remaining: 3 }],
      wip: [{ order: 'o2', operation: 'b', quantity: 4, at: 'M2' }],
    }));
    // M2: o1 (10 units) 0–3, o2 3–11. o3 is released at 0: M1 0–5, then waits for M2: 11–21.
    expect(completions(result)).toEqual({ o1: 3, o2: 11, o3: 21 });
    expect(result.flow).toMatchObject({ unitsReleased: 19, unitsGood: 19, unitsInPlant: 0 });
    // Lead times count from the orders' release dates, before the snapshot.
    expect(result.leadTime.max).toBeCloseTo(103, 9);
  });

  it('starts the run at the snapshot time and releases open orders from then', () => {
    const result = simulatePlant(plant({
      kind: 'snapshot', time: '2026-11-30T01:40:00Z', // minute 100
      equipment: [{ id: 'M1', state: 'down', remaining: 10 }],
      wip: [],
    }));
    // Nothing of o1–o3 is in the snapshot: all are released at 100; M1 is repaired at 110.
    expect(result.window).toEqual({ start: 100, end: 500 });
    expect(result.equipment[0]!.states.down).toBeCloseTo(10, 9);
    const total = Object.values(result.equipment[0]!.states).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(400, 9);
    expect(completions(result).o1).toBe(110 + 10 + 20);
  });

  it('following a schedule, gives a work-in-process lot the entry listed for it', () => {
    const wip = plant({ kind: 'snapshot', time: '2026-11-30T00:00:00Z', equipment: [], wip: [{ order: 'o2', operation: 'b', quantity: 4, at: 'M2' }] },
      [order('o2', 'P', 4, -50, 500), order('o3', 'P', 5, 0, 500)]);
    const entry = (o: string, op: string, e: string, start: number, end: number) => ({ order: o, operation: op, equipment: e, start: isoAt(START, start), end: isoAt(START, end), frozen: false, locked: false });
    const schedule = Schedule.parse({
      format: 'plant-twin/schedule', version: 1, id: 's', supersedes: null, scenario: 'test', createdAt: START, objective: 'hand-made',
      kpis: { makespan: 0, totalSetup: 0, weightedTardiness: 0, lateOrders: 0 },
      operations: [entry('o2', 'b', 'M2', 6, 14), entry('o3', 'a', 'M1', 0, 5), entry('o3', 'b', 'M2', 14, 24)],
    });
    const result = simulatePlant(wip, { dispatching: 'schedule', schedule, disturbances: NO_DISTURBANCES });
    // The lot in front of M2 is o2's listed job: held to its planned 6, not run as an unlisted lot.
    expect(result.follow).toMatchObject({ entries: 3, matched: 3, mismatches: [] });
    expect(result.follow!.deviations).toMatchObject({ unlisted: 0, skipped: 0 });
    expect(completions(result)).toEqual({ o2: 14, o3: 24 });
  });

  it('continues a setup in progress and keeps the key it sets up for', () => {
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M' }],
      scenario: {
        products: [{ id: 'PA', name: 'A', family: 'A', routing: 'R' }],
        routings: [{ id: 'R', operations: [operation('op', { M: 1 })] }],
        setupMatrices: [{ id: 'SM', equipment: ['M'], keys: ['A'], times: [[7]], initial: 30 }],
        orders: [order('o1', 'PA', 5, 0, 500), order('o2', 'PA', 5, 0, 500)],
        startState: { kind: 'snapshot', time: '2026-11-30T00:00:00Z', equipment: [{ id: 'M', state: 'setup', order: 'o1', operation: 'op', remaining: 4 }] },
        experiment: { horizon: 500 },
      },
    }));
    // o1: 4 min of setup left, then 5; o2: A→A 7 + 5.
    expect(completions(result)).toEqual({ o1: 9, o2: 21 });
  });
});

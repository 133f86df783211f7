import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order } from './plantBuilder.ts';

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

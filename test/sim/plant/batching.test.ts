import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, operation, order } from './plantBuilder.ts';

const products = [
  { id: 'PA', name: 'A', family: 'A', routing: 'R' },
  { id: 'PB', name: 'B', family: 'B', routing: 'R' },
];
const furnace = (extra: object, orders: ReturnType<typeof order>[]) => makePlant({
  machines: [{ id: 'F' }],
  scenario: {
    products,
    routings: [{ id: 'R', operations: [operation('heat', { F: 50 })] }],
    batchEquipment: [{ equipment: 'F', capacity: 10, ...extra }],
    orders,
    experiment: { horizon: 1000 },
  },
});

describe('batch equipment', () => {
  it('groups lots of one family up to the capacity, first fit in rule order', () => {
    const result = simulatePlant(furnace({}, [
      order('a1', 'PA', 4, 0, 999), order('a2', 'PA', 4, 0, 999), order('b1', 'PB', 3, 0, 999), order('a3', 'PA', 4, 0, 999),
    ]));
    // Batch 1: a1 + a2 (8; a3 would make 12). Batch 2: the B family (b1 is next in FIFO). Batch 3: a3.
    expect(completions(result)).toEqual({ a1: 50, a2: 50, b1: 100, a3: 150 });
    const f = result.equipment[0]!;
    expect(f.states.processing).toBeCloseTo(150, 9);
    // performance: ideal = 50 min per 10 units; 15 units in 150 min → 75 / 150
    expect(f.oee!.performance).toBeCloseTo(0.5, 9);
  });

  it('waits up to maxWait for a fuller batch, and starts at once when it is full', () => {
    const result = simulatePlant(furnace({ maxWait: 30 }, [
      order('a1', 'PA', 4, 0, 999), order('a2', 'PA', 6, 100, 999), order('a3', 'PA', 4, 110, 999), order('a4', 'PA', 6, 115, 999),
    ]));
    // a1 alone waits 30 → 30–80. a2 (100) waits; a3 (110) brings 10 units → full → 110–160... a2 + a3 = 10.
    // a4 (115) waits until 145, the furnace is busy until 160 → 160–210.
    expect(completions(result)).toEqual({ a1: 80, a2: 160, a3: 160, a4: 210 });
    expect(result.equipment[0]!.states.idle).toBeCloseTo(30 + 10 + 0, 9);
  });

  it('splits a lot larger than the capacity into batch-sized lots', () => {
    const result = simulatePlant(furnace({}, [order('big', 'PA', 25, 0, 999)]));
    expect(completions(result)).toEqual({ big: 150 });
    expect(result.flow).toMatchObject({ lotsEntered: 3, lotsExited: 3, unitsGood: 25, unitsInPlant: 0 });
    expect(result.throughput.lots).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, operation, order } from './plantBuilder.ts';

describe('sequence-dependent setups', () => {
  // Families A and B on one machine: A→A 1, A→B 10, B→A 20, B→B 2 minutes; 5 minutes from empty.
  const plant = makePlant({
    machines: [{ id: 'M' }],
    scenario: {
      products: [
        { id: 'PA', name: 'A', family: 'A', routing: 'R' },
        { id: 'PB', name: 'B', family: 'B', routing: 'R' },
      ],
      routings: [{ id: 'R', operations: [operation('op', { M: 1 })] }],
      setupMatrices: [{ id: 'SM', equipment: ['M'], keys: ['A', 'B'], times: [[1, 10], [20, 2]], initial: 5 }],
      orders: [order('a1', 'PA', 10, 0, 500), order('b1', 'PB', 10, 0, 500), order('a2', 'PA', 10, 0, 500), order('a3', 'PA', 10, 0, 500)],
      experiment: { horizon: 500 },
    },
  });

  it('adds the matrix minutes in a forced FIFO sequence A, B, A, A', () => {
    const result = simulatePlant(plant);
    // 5 + 10 → 15; +10 + 10 → 35; +20 + 10 → 65; +1 + 10 → 76
    expect(completions(result)).toEqual({ a1: 15, b1: 35, a2: 65, a3: 76 });
    expect(result.equipment[0]!.states.setup).toBeCloseTo(5 + 10 + 20 + 1, 9);
    expect(result.equipment[0]!.setups).toBe(4);
  });

  it('counts setups as an availability loss, not as run time', () => {
    const oee = simulatePlant(plant).equipment[0]!.oee!;
    expect(oee.availability).toBeCloseTo(40 / 500, 9);
    expect(oee.performance).toBe(1);
  });

  it('starts from a snapshot key without the initial setup', () => {
    const fromB = makePlant({
      machines: [{ id: 'M' }],
      scenario: {
        ...plant.scenario!,
        orders: [order('b1', 'PB', 10, 0, 500)],
        startState: { kind: 'snapshot', time: '2026-11-30T00:00:00Z', equipment: [{ id: 'M', state: 'idle', setupKey: 'B' }] },
      },
    });
    expect(completions(simulatePlant(fromB))).toEqual({ b1: 12 }); // B→B 2 + 10
  });
});

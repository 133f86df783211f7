import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order } from './plantBuilder.ts';

describe('a single machine with constant times', () => {
  const plant = makePlant({
    machines: [{ id: 'M' }],
    scenario: {
      ...oneProduct([operation('op', { M: 2 })]),
      orders: [order('o1', 'P', 5, 0, 100), order('o2', 'P', 5, 0, 100), order('o3', 'P', 5, 25, 100)],
      experiment: { horizon: 100 },
    },
  });
  const result = simulatePlant(plant);

  it('finishes each lot after quantity × unit time, one after another', () => {
    expect(completions(result)).toEqual({ o1: 10, o2: 20, o3: 35 });
  });

  it('spends the rest of the horizon starved, and the states add up to the horizon', () => {
    const m = result.equipment[0]!;
    expect(m.states.processing).toBeCloseTo(30, 9);
    expect(m.states.starved).toBeCloseTo(70, 9);
    const total = Object.values(m.states).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(100, 9);
  });

  it('reports lead times, throughput and full OEE performance and quality', () => {
    expect(result.leadTime).toMatchObject({ count: 3, p50: 10, max: 20 });
    expect(result.leadTime.mean).toBeCloseTo(40 / 3, 9); // 10, 20 and 35 − 25
    expect(result.throughput).toMatchObject({ lots: 3, units: 15, orders: 3 });
    expect(result.throughput.unitsPerDay).toBeCloseTo((15 * 1440) / 100, 9);
    expect(result.equipment[0]!.oee).toEqual({ availability: 0.3, performance: 1, quality: 1, oee: 0.3 });
    expect(result.delivery).toMatchObject({ completed: 3, onTime: 3, onTimeRate: 1, totalTardiness: 0 });
  });

  it('holds Little’s law on the sample path: lot-minutes in the plant equal mean WIP × horizon', () => {
    // Lots in the plant: o1 0–10, o2 0–20, o3 25–35 → 40 lot-minutes.
    expect(result.flow.lotMinutes).toBeCloseTo(40, 9);
    expect(result.wip.lotsMean * 100).toBeCloseTo(40, 9);
  });
});

import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { makePlant, operation, order } from './plantBuilder.ts';

const plant = (reworkFraction: number | undefined) => makePlant({
  machines: [{ id: 'CUT' }, { id: 'QC' }],
  scenario: {
    products: [{ id: 'P', name: 'P', family: 'F', routing: 'R' }],
    routings: [{
      id: 'R',
      operations: [
        operation('cut', { CUT: 1 }),
        operation('check', { QC: 0.5 }, {
          yield: 0.5, ...(reworkFraction === undefined ? {} : { rework: { fraction: reworkFraction, operation: 'cut' } }),
        }),
      ],
    }],
    orders: [order('o', 'P', 200, 0, 100_000)],
    experiment: { horizon: 100_000 },
  },
});

describe('yield, scrap and rework', () => {
  it('scraps the bad units without rework: good + scrap = quantity, about half each', () => {
    const result = simulatePlant(plant(undefined));
    const o = result.orders[0]!;
    expect(o.good + o.scrap).toBe(200);
    expect(o.good).toBeGreaterThan(70); // Binomial(200, 0.5): 100 ± 7 sd
    expect(o.good).toBeLessThan(130);
    expect(o.completedAt).not.toBeNull();
    expect(result.delivery).toMatchObject({ shortOrders: 1, shortUnits: o.scrap });
    expect(result.throughput).toMatchObject({ units: o.good, unitsScrapped: o.scrap });
    const qc = result.equipment[1]!;
    expect(qc.oee!.quality).toBeCloseTo(o.good / 200, 12);
  });

  it('sends every bad unit back with rework fraction 1 until all 200 are good', () => {
    const result = simulatePlant(plant(1));
    const o = result.orders[0]!;
    expect(o).toMatchObject({ good: 200, scrap: 0 });
    const qc = result.equipment[1]!;
    // Each pass halves the bad units: about 200 + 100 + 50 + … ≈ 400 units checked in all.
    expect(qc.unitsProcessed).toBeGreaterThan(300);
    expect(qc.unitsGood).toBe(200);
    expect(result.equipment[0]!.unitsProcessed).toBe(qc.unitsProcessed);
    expect(result.flow.lotsEntered).toBeGreaterThan(5); // one rework lot per pass with bad units
    expect(result.flow).toMatchObject({ unitsReleased: 200, unitsGood: 200, unitsScrapped: 0, unitsInPlant: 0, lotsInPlant: 0 });
  });

  it('splits the bad units between rework and scrap by the rework fraction', () => {
    const result = simulatePlant(plant(0.5));
    const o = result.orders[0]!;
    expect(o.good + o.scrap).toBe(200);
    expect(o.scrap).toBeGreaterThan(20); // about a third of 200 ends as scrap
    expect(o.scrap).toBeLessThan(110);
    expect(result.flow.unitsInPlant).toBe(0);
  });
});

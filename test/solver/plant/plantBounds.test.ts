import { describe, expect, it } from 'vitest';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { loadFeaturePlant } from '../../fixtures/featurePlant.ts';
import { problemOf, setupScenario } from './plantFixture.ts';

const at = (h: number): string => new Date(Date.UTC(2026, 10, 30) + h * 3_600_000).toISOString().replace('.000Z', 'Z');

describe('late-order and tardiness bounds', () => {
  it('counts orders the one contended machine must make late, though none is late alone', () => {
    // Three orders of 40 brackets, all released at 06:00 and due at 13:00: each alone is done in
    // time, but the saw alone needs 3 × 80 minutes of cutting before the mills and the oven.
    const orders = [0, 1, 2].map((i) => ({ id: `o${i}`, product: 'p1', quantity: 40, release: at(6), due: at(13), priority: 1 }));
    const pp = problemOf(setupScenario({ orders }));
    const alone = problemOf(setupScenario({ orders: orders.slice(0, 1) }));
    const one = solvePlant(alone, { maxIterations: 50 });
    expect(one.kpis.lateOrders).toBe(0);
    const r = solvePlant(pp, { maxIterations: 300 });
    expect(r.bounds.lateOrders).toBeGreaterThanOrEqual(1);
    expect(r.bounds.lateSource).toBe('orders late alone + one-machine relaxation of saw');
    expect(r.bounds.weightedTardiness).toBeGreaterThan(0);
    expect(r.bounds.tardinessSource).toBe('one-machine relaxation of saw');
    expect(r.kpis.lateOrders).toBeGreaterThanOrEqual(r.bounds.lateOrders);
    expect(r.kpis.weightedTardiness).toBeGreaterThanOrEqual(r.bounds.weightedTardiness - 1e-6);
    // The first level of the default objective (late orders) has this bound.
    expect(r.lowerBound[0]).toBe(r.bounds.lateOrders);
  });

  it('never exceeds what a schedule achieves on random plants (solved and EDD)', async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const pp = plantProblem(await loadFeaturePlant(seed));
      const r = solvePlant(pp, { maxIterations: 150, seed });
      for (const k of [r.kpis, r.edd.kpis]) {
        expect(k.lateOrders, `seed ${seed}`).toBeGreaterThanOrEqual(r.bounds.lateOrders);
        expect(k.weightedTardiness, `seed ${seed}`).toBeGreaterThanOrEqual(r.bounds.weightedTardiness - 1e-6);
        expect(k.makespan, `seed ${seed}`).toBeGreaterThanOrEqual(r.bounds.makespan - 1e-6);
        expect(k.totalSetup, `seed ${seed}`).toBeGreaterThanOrEqual(r.bounds.totalSetup - 1e-6);
      }
    }
  });
});

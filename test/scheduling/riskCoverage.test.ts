import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import { Layout } from '../../src/model/layoutSchema.ts';
import type { Plant } from '../../src/model/load.ts';
import { Scenario } from '../../src/model/scenarioSchema.ts';
import { wilson } from '../../src/scheduling/risk.ts';
import { createSimApi, type SimApi } from '../../src/workers/simApi.ts';
import { createSimPool } from '../../src/workers/simPool.ts';
import { scheduleRisk } from '../../src/workers/scheduleRisk.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import { smallLayout, smallScenario } from '../fixtures/smallPlant.ts';

/**
 * One order of one unit on the saw, released Monday 06:00 on an empty plant, cut in a time
 * uniform on [60, 120] minutes, due at 07:40: it is on time when the cut takes at most 100
 * minutes, with probability (100 − 60) / (120 − 60) = 2/3. Nothing else can delay it: no
 * failures, no changeover, no transport into the first machine, the shift runs to 10:00.
 */
const scenario = Scenario.parse({
  ...smallScenario,
  id: 'one-cut',
  products: [{ id: 'p1', name: 'Plate', family: 'A', routing: 'r-cut' }],
  routings: [{ id: 'r-cut', operations: [{ id: 'cut', capability: 'cut', equipment: [{ equipment: 'saw', time: { type: 'uniform', min: 60, max: 120 } }] }] }],
  batchEquipment: [],
  orders: [{ id: 'o1', product: 'p1', quantity: 1, release: '2026-11-30T06:00:00Z', due: '2026-11-30T07:40:00Z' }],
});
const plant: Plant = { layout: Layout.parse(smallLayout), layoutFile: 'small.json', scenario, scenarioFile: 'one-cut.json' };
const P_ON_TIME = 2 / 3;

const pp = plantProblem(plant);
const schedule = plantOutputs(pp, solvePlant(pp, { maxIterations: 10, seed: 1 }), { createdAt: '2026-11-30T00:00:00Z' }).schedule;
const pool = createSimPool(1, () => ({ api: createSimApi() as unknown as Remote<SimApi>, terminate: () => {} }));

describe('risk per order against a closed form', () => {
  it('has the Wilson interval of known cases', () => {
    // Wilson (1927) for 8 of 10 at 95 %: 0.490 … 0.943; none of 20: 0 … 0.161.
    const a = wilson(8, 10);
    expect(a.lower).toBeCloseTo(0.4902, 3);
    expect(a.upper).toBeCloseTo(0.9433, 3);
    const b = wilson(0, 20);
    expect(b.lower).toBe(0);
    expect(b.upper).toBeCloseTo(0.1611, 3);
    expect(wilson(20, 20).upper).toBe(1);
    // Every k of n: the interval holds its point.
    for (let n = 1; n <= 60; n++) for (let k = 0; k <= n; k++) {
      const w = wilson(k, n);
      expect(w.lower <= k / n && k / n <= w.upper, `${k} of ${n}`).toBe(true);
    }
  });

  it('covers the true on-time probability in at least 93 of 100 seeded experiments of 100 replications', async () => {
    let covered = 0;
    const estimates: number[] = [];
    for (let seed = 1; seed <= 100; seed++) {
      const report = await scheduleRisk(pool, plant, schedule, { replications: 100, seed, attribution: false });
      const o = report.orders[0]!;
      expect(o.replications).toBe(100);
      if (o.lower <= P_ON_TIME && P_ON_TIME <= o.upper) covered++;
      estimates.push(o.pOnTime);
    }
    expect(covered).toBeGreaterThanOrEqual(93);
    // The estimates centre on 2/3 (their mean's standard error is about 0.005).
    expect(estimates.reduce((a, b) => a + b, 0) / estimates.length).toBeCloseTo(P_ON_TIME, 1);
  }, 120_000);

  it('attributes a late order to processing-time variation, the only disturbance there is', async () => {
    const report = await scheduleRisk(pool, plant, schedule, { replications: 60, seed: 3 });
    const o = report.orders[0]!;
    expect(o.pOnTime).toBeLessThan(1);
    expect(o.causes).toEqual([{ disturbance: 'processingTime', share: 1 }]);
    // With every disturbance off the cut takes its mean, 90 minutes: on time.
    expect(report.runs).toBe(60 * 5 + 1);
    expect(o.p90Lateness).toBeGreaterThan(0);
    expect(o.p90Lateness).toBeLessThanOrEqual(20);
  });
});

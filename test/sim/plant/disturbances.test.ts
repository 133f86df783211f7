import { describe, expect, it } from 'vitest';
import { NO_DISTURBANCES } from '../../../src/sim/plant/plantRun.ts';
import { MissingSchedule, simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order } from './plantBuilder.ts';
import { loadSamplePlant } from './samplePlants.ts';

describe('disturbance switches', () => {
  it('with every disturbance off, a run does not depend on the seed at all', async () => {
    const plant = await loadSamplePlant('aerospace-machining');
    const a = simulatePlant(plant, { seed: 1, disturbances: NO_DISTURBANCES, horizon: 4 * 1440 });
    const b = simulatePlant(plant, { seed: 99, replication: 3, disturbances: NO_DISTURBANCES, horizon: 4 * 1440 });
    expect({ ...b, seed: a.seed, replication: a.replication }).toEqual(a);
    expect(a.equipment.every((e) => e.states.down === 0)).toBe(true);
    expect(a.flow.unitsScrapped).toBe(0);
    expect(a.disturbances).toEqual(NO_DISTURBANCES);
    // With them on, the seed matters (and the sample does fail and scrap).
    const c = simulatePlant(plant, { seed: 1, horizon: 4 * 1440 });
    expect(c.equipment.some((e) => e.states.down > 0)).toBe(true);
  });

  const plant = makePlant({
    machines: [{ id: 'M' }],
    scenario: {
      ...oneProduct([operation('op', { M: { type: 'normal', mean: 3, sd: 1 } }, { yield: 0.5 })]),
      failures: [{ equipment: ['M'], timeBetweenFailures: { type: 'exponential', mean: 20 }, timeToRepair: { type: 'constant', value: 15 } }],
      orders: Array.from({ length: 40 }, (_, k) => order(`o${k}`, 'P', 2, 20 * k, 9000)),
      releaseDelays: [{ probability: 0.5, delay: { type: 'constant', value: 7 } }],
      experiment: { horizon: 3000 },
    },
  });
  const on = simulatePlant(plant, { seed: 5 });

  it('switch off breakdowns alone', () => {
    const off = simulatePlant(plant, { seed: 5, disturbances: { failures: false } });
    expect(on.equipment[0]!.states.down).toBeGreaterThan(0);
    expect(off.equipment[0]!.states.down).toBe(0);
    expect(off.flow.unitsScrapped).toBeGreaterThan(0);
  });

  it('switch off processing-time variation alone: every run takes its mean', () => {
    const off = simulatePlant(plant, { seed: 5, disturbances: { processingTime: false, failures: false, yield: false, lateRelease: false } });
    // 40 orders × 2 units × 3 min, released 20 min apart: each done 6 min after its release.
    expect(Object.values(completions(off))).toEqual(Array.from({ length: 40 }, (_, k) => 20 * k + 6));
    expect(off.equipment[0]!.states.processing).toBe(240);
  });

  it('switch off yield losses alone', () => {
    const off = simulatePlant(plant, { seed: 5, disturbances: { yield: false } });
    expect(on.flow.unitsScrapped).toBeGreaterThan(0);
    expect(off.flow.unitsScrapped).toBe(0);
    expect(off.orders.every((o) => o.good === o.quantity || o.completedAt === null)).toBe(true);
  });

  it('delay some releases by the late-material model, and none when switched off', () => {
    const quiet = { failures: false, processingTime: false, yield: false };
    const late = simulatePlant(plant, { seed: 5, disturbances: quiet });
    const lateness = late.orders.map((o, k) => completions(late)[o.id]! - (20 * k + 6));
    expect(new Set(lateness)).toEqual(new Set([0, 7]));
    const delayed = lateness.filter((d) => d === 7).length;
    expect(delayed).toBeGreaterThan(8);
    expect(delayed).toBeLessThan(32);
    const onTime = simulatePlant(plant, { seed: 5, disturbances: { ...quiet, lateRelease: false } });
    expect(onTime.orders.map((o, k) => completions(onTime)[o.id]! - (20 * k + 6))).toEqual(lateness.map(() => 0));
    // Delays are drawn per order: another seed delays other orders.
    const other = simulatePlant(plant, { seed: 6, disturbances: quiet });
    expect(other.orders.map((o) => o.completedAt)).not.toEqual(late.orders.map((o) => o.completedAt));
  });

  it('refuses dispatching "schedule" without a schedule instead of running another rule', () => {
    expect(() => simulatePlant(plant, { dispatching: 'schedule' })).toThrow(MissingSchedule);
    expect(() => simulatePlant(plant, { dispatching: 'schedule' })).toThrow(/needs a schedule to follow/);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { replicatePlant } from '../../src/sim/plant/replicatePlant.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { traceHash } from '../../src/sim/plant/trace.ts';
import { createNodeSimPool } from '../../src/workers/nodeSimPool.ts';
import { SimulationCancelled } from '../../src/workers/simPool.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const plant = await loadSamplePlant('kitchen-hardware');
const pool = createNodeSimPool(2);
afterAll(() => pool.close());

const DAY = 1440;

describe('the simulation pool on worker threads', () => {
  it('gives a worker run the same trace, to the bit, as a run in this thread', async () => {
    const options = { seed: 1, replication: 0, horizon: DAY, warmup: 0, trace: true };
    const fractions: number[] = [];
    const there = await pool.simulate(plant, options, (f) => fractions.push(f));
    const here = simulatePlant(plant, options);
    expect(traceHash(there.trace!)).toBe(traceHash(here.trace!));
    expect(there.trace!.stateTime).toBeInstanceOf(Float64Array);
    expect(there.events).toBe(here.events);
    await expect.poll(() => fractions.at(-1)).toBe(1);
  });

  it('summarises replications spread over workers exactly as replicatePlant does in one thread', async () => {
    const options = { seed: 7, horizon: DAY, warmup: 0 };
    const progress: number[] = [];
    const spread = await pool.replicate(plant, { ...options, replications: 5 }, (f) => progress.push(f));
    const single = replicatePlant(plant, { ...options, replications: 5 });
    expect(spread.runs.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4]);
    expect(spread.kpis).toEqual(single.kpis);
    expect(spread.equipment).toEqual(single.equipment);
    expect(spread.bottlenecks).toEqual(single.bottlenecks);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('rejects cancelled calls with SimulationCancelled and still runs afterwards', async () => {
    const running = pool.replicate(plant, { seed: 1, replications: 40 });
    setTimeout(() => pool.cancel(), 50);
    await expect(running).rejects.toBeInstanceOf(SimulationCancelled);
    const after = await pool.simulate(plant, { seed: 1, horizon: DAY / 4 });
    expect(after.cancelled).toBe(false);
  });
});

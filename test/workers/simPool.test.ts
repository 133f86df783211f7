import type { Remote } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { toReplicationRecord, type ReplicationRecord } from '../../src/experiment/replicationRecord.ts';
import { replicatePlant } from '../../src/sim/plant/replicatePlant.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { traceHash } from '../../src/sim/plant/trace.ts';
import { createNodeSimPool } from '../../src/workers/nodeSimPool.ts';
import { createSimApi, type SimApi } from '../../src/workers/simApi.ts';
import { createSimPool, SimulationCancelled } from '../../src/workers/simPool.ts';
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

describe('the pool with several runs at once (in-thread workers)', () => {
  function inThreadPool(size: number) {
    const sent: number[] = [];
    const pool = createSimPool(size, () => {
      const api = createSimApi(0);
      const setPlant = api.setPlant;
      api.setPlant = (key, p) => { sent.push(key); setPlant(key, p); };
      return { api: api as unknown as Remote<SimApi>, terminate: () => {} };
    });
    return { pool, sent };
  }

  it('cancels one run by its signal while another on the same workers finishes', async () => {
    const { pool: local } = inThreadPool(2);
    const abort = new AbortController();
    const cancelled = local.replicate(plant, { seed: 1, replications: 8 }, undefined, abort.signal);
    const kept = local.replicate(plant, { seed: 1, horizon: DAY, replications: 4 });
    abort.abort();
    await expect(cancelled).rejects.toBeInstanceOf(SimulationCancelled);
    const summary = await kept;
    expect(summary.runs.map((r) => r.replication)).toEqual([0, 1, 2, 3]);
    expect(summary.kpis).toEqual(replicatePlant(plant, { seed: 1, horizon: DAY, replications: 4 }).kpis);
  });

  it('sends each plant to a worker once, however many chunks and calls use it', async () => {
    const { pool: local, sent } = inThreadPool(2);
    const other = { ...plant };
    const got = new Map<number, number[]>();
    let done = 0;
    await local.records(
      [{ plant, options: { seed: 2, horizon: DAY }, replications: [0, 1, 2, 3, 4, 5] },
        { plant: other, options: { seed: 2, horizon: DAY }, replications: [0, 1, 2, 3, 4, 5] }],
      (task, records) => got.set(task, [...(got.get(task) ?? []), ...records.map((r) => r.replication)]),
      () => done++,
    );
    await local.replicate(plant, { seed: 2, horizon: DAY, replications: 4 });
    expect(done).toBe(12);
    expect(got.get(0)!.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(got.get(1)!.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    // Two plants, two workers: at most four sends for ten chunks and a second call.
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(new Set(sent).size).toBe(2);
  });

  it('gives the records a replication would give in this thread', async () => {
    const { pool: local } = inThreadPool(2);
    const records: ReplicationRecord[] = [];
    await local.records([{ plant, options: { seed: 5, horizon: DAY }, replications: [3] }], (_, r) => records.push(...r));
    expect(records).toEqual([toReplicationRecord(simulatePlant(plant, { seed: 5, horizon: DAY, replication: 3 }))]);
  });
});

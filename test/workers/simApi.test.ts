import { describe, expect, it } from 'vitest';
import { createSimApi } from '../../src/workers/simApi.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const plant = await loadSamplePlant('kitchen-hardware');

describe('the worker API', () => {
  it('stops a run at its next step when cancelled, returning the time done', async () => {
    // Yielding after every step makes the cancel land after the first hundredth.
    const api = createSimApi(0);
    const running = api.simulate(plant, { seed: 1, trace: true });
    api.cancel();
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(result.window.end).toBeLessThan(result.horizon / 10);
    const again = await api.replicate(plant, { seed: 1, horizon: 600 }, [3, 4]);
    expect(again.map((r) => [r.replication, r.cancelled])).toEqual([[3, false], [4, false]]);
  });
});

describe('the worker API with plant keys and call tokens', () => {
  it('runs a plant sent once under a key, and names a missing key in its error', async () => {
    const api = createSimApi();
    api.setPlant(7, plant);
    const [byKey] = await api.replicate(7, { seed: 3, horizon: 600 }, [2]);
    const [byValue] = await api.replicate(plant, { seed: 3, horizon: 600 }, [2]);
    expect(byKey).toEqual(byValue);
    api.forgetPlant(7);
    await expect(api.replicate(7, { seed: 3, horizon: 600 }, [2])).rejects.toThrow(/no plant with key 7/);
  });

  it('cancels only the calls carrying the cancelled token', async () => {
    const api = createSimApi(0);
    const stopped = api.records(plant, { seed: 1 }, [0, 1, 2], undefined, 1);
    const kept = api.records(plant, { seed: 1, horizon: 1440 }, [0, 1], undefined, 2);
    api.cancel(1);
    expect((await stopped).length).toBe(0);
    expect((await kept).map((r) => r.replication)).toEqual([0, 1]);
  });
});

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

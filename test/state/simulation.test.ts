import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import { createPlayback } from '../../src/playback/clock.ts';
import { createSimulation } from '../../src/state/simulation.ts';
import { createTwinStore } from '../../src/state/store.ts';
import { replicatePlant } from '../../src/sim/plant/replicatePlant.ts';
import { createSimApi, type SimApi } from '../../src/workers/simApi.ts';
import { createSimPool } from '../../src/workers/simPool.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const week = await loadSamplePlant('kitchen-hardware');
// A day keeps the test short; the session runs whatever the scenario says.
const plant = { ...week, scenario: { ...week.scenario!, experiment: { ...week.scenario!.experiment, horizon: 1440, warmup: 0 } } };

/** The pool over in-thread APIs: the same code path as workers, without threads. */
function session() {
  const twin = createTwinStore(new Map());
  twin.setState({ plant });
  const { store: playback } = createPlayback();
  const pool = createSimPool(2, () => ({ api: createSimApi() as unknown as Remote<SimApi>, terminate: () => {} }));
  let hidden = 0;
  const simulation = createSimulation(twin, playback, () => pool, () => { hidden++; });
  simulation.getState().setReplications(4);
  return { twin, playback, simulation, hidden: () => hidden };
}

describe('the simulate session', () => {
  it('runs the replications for KPIs and plays the traced run on the timeline', async () => {
    const { playback, simulation, hidden } = session();
    const progress: number[] = [];
    simulation.subscribe((s) => progress.push(s.progress));
    await simulation.getState().run();
    const state = simulation.getState();
    expect(state.status).toBe('done');
    expect(state.summary!.kpis).toEqual(replicatePlant(plant, { replications: 4 }).kpis);
    expect(state.traced!.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(playback.getState().source).toBe(state.source);
    expect(state.source!.horizon).toBe(1440);
    expect(state.source!.label).toContain('Simulation trace');
    expect(hidden()).toBe(1);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('ends as cancelled, with no results, when cancelled while running', async () => {
    const { playback, simulation } = session();
    const running = simulation.getState().run();
    simulation.getState().cancel();
    await running;
    expect(simulation.getState().status).toBe('cancelled');
    expect(simulation.getState().summary).toBeUndefined();
    expect(playback.getState().source).toBeUndefined();
  });

  it('forgets the run when another plant is opened', async () => {
    const { twin, playback, simulation } = session();
    await simulation.getState().run();
    twin.setState({ plant: { ...plant, layoutFile: 'layouts/other.json' } });
    expect(simulation.getState().summary).toBeUndefined();
    expect(playback.getState().source).toBeUndefined();
  });

  it('refuses a layout without a scenario', async () => {
    const { twin, simulation } = session();
    twin.setState({ plant: { layout: plant.layout, layoutFile: plant.layoutFile } });
    await simulation.getState().run();
    expect(simulation.getState().status).toBe('failed');
    expect(simulation.getState().error).toMatch(/scenario/);
  });

  it('takes the replication count from the opened scenario (experiment.replications), not a fixed 10', () => {
    const twin = createTwinStore(new Map());
    const pool = createSimPool(1, () => ({ api: createSimApi() as unknown as Remote<SimApi>, terminate: () => {} }));
    const simulation = createSimulation(twin, createPlayback().store, () => pool);
    const other = { ...plant, scenarioFile: 'other.json', scenario: { ...plant.scenario!, experiment: { ...plant.scenario!.experiment, replications: 23 } } };
    twin.setState({ plant: other });
    expect(simulation.getState().replications).toBe(23);
  });

  it('cancels its own run only: another run on the same pool finishes', async () => {
    const { simulation } = session();
    const pool = createSimPool(2, () => ({ api: createSimApi(0) as unknown as Remote<SimApi>, terminate: () => {} }));
    const twin = createTwinStore(new Map());
    twin.setState({ plant });
    const mine = createSimulation(twin, createPlayback().store, () => pool);
    mine.getState().setReplications(3);
    const other = pool.replicate(plant, { replications: 3 });
    const running = mine.getState().run();
    mine.getState().cancel();
    await running;
    expect(mine.getState().status).toBe('cancelled');
    expect((await other).runs.map((r) => r.replication)).toEqual([0, 1, 2]);
    expect(simulation.getState().status).toBe('idle');
  });
});

import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createFromHere } from '../../src/state/simulateFromHere.ts';
import type { TwinState, TwinStore } from '../../src/state/store.ts';
import type { Plant } from '../../src/model/load.ts';
import { replicatePlant } from '../../src/sim/plant/replicatePlant.ts';
import type { SimPool } from '../../src/workers/simPool.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const sample = await loadSamplePlant('kitchen-hardware');
// Three replications, said where the app must read them: the scenario's experiment settings.
const plant = { ...sample, scenario: { ...sample.scenario!, experiment: { ...sample.scenario!.experiment, replications: 3 } } };

describe('simulate from here', () => {
  it('replicates the scenario started from the observed states for the hours asked', async () => {
    const twin = createStore<TwinState>()(() => ({ plant } as TwinState)) as unknown as TwinStore;
    const asked: Plant[] = [];
    const pool = {
      replicate: async (p: Plant, o: { replications: number }) => { asked.push(p); return replicatePlant(p, { replications: o.replications }); },
    } as unknown as SimPool;
    const store = createFromHere(twin, () => ({
      from: 'recording', timeIso: '2026-11-30T07:30:00.000Z',
      states: [{ id: 'LASER-01', state: 'down' }, { id: 'PB-01', state: 'processing', order: 'KH-0001', operation: 'op20' }, { id: 'GHOST', state: 'idle' }],
    }), () => pool);
    store.getState().setHours(2);
    await store.getState().run();
    const s = store.getState();
    expect(s.status).toBe('done');
    expect(s.started).toEqual({
      from: 'recording', timeIso: '2026-11-30T07:30:00.000Z', equipment: 2, states: ['LASER-01 down', 'PB-01 processing (KH-0001)'], dropped: ['GHOST: not in the layout'],
      notes: ['23 of 25 pieces of equipment have no observed state and start as the scenario says'],
    });
    const scenario = asked[0]!.scenario!;
    expect(scenario.startState).toMatchObject({ kind: 'snapshot', time: '2026-11-30T07:30:00.000Z', equipment: [{ id: 'LASER-01', state: 'down' }, { id: 'PB-01', order: 'KH-0001' }] });
    expect(scenario.experiment.horizon).toBe(450 + 120);
    expect(s.summary!.replications).toBe(3);
    expect(s.summary!.runs.every((r) => r.horizon === 570)).toBe(true);
  });

  it('refuses with the reason and the equipment without data when nothing of the layout was observed, keeping the last result', async () => {
    const twin = createStore<TwinState>()(() => ({ plant } as TwinState)) as unknown as TwinStore;
    const store = createFromHere(twin, () => ({ from: 'recording', timeIso: '2022-08-08T14:30:19.671Z', states: [{ id: 'okuma', state: 'idle' }], unmapped: ['okuma'] }),
      () => { throw new Error('no pool needed'); });
    await store.getState().run();
    const s = store.getState();
    expect(s.status).toBe('refused');
    expect(s.refusal!.reason).toBe("no equipment of the layout has recorded data: the recording's device okuma is not in the layout; map it to equipment first");
    expect(s.refusal!.withoutData).toHaveLength(25);
    expect(s.summary).toBeUndefined();
  });

  it('says what is missing when there is nothing to start from', async () => {
    const twin = createStore<TwinState>()(() => ({ plant } as TwinState)) as unknown as TwinStore;
    const store = createFromHere(twin, () => undefined, () => { throw new Error('no pool needed'); });
    await store.getState().run();
    expect(store.getState()).toMatchObject({ status: 'failed', error: 'Connect to live states or replay a recording first.' });
  });
});

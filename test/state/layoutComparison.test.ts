import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import { createLayoutEditor } from '../../src/state/layoutEditor.ts';
import { createLayoutComparison } from '../../src/state/layoutComparison.ts';
import { memoryDrafts } from '../../src/state/layoutDrafts.ts';
import { createTwinStore } from '../../src/state/store.ts';
import { kpiDeltas } from '../../src/sim/plant/kpiDeltas.ts';
import { replicatePlant } from '../../src/sim/plant/replicatePlant.ts';
import { createSimApi, type SimApi } from '../../src/workers/simApi.ts';
import { createSimPool } from '../../src/workers/simPool.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const week = await loadSamplePlant('kitchen-hardware');
// A day keeps the test short; the comparison runs whatever the scenario says.
const plant = { ...week, scenario: { ...week.scenario!, experiment: { ...week.scenario!.experiment, horizon: 1440, warmup: 0 } } };
const REPLICATIONS = 3;

/** The comparison over the pool of in-thread APIs: the workers' code path without threads. */
function session() {
  const twin = createTwinStore(new Map());
  const editor = createLayoutEditor(twin, memoryDrafts());
  twin.setState({ plant });
  const pool = createSimPool(2, () => ({ api: createSimApi() as unknown as Remote<SimApi>, terminate: () => {} }));
  const comparison = createLayoutComparison(twin, editor, () => pool, () => REPLICATIONS);
  return { twin, editor, comparison };
}

describe('comparing the edited layout with the original', () => {
  it('finds no difference at all when nothing was edited: both runs share their random numbers', async () => {
    const { comparison } = session();
    await comparison.getState().run();
    const state = comparison.getState();
    expect(state.status).toBe('done');
    expect(state.replications).toBe(REPLICATIONS);
    expect(state.rows.map((r) => r.key)).toContain('leadTimeMean');
    for (const row of state.rows) {
      if (Number.isNaN(row.base.mean)) continue;
      expect(row.delta.mean).toBe(0);
      expect(row.significant).toBe(false);
    }
  });

  it('runs both layouts with the same seed and replications, as replicatePlant in one thread would', async () => {
    const { editor, comparison } = session();
    editor.getState().commit({ kind: 'move', id: 'CURE-01', x: 70, y: 19 });
    const edited = editor.getState().history!.present;
    const progress: number[] = [];
    comparison.subscribe((s) => progress.push(s.progress));
    await comparison.getState().run();
    const state = comparison.getState();
    expect(state.problems).toEqual([]);
    expect(state.status).toBe('done');
    const expected = kpiDeltas(replicatePlant(plant, { replications: REPLICATIONS }), replicatePlant({ ...plant, layout: edited }, { replications: REPLICATIONS }));
    expect(state.rows).toEqual(expected);
    expect(state.rows.find((r) => r.key === 'leadTimeMean')!.delta.mean).not.toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('shows why the edited layout does not run with the scenario instead of simulating it', async () => {
    const { editor, comparison } = session();
    editor.getState().commit({ kind: 'delete', id: 'CURE-01' });
    await comparison.getState().run();
    const state = comparison.getState();
    expect(state.status).toBe('invalid');
    expect(state.rows).toEqual([]);
    expect(state.problems.length).toBeGreaterThan(0);
    expect(state.problems.map((p) => `${p.path} ${p.found}`).join('\n')).toContain('CURE-01');
  });

  it('marks the rows stale after a further edit, and forgets them when another plant opens', async () => {
    const { twin, editor, comparison } = session();
    await comparison.getState().run();
    expect(comparison.getState().stale).toBe(false);
    editor.getState().commit({ kind: 'move', id: 'CURE-01', x: 70, y: 19 });
    expect(comparison.getState().stale).toBe(true);
    twin.setState({ plant: { layout: plant.layout, layoutFile: 'other.json' } });
    expect(comparison.getState().status).toBe('idle');
    expect(comparison.getState().rows).toEqual([]);
  });
});

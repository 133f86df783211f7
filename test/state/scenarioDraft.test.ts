import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problem.ts';
import { allEquipment } from '../../src/model/plantEquipment.ts';
import { duplicateEquipment, extendToCopy, setBuffers, setSpeedFactor, speedFactor } from '../../src/scenario/equipmentEdits.ts';
import { createScenarioDraft, memoryScenarioDrafts, type ScenarioDrafts } from '../../src/state/scenarioDraft.ts';
import { createTwinStore } from '../../src/state/store.ts';

const root = new URL('../../', import.meta.url);
const samples = new Map(['scenarios/kitchen-hardware-week.json', 'layouts/kitchen-hardware.json'].map((f) => [f, readFileSync(new URL(f, root), 'utf8')]));

async function session(drafts: ScenarioDrafts = memoryScenarioDrafts()) {
  const twin = createTwinStore(samples);
  await twin.getState().openSample('scenarios/kitchen-hardware-week.json');
  const editor = createScenarioDraft(twin, drafts);
  await editor.getState().begin();
  const ids = () => allEquipment(twin.getState().plant!.layout).map((e) => e.id);
  return { twin, editor, drafts, ids };
}

describe('the scenario draft with its layout', () => {
  it('duplicates a machine: checked, applied to the plant on screen, undone', async () => {
    const { twin, editor, ids } = await session();
    let copy = '';
    await editor.getState().editPlant((docs) => {
      const made = duplicateEquipment(docs, 'BOOTH-02');
      if (!made.ok) throw new Error(made.reason);
      copy = made.id;
      return made.docs;
    }, (reference) => extendToCopy(reference, 'BOOTH-02', copy));
    expect(editor.getState().problems.map(formatProblem)).toEqual([]);
    expect(ids()).not.toContain(copy);
    expect(await editor.getState().apply()).toBe(true);
    expect(ids()).toContain(copy);
    expect(twin.getState().plant!.scenario!.routings.some((r) => r.operations.some((op) => op.equipment.some((e) => e.equipment === copy)))).toBe(true);
    // The copy runs at the original's speed, relative to the scenario as editing began.
    expect(speedFactor(editor.getState().draft!, editor.getState().reference!, copy)).toBeCloseTo(1, 12);
    await editor.getState().undo();
    expect(allEquipment(editor.getState().layout!).map((e) => e.id)).not.toContain(copy);
  });

  it('refuses to apply a buffer the layout format refuses, naming the place', async () => {
    const { editor } = await session();
    await editor.getState().editPlant((docs) => setBuffers(docs, 'CURE-01', 2.5, undefined));
    const problems = editor.getState().problems.map(formatProblem).join('\n');
    expect(problems).toMatch(/kitchen-hardware\.json.*inputBuffer.*2\.5/);
    expect(await editor.getState().apply()).toBe(false);
  });

  it('keeps the draft, its layout and the speed reference for the next visit', async () => {
    const drafts = memoryScenarioDrafts();
    const first = await session(drafts);
    await first.editor.getState().editPlant((docs) => setBuffers(docs, 'CURE-01', 4, 2));
    await first.editor.getState().edit((s) => setSpeedFactor(s, first.editor.getState().reference!, 'LASER-01', 1.5));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = await session(drafts);
    expect(second.editor.getState().stored).toBeDefined();
    await second.editor.getState().restore();
    const cure = allEquipment(second.editor.getState().layout!).find((e) => e.id === 'CURE-01')!;
    expect([cure.inputBuffer, cure.outputBuffer]).toEqual([4, 2]);
    expect(speedFactor(second.editor.getState().draft!, second.editor.getState().reference!, 'LASER-01')).toBeCloseTo(1.5, 12);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryDrafts, type DraftStore } from '../../src/state/layoutDrafts.ts';
import { createLayoutEditor } from '../../src/state/layoutEditor.ts';
import { createTwinStore } from '../../src/state/store.ts';
import { allEquipment } from '../../src/model/plantEquipment.ts';
import { parseNumber } from '../../src/ui/NumberField.tsx';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const samples = new Map([['layouts/two-cell-layout.json', fixture('two-cell-layout.json')]]);

// The fixture: a 20 × 10 m floor; the saw (3 × 2 m) at (5, 5), the packing station (2 × 2 m) at (15, 5).
async function session(drafts: DraftStore = memoryDrafts()) {
  const twin = createTwinStore(samples);
  const editor = createLayoutEditor(twin, drafts);
  await twin.getState().openSample('layouts/two-cell-layout.json');
  await new Promise((resolve) => setTimeout(resolve, 0));
  const at = (id: string) => allEquipment(twin.getState().plant!.layout).find((e) => e.id === id)!;
  return { twin, editor, drafts, at };
}

describe('precise layout editing', () => {
  it('nudges the selection half a metre per arrow and five with Shift, and stops at the floor edge', async () => {
    const { twin, editor, at } = await session();
    twin.getState().select('saw');
    editor.getState().nudgeSelected(0.5, 0);
    editor.getState().nudgeSelected(0.5, 0);
    expect(at('saw').position).toEqual({ x: 6, y: 5 });
    editor.getState().nudgeSelected(0, -5);
    // The saw is 2 m deep: its centre stops 1 m from the south edge.
    expect(at('saw').position).toEqual({ x: 6, y: 1 });
    expect(editor.getState().history!.past).toHaveLength(3);
    // Off the grid in the file, it moves by exactly the step (not to the next grid line).
    editor.getState().commit({ kind: 'move', id: 'saw', x: 6.3, y: 4.15 });
    editor.getState().nudgeSelected(0.5, 0);
    expect(at('saw').position).toEqual({ x: 6.8, y: 4.15 });
  });

  it('keeps a drag on the floor and says which machine is held at the edge', async () => {
    const { editor } = await session();
    expect(editor.getState().dragTarget('saw', -4.2, 5.2)).toEqual({ x: 1.5, y: 5 });
    expect(editor.getState().edgeStop).toBe('saw');
    expect(editor.getState().dragTarget('saw', 7.2, 5.2)).toEqual({ x: 7, y: 5 });
    expect(editor.getState().edgeStop).toBeUndefined();
  });

  it('places by numbers, refusing a place off the floor with the allowed range', async () => {
    const { editor, at } = await session();
    expect(editor.getState().place('saw', 9, 3, 90)).toBeUndefined();
    expect(at('saw')).toMatchObject({ position: { x: 9, y: 3 }, rotation: 90 });
    expect(editor.getState().place('saw', 19.5, 3, 0)).toBe('saw turned 0° stays on the floor with x from 1.5 to 18.5 m and y from 1 to 9 m');
    expect(at('saw').position).toEqual({ x: 9, y: 3 });
    expect(editor.getState().offFloor).toEqual([]);
  });

  it('lists equipment off the floor as the layout changes', async () => {
    const { editor } = await session();
    editor.getState().commit({ kind: 'move', id: 'pack', x: 19.5, y: 5 });
    expect(editor.getState().offFloor).toEqual([{ id: 'pack', name: expect.any(String), overhang: 0.5, sides: ['east'] }]);
    editor.getState().undo();
    expect(editor.getState().offFloor).toEqual([]);
  });

  it('after saving, a reload shows the edits as saved to that file, not as unsaved', async () => {
    const drafts = memoryDrafts();
    const first = await session(drafts);
    first.editor.getState().commit({ kind: 'move', id: 'saw', x: 7, y: 5 });
    const saved = first.editor.getState().save();
    expect(saved.ok).toBe(true);
    expect(first.editor.getState().savedFile).toMatchObject({ name: 'two-cell-layout.json' });
    await first.editor.getState().flushed();
    expect((await drafts.load(first.editor.getState().original!.id))?.file?.name).toBe('two-cell-layout.json');

    const again = await session(drafts);
    await again.editor.getState().flushed();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const state = again.editor.getState();
    expect(state.restoredFrom).toBeDefined();
    expect(state.savedFile?.name).toBe('two-cell-layout.json');
    expect(state.savedFile?.layout).toBe(state.history!.present);
    // A further edit is unsaved again, and its draft no longer claims the file.
    state.commit({ kind: 'move', id: 'saw', x: 8, y: 5 });
    await again.editor.getState().flushed();
    expect((await drafts.load(state.original!.id))?.file).toBeUndefined();
  });
});

describe('numbers typed into fields', () => {
  const reps = { min: 2, max: 1000, integer: true };
  it('judges the finished text only, with the range in the message', () => {
    expect(parseNumber('30', reps)).toEqual({ value: 30 });
    expect(parseNumber(' 1,000 ', reps)).toEqual({ value: 1000 });
    expect(parseNumber('', reps)).toEqual({ message: 'Enter a whole number from 2 to 1,000.' });
    expect(parseNumber('1', reps)).toEqual({ message: '1 is out of range: enter a whole number from 2 to 1,000.' });
    expect(parseNumber('2.5', reps)).toEqual({ message: '2.5 is not a whole number: enter a whole number from 2 to 1,000.' });
    expect(parseNumber('abc', reps)).toEqual({ message: '"abc" is not a number: enter a whole number from 2 to 1,000.' });
    expect(parseNumber('-0.5', { min: -10, max: 10 })).toEqual({ value: -0.5 });
  });
});

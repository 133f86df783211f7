import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryDrafts, type DraftStore } from '../../src/state/layoutDrafts.ts';
import { createLayoutEditor } from '../../src/state/layoutEditor.ts';
import { createTwinStore } from '../../src/state/store.ts';
import { loadLayoutText } from '../../src/model/load.ts';
import { allEquipment } from '../../src/model/plantEquipment.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const samples = new Map([['layouts/two-cell-layout.json', fixture('two-cell-layout.json')]]);

async function session(drafts: DraftStore = memoryDrafts()) {
  const twin = createTwinStore(samples);
  const editor = createLayoutEditor(twin, drafts);
  await twin.getState().openSample('layouts/two-cell-layout.json');
  // Let the draft lookup that follows every opened plant finish.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const at = (id: string) => allEquipment(twin.getState().plant!.layout).find((e) => e.id === id);
  return { twin, editor, drafts, at };
}

describe('layout editor', () => {
  it('puts a committed move on screen and undoes it back to the file’s position', async () => {
    const { editor, at } = await session();
    editor.getState().commit({ kind: 'move', id: 'saw', x: 6.5, y: 6 });
    expect(at('saw')?.position).toEqual({ x: 6.5, y: 6 });
    editor.getState().undo();
    expect(at('saw')?.position).toEqual({ x: 5, y: 5 });
    editor.getState().redo();
    expect(at('saw')?.position).toEqual({ x: 6.5, y: 6 });
  });

  it('shows a dragged position without an undo step until it is committed', async () => {
    const { editor, at } = await session();
    editor.getState().preview({ kind: 'move', id: 'saw', x: 8, y: 5 });
    expect(at('saw')?.position).toEqual({ x: 8, y: 5 });
    expect(editor.getState().history?.past).toHaveLength(0);
    editor.getState().preview(undefined);
    expect(at('saw')?.position).toEqual({ x: 5, y: 5 });
  });

  it('warns about an overlap while it lasts', async () => {
    const { editor } = await session();
    editor.getState().commit({ kind: 'move', id: 'saw', x: 14, y: 5 });
    expect(editor.getState().overlaps.map((o) => [o.a, o.b])).toEqual([['saw', 'pack']]);
    editor.getState().undo();
    expect(editor.getState().overlaps).toEqual([]);
  });

  it('keeps edits in the draft store and restores them when the same layout opens again', async () => {
    const first = await session();
    first.editor.getState().commit({ kind: 'move', id: 'saw', x: 7, y: 5 });
    await first.editor.getState().flushed();
    expect(first.editor.getState().stored).toBe('saved');

    const second = await session(first.drafts);
    expect(second.at('saw')?.position).toEqual({ x: 7, y: 5 });
    expect(second.editor.getState().restoredFrom).toBeTypeOf('string');

    await second.editor.getState().discard();
    expect(second.at('saw')?.position).toEqual({ x: 5, y: 5 });
    expect(await first.drafts.load('two-cell')).toBeUndefined();
  });

  it('forgets the draft when the edits are undone back to the file', async () => {
    const { editor, drafts } = await session();
    editor.getState().commit({ kind: 'move', id: 'saw', x: 7, y: 5 });
    editor.getState().undo();
    await editor.getState().flushed();
    expect(await drafts.load('two-cell')).toBeUndefined();
  });

  it('saves a file that loads, under the layout’s file name', async () => {
    const { editor } = await session();
    editor.getState().commit({ kind: 'move', id: 'pack', x: 16, y: 6.5 });
    const saved = editor.getState().save();
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    expect(saved.fileName).toBe('two-cell-layout.json');
    const loaded = loadLayoutText(saved.text, saved.fileName);
    expect(loaded.ok && allEquipment(loaded.value).find((e) => e.id === 'pack')?.position).toEqual({ x: 16, y: 6.5 });
  });

  it('refuses to save a layout with overlapping equipment and says why', async () => {
    const { editor } = await session();
    editor.getState().commit({ kind: 'move', id: 'saw', x: 14.5, y: 5 });
    const saved = editor.getState().save();
    expect(saved.ok).toBe(false);
    expect(editor.getState().saveProblems?.some((p) => p.found.includes("overlaps 'saw'"))).toBe(true);
  });

  it('rotates and deletes the selected equipment, and selects what it adds', async () => {
    const { twin, editor, at } = await session();
    twin.getState().select('saw');
    editor.getState().rotateSelected();
    expect(at('saw')?.rotation).toBe(90);
    editor.getState().add('rack');
    expect(twin.getState().selected).toBe('RACK-01');
    expect(at('RACK-01')).toBeDefined();
    editor.getState().deleteSelected();
    expect(at('RACK-01')).toBeUndefined();
    expect(twin.getState().selected).toBeUndefined();
  });

  it('starts a fresh history when another plant is opened', async () => {
    const { twin, editor } = await session();
    editor.getState().commit({ kind: 'move', id: 'saw', x: 7, y: 5 });
    const other = JSON.parse(fixture('two-cell-layout.json'));
    other.id = 'other';
    await twin.getState().openFiles([{ name: 'other.json', text: JSON.stringify(other) }]);
    expect(editor.getState().history?.past).toHaveLength(0);
    expect(editor.getState().original?.id).toBe('other');
  });
});

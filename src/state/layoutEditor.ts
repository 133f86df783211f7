import { createStore } from 'zustand/vanilla';
import { loadLayoutText, type Plant } from '../model/load.ts';
import { Layout, type EquipmentType } from '../model/layoutSchema.ts';
import type { Problem } from '../model/problem.ts';
import { planAddition } from '../model/edits/addition.ts';
import { record, redo, startHistory, undo, type EditHistory } from '../model/edits/editHistory.ts';
import { applyEdit, type LayoutEdit } from '../model/edits/layoutEdit.ts';
import { findOverlaps, type Overlap } from '../model/edits/overlaps.ts';
import { centreRange, clampToFloor, equipmentOffFloor, floorRect, type OffFloor } from '../model/edits/floorPlacement.ts';
import { pathCrossings, type PathCrossing } from '../model/edits/pathCrossings.ts';
import { GRID_STEP, nextRightAngle, snapToGrid } from '../model/edits/snapping.ts';
import { equipmentRect } from '../model/layoutIndex.ts';
import { floorBounds } from '../model/floorBounds.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import type { DraftStore } from './layoutDrafts.ts';
import { baseName } from './openPlant.ts';
import type { TwinStore } from './store.ts';

export type SaveResult = { ok: true; fileName: string; text: string } | { ok: false; problems: Problem[] };

/** The edited layout last saved as a file: which file, when, and the layout it held. */
export interface SavedFile { name: string; at: string; layout: Layout }

export interface EditorState {
  editing: boolean;
  /** Edits of the layout on screen; undefined while no plant is open. */
  history: EditHistory | undefined;
  /** The layout as it was opened from its file. */
  original: Layout | undefined;
  /** An edit being dragged: shown, not yet on the undo stack. */
  dragged: LayoutEdit | undefined;
  /** When the edits on screen were restored from this browser, the time they were stored. */
  restoredFrom: string | undefined;
  /** The last save as a file (this session, or of the restored edits): said after saving and after a reload. */
  savedFile: SavedFile | undefined;
  /** Whether the latest edits are kept in the browser. */
  stored: 'saving' | 'saved' | 'failed' | undefined;
  /** Why the last "save layout" was refused. */
  saveProblems: Problem[] | undefined;
  overlaps: Overlap[];
  /** Equipment reaching past the floor, and path edges drawn through a footprint: listed live. */
  offFloor: OffFloor[];
  crossings: PathCrossing[];
  setEditing(on: boolean): void;
  /** While a drag is held at the floor's edge: which equipment (the live "kept on the floor" note). */
  edgeStop: string | undefined;
  /** Where a drag to (x, y) puts equipment: snapped, and kept on the floor (`edgeStop` says when it was held back). */
  dragTarget(id: string, x: number, y: number): { x: number; y: number };
  /** Moves the selected equipment by a plan offset (arrow keys), exactly, kept on the floor. */
  nudgeSelected(dx: number, dy: number): void;
  /**
   * Places equipment at (x, y) with `rotation` as typed in the position fields: refused, with the
   * reason, when its footprint would leave the floor.
   */
  place(id: string, x: number, y: number, rotation: number): string | undefined;
  preview(edit: LayoutEdit | undefined): void;
  commit(edit: LayoutEdit): void;
  undo(): void;
  redo(): void;
  rotateSelected(): void;
  deleteSelected(): void;
  add(type: EquipmentType): void;
  setBuffers(id: string, inputBuffer: number | undefined, outputBuffer: number | undefined): void;
  /** Back to the layout of the file, forgetting the edits kept in the browser. */
  discard(): Promise<void>;
  /** The edited layout as a file, if it passes the same validation as opening a file. */
  save(): SaveResult;
  /** Resolves once the latest edits are in the draft store (for tests and the page's unload). */
  flushed(): Promise<void>;
}

const same = (a: Layout, b: Layout) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The live checks of an edited layout: overlaps, equipment off the floor, paths through footprints. */
function checks(layout: Layout): Pick<EditorState, 'overlaps' | 'offFloor' | 'crossings'> {
  return { overlaps: findOverlaps(layout), offFloor: equipmentOffFloor(layout), crossings: pathCrossings(layout) };
}

/**
 * The layout engineer's editing session over the twin store: keeps the undo stack of pure
 * layout edits, writes the edited layout into the plant on screen, keeps it in the browser
 * (autosave per layout id) and offers it as a file that passes validation.
 */
export function createLayoutEditor(twin: TwinStore, drafts: DraftStore) {
  /** The plant object this editor last put on screen, to tell its own writes from a newly opened plant. */
  let written: Plant | undefined;
  let writes: Promise<void> = Promise.resolve();

  const editor = createStore<EditorState>()((set, get) => {
    function show(layout: Layout): void {
      const plant = twin.getState().plant;
      if (!plant || plant.layout === layout) return;
      written = { ...plant, layout };
      twin.setState({ plant: written });
      set(checks(layout));
    }

    function keep(history: EditHistory): void {
      const { original } = get();
      if (!original) return;
      const id = original.id;
      const layout = history.present;
      const unchanged = same(layout, original);
      const saved = get().savedFile;
      const file = saved && same(saved.layout, layout) ? { name: saved.name, at: saved.at } : undefined;
      set({ stored: 'saving' });
      writes = writes.then(() => (unchanged ? drafts.remove(id) : drafts.save(id, { layout, savedAt: new Date().toISOString(), ...(file ? { file } : {}) })))
        .then(() => { if (get().history === history) set({ stored: unchanged ? undefined : 'saved' }); },
          () => set({ stored: 'failed' }));
    }

    function change(history: EditHistory): void {
      if (history === get().history) return;
      set({ history, dragged: undefined, saveProblems: undefined, edgeStop: undefined });
      show(history.present);
      keep(history);
      const selected = twin.getState().selected;
      if (selected !== undefined && !allEquipment(history.present).some((e) => e.id === selected)) twin.getState().select(undefined);
    }

    const selectedEquipment = () => {
      const { history } = get();
      const id = twin.getState().selected;
      return history && id !== undefined ? allEquipment(history.present).find((e) => e.id === id) : undefined;
    };

    return {
      editing: false,
      history: undefined,
      original: undefined,
      dragged: undefined,
      restoredFrom: undefined,
      savedFile: undefined,
      stored: undefined,
      saveProblems: undefined,
      overlaps: [],
      offFloor: [],
      crossings: [],
      edgeStop: undefined,
      setEditing: (on) => set({ editing: on, dragged: undefined }),
      dragTarget(id, x, y) {
        const { history } = get();
        const e = history && allEquipment(history.present).find((q) => q.id === id);
        if (!e || !history) return { x, y };
        const to = clampToFloor(equipmentRect(e), x, y, floorRect(history.present), GRID_STEP);
        const held = to.x !== snapToGrid(x) || to.y !== snapToGrid(y) ? id : undefined;
        if (held !== get().edgeStop) set({ edgeStop: held });
        return to;
      },
      nudgeSelected(dx, dy) {
        const { history } = get();
        const e = selectedEquipment();
        if (!e || !history) return;
        // Exactly the step, from wherever it stands (a file may place it off the grid); only the floor's edge stops it.
        const to = clampToFloor(equipmentRect(e), e.position.x + dx, e.position.y + dy, floorRect(history.present));
        const mm = (v: number) => Math.round(v * 1000) / 1000 + 0;
        get().commit({ kind: 'move', id: e.id, x: mm(to.x), y: mm(to.y) });
      },
      place(id, x, y, rotation) {
        const { history } = get();
        const e = history && allEquipment(history.present).find((q) => q.id === id);
        if (!e || !history) return `no equipment ${id} in the layout`;
        const floor = floorRect(history.present);
        const range = centreRange({ ...equipmentRect(e), rotation }, floor);
        const between = (v: number, lo: number, hi: number) => v >= lo - 1e-9 && v <= hi + 1e-9;
        if (!between(x, range.minX, range.maxX) || !between(y, range.minY, range.maxY)) {
          return `${e.id} turned ${rotation}° stays on the floor with x from ${range.minX} to ${range.maxX} m and y from ${range.minY} to ${range.maxY} m`;
        }
        if (rotation !== e.rotation) get().commit({ kind: 'rotate', id, rotation });
        if (x !== e.position.x || y !== e.position.y) get().commit({ kind: 'move', id, x, y });
        return undefined;
      },
      preview(edit) {
        const { history } = get();
        if (!history) return;
        set({ dragged: edit });
        show(edit ? applyEdit(history.present, edit) : history.present);
      },
      commit(edit) {
        const { history } = get();
        if (!history) return;
        const next = record(history, edit);
        if (next === history) get().preview(undefined);
        else change(next);
      },
      undo() { const h = get().history; if (h) change(undo(h)); },
      redo() { const h = get().history; if (h) change(redo(h)); },
      rotateSelected() {
        const e = selectedEquipment();
        if (e) get().commit({ kind: 'rotate', id: e.id, rotation: nextRightAngle(e.rotation) });
      },
      deleteSelected() {
        const e = selectedEquipment();
        if (e) get().commit({ kind: 'delete', id: e.id });
      },
      add(type) {
        const { history } = get();
        if (!history) return;
        const layout = history.present;
        const near = selectedEquipment();
        const cell = layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells))
          .find((c) => c.equipment.some((e) => e.id === near?.id)) ?? layout.site.areas[0]?.lines[0]?.cells[0];
        if (!cell) return;
        const floor = floorBounds(layout);
        const edit = planAddition(layout, type, cell.id, near?.position ?? { x: floor.centreX, y: floor.centreY });
        get().commit(edit);
        twin.getState().select(edit.equipment.id);
      },
      setBuffers: (id, inputBuffer, outputBuffer) => get().commit({ kind: 'buffers', id, inputBuffer, outputBuffer }),
      async discard() {
        const { original } = get();
        if (!original) return;
        set({ restoredFrom: undefined });
        change(startHistory(original));
        await writes;
      },
      save() {
        const { history } = get();
        const plant = twin.getState().plant;
        if (!history || !plant) return { ok: false, problems: [{ file: '', path: '', expected: 'an open layout', found: 'none' }] };
        const fileName = baseName(plant.layoutFile);
        const text = `${JSON.stringify(history.present, null, 2)}\n`;
        const loaded = loadLayoutText(text, fileName);
        if (!loaded.ok) {
          set({ saveProblems: loaded.problems });
          return { ok: false, problems: loaded.problems };
        }
        // These edits are now in a file: said here, kept with the draft, and not "unsaved" after a reload.
        set({ saveProblems: undefined, savedFile: { name: fileName, at: new Date().toISOString(), layout: history.present } });
        keep(history);
        return { ok: true, fileName, text };
      },
      flushed: () => writes,
    };
  });

  async function restore(plant: Plant): Promise<void> {
    let draft;
    try {
      draft = await drafts.load(plant.layout.id);
    } catch {
      editor.setState({ stored: 'failed' });
      return;
    }
    // Only onto the plant as opened: edits made meanwhile win, a plant opened meanwhile is another.
    const { history, original } = editor.getState();
    if (!draft || original !== plant.layout || !history || history.present !== original) return;
    const parsed = Layout.safeParse(draft.layout);
    if (!parsed.success || same(parsed.data, original)) return;
    const savedFile = draft.file ? { name: draft.file.name, at: draft.file.at, layout: parsed.data } : undefined;
    editor.setState({ history: startHistory(parsed.data), restoredFrom: draft.savedAt, savedFile, stored: 'saved' });
    written = { ...plant, layout: parsed.data };
    twin.setState({ plant: written });
    editor.setState(checks(parsed.data));
  }

  twin.subscribe((state, previous) => {
    if (state.plant === previous.plant || state.plant === written) return;
    const plant = state.plant;
    editor.setState({
      history: plant ? startHistory(plant.layout) : undefined,
      original: plant?.layout,
      dragged: undefined,
      restoredFrom: undefined,
      savedFile: undefined,
      stored: undefined,
      saveProblems: undefined,
      ...(plant ? checks(plant.layout) : { overlaps: [], offFloor: [], crossings: [] }),
    });
    if (plant) void restore(plant);
  });

  return editor;
}

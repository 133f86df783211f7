import { useEffect, useState } from 'react';
import { comparisonStore, useComparison } from '../state/comparisonStore.ts';
import { layoutEditor, useEditor, useTwin } from '../state/twinStore.ts';
import { EquipmentType } from '../model/layoutSchema.ts';
import { nudgeOffset } from '../model/edits/nudge.ts';
import { PALETTE } from '../model/edits/palette.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { LayoutComparisonPanel } from './LayoutComparisonPanel.tsx';
import { NumberField } from './NumberField.tsx';
import { ProblemList } from './ProblemList.tsx';
import { downloadText as download } from './downloadFile.ts';

const editor = () => layoutEditor.getState();
const metres = (n: number) => `${Math.round(n * 100) / 100} m`;

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

/**
 * R turns, Delete removes, arrows move the selection 0.5 m (Shift: 5 m), Ctrl+Z / Ctrl+Shift+Z
 * (or Ctrl+Y) undo and redo, while not typing in a field. Arrows in the tree or a list move
 * focus there instead (they handle the key first).
 */
function useEditKeys(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const keydown = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') editor()[e.shiftKey ? 'redo' : 'undo']();
      else if (mod && key === 'y') editor().redo();
      else if (!mod && key === 'r') editor().rotateSelected();
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) editor().deleteSelected();
      else if (!mod && !e.defaultPrevented && nudgeOffset(e.key, e.shiftKey)) {
        const { dx, dy } = nudgeOffset(e.key, e.shiftKey)!;
        editor().nudgeSelected(dx, dy);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', keydown);
    return () => window.removeEventListener('keydown', keydown);
  }, [active]);
}

/** Layout editing: undo/redo, turn, delete, add from the palette, compare with the original by simulation, save as a file; overlap and storage status. */
export function EditToolbar() {
  const editing = useEditor((s) => s.editing);
  const canUndo = useEditor((s) => (s.history?.past.length ?? 0) > 0);
  const canRedo = useEditor((s) => (s.history?.future.length ?? 0) > 0);
  const overlaps = useEditor((s) => s.overlaps);
  const offFloor = useEditor((s) => s.offFloor);
  const crossings = useEditor((s) => s.crossings);
  const edgeStop = useEditor((s) => s.edgeStop);
  const stored = useEditor((s) => s.stored);
  const saveProblems = useEditor((s) => s.saveProblems);
  const savedFile = useEditor((s) => s.savedFile);
  const present = useEditor((s) => s.history?.present);
  const edited = useEditor((s) => s.history !== undefined && s.original !== undefined && s.history.present !== s.original);
  const layout = useTwin((s) => s.plant?.layout);
  const selected = useTwin((s) => s.selected);
  const hasScenario = useTwin((s) => s.plant?.scenario !== undefined);
  const comparing = useComparison((s) => s.status === 'running');
  const [type, setType] = useState<EquipmentType>('machining-center');
  useEditKeys(editing);
  if (!editing) return null;

  const save = () => {
    const result = editor().save();
    if (result.ok) download(result.fileName, result.text);
  };
  const names = new Map((layout ? allEquipment(layout) : []).map((e) => [e.id, e.name]));
  const who = (id: string) => `${id}${names.has(id) ? ` (${names.get(id)})` : ''}`;
  const savedNow = savedFile !== undefined && present === savedFile.layout;

  return (
    <section className="panel edit-panel" aria-label="Layout editing" data-testid="edit-panel">
      <div className="edit-toolbar" role="toolbar" aria-label="Layout editing">
        <button type="button" onClick={() => editor().undo()} disabled={!canUndo} title="Undo (Ctrl+Z)" data-testid="undo">Undo</button>
        <button type="button" onClick={() => editor().redo()} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" data-testid="redo">Redo</button>
        <button type="button" onClick={() => editor().rotateSelected()} disabled={selected === undefined} title="Turn 90° (R)" data-testid="rotate">Rotate 90°</button>
        <button type="button" onClick={() => editor().deleteSelected()} disabled={selected === undefined} title="Delete (Del)" data-testid="delete">Delete</button>
        <span className="palette">
          <select value={type} onChange={(e) => setType(EquipmentType.parse(e.target.value))} aria-label="Equipment type to add" data-testid="palette">
            {EquipmentType.options.map((t) => <option key={t} value={t}>{PALETTE[t].label}</option>)}
          </select>
          <button type="button" onClick={() => editor().add(type)} data-testid="add-equipment">Add</button>
        </span>
        <span className="toolbar-gap" />
        <span className="stored" data-testid="edits-stored" role="status">
          {savedNow
            ? `Saved as ${savedFile.name} (downloaded) at ${new Date(savedFile.at).toLocaleTimeString('en-GB')}`
            : stored === 'saved' ? `Unsaved edits${savedFile ? ` since saving ${savedFile.name}` : ''}, kept in this browser` : stored === 'saving' ? 'Keeping edits…' : stored === 'failed' ? 'Could not keep edits in this browser' : ''}
        </span>
        <button
          type="button"
          disabled={!hasScenario || comparing || !edited}
          onClick={() => void comparisonStore.getState().run()}
          title={!hasScenario ? 'Open a scenario to compare layouts by simulation' : !edited ? 'Edit the layout first: there is nothing to compare yet' : 'Simulate the scenario on the original and the edited layout (same random numbers) and compare the KPIs'}
          data-testid="compare-original"
        >
          Compare with original
        </button>
        <button type="button" className="primary" onClick={save} data-testid="save-layout">Save layout</button>
      </div>
      <p className="edit-hint">Drag equipment to move it (0.5 m grid), or use the arrow keys (0.5 m; Shift: 5 m) or the fields; drag the floor to orbit, right-drag to pan, wheel to zoom.</p>
      <PositionFields />
      {edgeStop !== undefined && <p className="edit-note" role="status" data-testid="edge-stop">{who(edgeStop)} stops at the edge of the floor.</p>}
      {overlaps.length > 0 && (
        <ul className="overlaps" role="alert" data-testid="overlap-warning">
          {overlaps.map((o) => <li key={`${o.a}:${o.b}`}><strong>{who(o.b)}</strong> overlaps <strong>{who(o.a)}</strong> by {metres(o.depth)}</li>)}
        </ul>
      )}
      {offFloor.length > 0 && (
        <ul className="overlaps" role="alert" data-testid="off-floor">
          {offFloor.map((o) => <li key={o.id}><strong>{who(o.id)}</strong> is off the floor: {metres(o.overhang)} past the {o.sides.join(' and ')} edge</li>)}
        </ul>
      )}
      {crossings.length > 0 && (
        <ul className="overlaps" role="alert" data-testid="path-crossings">
          {crossings.map((c) => <li key={`${c.from}:${c.to}:${c.equipment}`}>The path {c.from} → {c.to} runs through <strong>{who(c.equipment)}</strong> for {metres(c.inside)}</li>)}
        </ul>
      )}
      {saveProblems && (
        <div className="save-problems" role="alert" data-testid="save-problems">
          <p>Not saved: the layout would not load.</p>
          <ProblemList problems={saveProblems} data={present && saveProblems[0] ? { [saveProblems[0].file]: present } : undefined} />
        </div>
      )}
      <LayoutComparisonPanel />
    </section>
  );
}

/** X, Y and rotation of the selected equipment, judged on Enter or when leaving the field; kept on the floor. */
function PositionFields() {
  const selected = useTwin((s) => s.selected);
  const e = useEditor((s) => (selected === undefined || !s.history ? undefined : allEquipment(s.history.present).find((q) => q.id === selected)));
  const original = useEditor((s) => (selected === undefined || !s.original ? undefined : allEquipment(s.original).find((q) => q.id === selected)));
  const [refused, setRefused] = useState<string | undefined>(undefined);
  useEffect(() => setRefused(undefined), [selected]);
  if (!e) return <p className="edit-hint" data-testid="position-fields-empty">Select equipment to place it by numbers.</p>;
  const place = (x: number, y: number, rotation: number) => setRefused(editor().place(e.id, x, y, rotation));
  const moved = original ? Math.hypot(e.position.x - original.position.x, e.position.y - original.position.y) : undefined;
  return (
    <div className="position-fields" role="group" aria-label={`Position of ${e.id}`} data-testid="position-fields">
      <strong>{e.id}</strong>
      <NumberField label="X" unit="m" value={e.position.x} min={-100_000} max={100_000} onCommit={(x) => place(x, e.position.y, e.rotation)} testId="position-x" />
      <NumberField label="Y" unit="m" value={e.position.y} min={-100_000} max={100_000} onCommit={(y) => place(e.position.x, y, e.rotation)} testId="position-y" />
      <NumberField label="Rotation" unit="°" value={e.rotation} min={0} max={359.999} onCommit={(r) => place(e.position.x, e.position.y, r)} testId="position-rotation" />
      {moved !== undefined && moved > 0 && <span className="edit-hint" data-testid="moved-distance">{metres(moved)} from its place in the file</span>}
      {refused && <p className="field-error" role="alert" data-testid="position-refused">Not moved: {refused}.</p>}
    </div>
  );
}

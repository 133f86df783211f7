import { useEffect, useState } from 'react';
import { comparisonStore, useComparison } from '../state/comparisonStore.ts';
import { layoutEditor, useEditor, useTwin } from '../state/twinStore.ts';
import { EquipmentType } from '../model/layoutSchema.ts';
import { PALETTE } from '../model/edits/palette.ts';
import { LayoutComparisonPanel } from './LayoutComparisonPanel.tsx';
import { ProblemList } from './ProblemList.tsx';
import { downloadText as download } from './downloadFile.ts';

const editor = () => layoutEditor.getState();
const metres = (n: number) => `${Math.round(n * 100) / 100} m`;

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

/** R turns, Delete removes, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo, while not typing in a field. */
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
      else return;
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
  const stored = useEditor((s) => s.stored);
  const saveProblems = useEditor((s) => s.saveProblems);
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
        <span className="stored" data-testid="edits-stored">
          {stored === 'saved' ? 'Edits kept in this browser' : stored === 'saving' ? 'Keeping edits…' : stored === 'failed' ? 'Could not keep edits in this browser' : ''}
        </span>
        <button
          type="button"
          disabled={!hasScenario || comparing}
          onClick={() => void comparisonStore.getState().run()}
          title={hasScenario ? 'Simulate the scenario on the original and the edited layout (same random numbers) and compare the KPIs' : 'Open a scenario to compare layouts by simulation'}
          data-testid="compare-original"
        >
          Compare with original
        </button>
        <button type="button" className="primary" onClick={save} data-testid="save-layout">Save layout</button>
      </div>
      <p className="edit-hint">Drag equipment to move it (0.5 m grid); drag the floor to orbit, right-drag to pan, wheel to zoom.</p>
      {overlaps.length > 0 && (
        <ul className="overlaps" role="alert" data-testid="overlap-warning">
          {overlaps.map((o) => <li key={`${o.a}:${o.b}`}><code>{o.b}</code> overlaps <code>{o.a}</code> by {metres(o.depth)}</li>)}
        </ul>
      )}
      {saveProblems && (
        <div className="save-problems" role="alert" data-testid="save-problems">
          <p>Not saved: the layout would not load.</p>
          <ProblemList problems={saveProblems} />
        </div>
      )}
      <LayoutComparisonPanel />
    </section>
  );
}

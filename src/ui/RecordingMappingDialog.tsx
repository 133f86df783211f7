import { useEffect, useMemo, useRef, useState } from 'react';
import { loadRecordingMappingText } from '../live/recordingMapping.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import type { Problem } from '../model/problem.ts';
import type { RecordingMapping } from '../model/recordingMappingSchema.ts';
import { replayStore, useReplay } from '../state/replayStore.ts';
import { useTwin } from '../state/twinStore.ts';
import { ProblemList } from './ProblemList.tsx';

const NONE = '';

/** Saves text as a file through the browser's download. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Which layout equipment each recorded device speaks for. Devices whose id is a layout id match by
 * themselves; the rest are chosen here (one device per machine), loaded from a mapping file or
 * saved as one (`plant-twin map-recording` and `simulate-from --mapping` read the same file).
 * The choice is remembered for this file.
 */
export function RecordingMappingDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const layout = useTwin((s) => s.plant?.layout);
  const name = useReplay((s) => s.name);
  const match = useReplay((s) => s.match);
  const mapping = useReplay((s) => s.mapping);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const equipment = useMemo(() => (layout ? allEquipment(layout) : []), [layout]);
  const devices = useMemo(() => (match ? [...match.matched.map((m) => m.recorded), ...match.unmapped] : []), [match]);
  const layoutIds = useMemo(() => new Set(equipment.map((e) => e.id)), [equipment]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setDraft(Object.fromEntries(devices.map((id) => [id, mapping[id] ?? (layoutIds.has(id) ? id : NONE)])));
      setProblems([]);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open, devices, mapping, layoutIds]);

  const chosen = (device: string) => draft[device] ?? NONE;
  const takenBy = new Map(Object.entries(draft).filter(([, e]) => e !== NONE).map(([d, e]) => [e, d]));
  const asMapping = (): Record<string, string> => Object.fromEntries(Object.entries(draft).filter(([d, e]) => e !== NONE && e !== d));
  const withoutData = equipment.filter((e) => !takenBy.has(e.id)).length;

  const apply = () => {
    const found = replayStore.getState().applyMapping(asMapping());
    setProblems(found);
    if (found.length === 0) onClose();
  };
  const load = async (file: File | undefined) => {
    if (!file) return;
    const loaded = loadRecordingMappingText(await file.text(), file.name);
    if (!loaded.ok) {
      setProblems(loaded.problems);
      return;
    }
    setProblems([]);
    setDraft(Object.fromEntries(devices.map((id) => [id, loaded.value.equipment[id] ?? (layoutIds.has(id) ? id : NONE)])));
  };
  const save = () => {
    const file: RecordingMapping = { ...(name ? { recording: name } : {}), equipment: asMapping() };
    download(`${(name ?? 'recording').replace(/\.[^.]*$/, '')}.mapping.json`, `${JSON.stringify(file, null, 2)}\n`);
  };

  return (
    <dialog ref={dialog} className="mapping-dialog" aria-labelledby="mapping-title" onClose={onClose} data-testid="mapping-dialog">
      <header className="panel-header">
        <h2 id="mapping-title">Map recorded devices to equipment</h2>
        <button type="button" className="quiet" onClick={onClose} aria-label="Close the mapping">×</button>
      </header>
      <p className="mapping-intro">
        {name}: {devices.length} recorded device{devices.length === 1 ? '' : 's'}. Choose the equipment of this plant each one speaks for;
        a device left out is not shown and not used by Simulate from here.
      </p>
      <table className="mapping-table">
        <thead><tr><th scope="col">Recorded device</th><th scope="col">Equipment in this plant</th></tr></thead>
        <tbody>
          {devices.map((device) => (
            <tr key={device}>
              <th scope="row"><code>{device}</code></th>
              <td>
                <select value={chosen(device)} onChange={(e) => setDraft({ ...draft, [device]: e.target.value })} aria-label={`Equipment for ${device}`} data-testid="mapping-select" data-device={device}>
                  {/* A device named like a layout machine speaks for it unless sent to another one. */}
                  <option value={NONE} disabled={layoutIds.has(device)}>— not in this plant —</option>
                  {equipment.map((e) => {
                    const other = takenBy.get(e.id);
                    return (
                      <option key={e.id} value={e.id} disabled={other !== undefined && other !== device}>
                        {e.id} · {e.name}{other !== undefined && other !== device ? ` (has ${other})` : ''}
                      </option>
                    );
                  })}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mapping-note" data-testid="mapping-without-data">
        {withoutData === 0 ? 'Every piece of equipment has recorded data.' : `${withoutData} of ${equipment.length} pieces of equipment will have no recorded data.`}
      </p>
      {problems.length > 0 && <div className="save-problems" role="alert"><p>This mapping cannot be used:</p><ProblemList problems={problems} /></div>}
      <div className="mapping-actions">
        <button type="button" onClick={apply} data-testid="mapping-apply">Apply</button>
        <button type="button" onClick={onClose}>Cancel</button>
        <label className="mapping-load">
          Load mapping file…
          <input type="file" accept=".json,application/json" onChange={(e) => void load(e.target.files?.[0])} data-testid="mapping-load" />
        </label>
        <button type="button" onClick={save} data-testid="mapping-save">Save mapping file</button>
      </div>
    </dialog>
  );
}

import { layoutEditor, useEditor, useTwin } from '../state/twinStore.ts';
import type { Equipment } from '../model/layoutSchema.ts';
import { allEquipment } from '../model/plantEquipment.ts';
import { BufferCapacityInput } from './BufferCapacityInput.tsx';
import { EquipmentStatus } from './EquipmentStatus.tsx';

const metres = (n: number) => `${Number(n.toFixed(2))} m`;

/** Facts of the selected equipment from the layout file, what it is doing now, and in layout editing its buffers. */
export function EquipmentDetails() {
  const layout = useTwin((s) => s.plant?.layout);
  const selected = useTwin((s) => s.selected);
  const editing = useEditor((s) => s.editing);
  const e = layout && selected !== undefined ? allEquipment(layout).find((x) => x.id === selected) : undefined;
  if (!e) return <section className="details empty" data-testid="equipment-details">Select equipment in the tree or the 3D view.</section>;
  return (
    <section className="details" data-testid="equipment-details" aria-label="Selected equipment">
      <h2>{e.name}</h2>
      <dl>
        <dt>Id</dt><dd><code>{e.id}</code></dd>
        <dt>Type</dt><dd>{e.type}</dd>
        <dt>Position</dt><dd data-testid="equipment-position">{metres(e.position.x)}, {metres(e.position.y)}</dd>
        <dt>Footprint</dt><dd>{metres(e.footprint.width)} × {metres(e.footprint.depth)}, {e.rotation}°</dd>
        {e.capabilities.length > 0 && <><dt>Runs</dt><dd>{e.capabilities.join(', ')}</dd></>}
        {editing ? <BufferRows equipment={e} /> : (
          <>
            {e.inputBuffer !== undefined && <><dt>Input buffer</dt><dd>{e.inputBuffer} parts</dd></>}
            {e.outputBuffer !== undefined && <><dt>Output buffer</dt><dd>{e.outputBuffer} parts</dd></>}
          </>
        )}
        {e.capacity !== undefined && <><dt>Capacity</dt><dd>{e.capacity} parts</dd></>}
      </dl>
      <EquipmentStatus equipment={e} />
    </section>
  );
}

function BufferRows({ equipment: e }: { equipment: Equipment }) {
  const set = (which: 'inputBuffer' | 'outputBuffer', value: number | undefined) => {
    const next = { inputBuffer: e.inputBuffer, outputBuffer: e.outputBuffer, [which]: value };
    layoutEditor.getState().setBuffers(e.id, next.inputBuffer, next.outputBuffer);
  };
  return (
    <>
      <dt>Input buffer</dt>
      <dd><BufferCapacityInput key={`${e.id}:in:${e.inputBuffer}`} value={e.inputBuffer} onChange={(v) => set('inputBuffer', v)} testId="input-buffer" /></dd>
      <dt>Output buffer</dt>
      <dd><BufferCapacityInput key={`${e.id}:out:${e.outputBuffer}`} value={e.outputBuffer} onChange={(v) => set('outputBuffer', v)} testId="output-buffer" /></dd>
    </>
  );
}

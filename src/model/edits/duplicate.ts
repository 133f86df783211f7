import type { Layout } from '../layoutSchema.ts';
import { allEquipment } from '../plantEquipment.ts';
import { accessTo, freeSpot } from './addition.ts';
import type { LayoutEdit } from './layoutEdit.ts';

/** `M-01` → `M-01-2`, `M-01-3`…: the first id no equipment or path node has. */
export function duplicateId(layout: Layout, id: string): string {
  const taken = new Set([...allEquipment(layout).map((e) => e.id), ...layout.paths.nodes.map((n) => n.id)]);
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

/**
 * Plans a copy of equipment `id` beside it: same type, footprint, turn, capabilities and buffers,
 * in the same work cell, on the free spot nearest the original (overlapping nothing, on the
 * floor), with its own pick-up/drop-off node and an aisle to the path graph. Undefined when there
 * is no such equipment.
 */
export function planDuplicate(layout: Layout, id: string): Extract<LayoutEdit, { kind: 'add' }> | undefined {
  for (const area of layout.site.areas) {
    for (const line of area.lines) {
      for (const cell of line.cells) {
        const source = cell.equipment.find((e) => e.id === id);
        if (!source) continue;
        const copyId = duplicateId(layout, id);
        const equipment = freeSpot(layout, (p) => ({ ...structuredClone(source), id: copyId, name: `${source.name} (copy ${copyId.slice(id.length + 1)})`, position: p }), source.position);
        return { kind: 'add', cellId: cell.id, equipment, ...accessTo(layout, equipment) };
      }
    }
  }
  return undefined;
}

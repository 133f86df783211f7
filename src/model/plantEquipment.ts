import type { Equipment, EquipmentType, Layout } from './layoutSchema.ts';

export function allEquipment(layout: Layout): Equipment[] {
  return layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment)));
}

/** Equipment grouped by type, in first-seen order: one instanced mesh per group. */
export function equipmentByType(layout: Layout): [EquipmentType, Equipment[]][] {
  const groups = new Map<EquipmentType, Equipment[]>();
  for (const e of allEquipment(layout)) {
    const group = groups.get(e.type);
    if (group) group.push(e);
    else groups.set(e.type, [e]);
  }
  return [...groups];
}

import type { Rect } from './footprint.ts';
import type { Equipment, Layout } from './layoutSchema.ts';

/** A piece of the layout with the JSON path it sits at, so checks can point at it. */
export interface Located<T> {
  item: T;
  path: string;
}

export interface LayoutIndex {
  areas: Located<Layout['site']['areas'][number]>[];
  lines: Located<Layout['site']['areas'][number]['lines'][number]>[];
  cells: Located<Layout['site']['areas'][number]['lines'][number]['cells'][number]>[];
  /** Every piece of equipment in hierarchy order. */
  equipment: Located<Equipment>[];
  /** Equipment by id (the first one, if an id repeats). */
  equipmentById: Map<string, Located<Equipment>>;
}

export function indexLayout(layout: Layout): LayoutIndex {
  const areas = layout.site.areas.map((item, i) => ({ item, path: `site.areas[${i}]` }));
  const lines = areas.flatMap((a) => a.item.lines.map((item, i) => ({ item, path: `${a.path}.lines[${i}]` })));
  const cells = lines.flatMap((l) => l.item.cells.map((item, i) => ({ item, path: `${l.path}.cells[${i}]` })));
  const equipment = cells.flatMap((c) => c.item.equipment.map((item, i) => ({ item, path: `${c.path}.equipment[${i}]` })));
  const equipmentById = new Map<string, Located<Equipment>>();
  for (const e of equipment) if (!equipmentById.has(e.item.id)) equipmentById.set(e.item.id, e);
  return { areas, lines, cells, equipment, equipmentById };
}

export function equipmentRect(e: Equipment): Rect {
  return { x: e.position.x, y: e.position.y, width: e.footprint.width, depth: e.footprint.depth, rotation: e.rotation };
}

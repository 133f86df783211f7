import type { Findings } from './findings.ts';
import { bounds, overlapDepth } from './footprint.ts';
import type { Equipment, Layout } from './layoutSchema.ts';
import { equipmentRect, indexLayout, type Located } from './layoutIndex.ts';
import { checkPathGraph } from './pathGraphChecks.ts';

/** Overlaps and overhangs under a millimetre are drawing noise, not a problem. */
const TOLERANCE = 0.001;

function metres(n: number): string {
  return `${Math.round(n * 100) / 100} m`;
}

/**
 * Equipment wholly off the floor is an error (almost always a coordinate typo); equipment that
 * only overhangs an edge is a warning, since drawings of real halls often simplify the walls.
 */
function checkFloor(layout: Layout, equipment: Located<Equipment>[], f: Findings): void {
  const x0 = layout.floor.origin?.x ?? 0;
  const y0 = layout.floor.origin?.y ?? 0;
  const x1 = x0 + layout.floor.width;
  const y1 = y0 + layout.floor.depth;
  const floorText = `x ${x0}–${x1} m, y ${y0}–${y1} m`;
  for (const { item, path } of equipment) {
    const b = bounds(equipmentRect(item));
    const found = `x ${item.position.x}, y ${item.position.y}`;
    if (b.maxX <= x0 + TOLERANCE || b.minX >= x1 - TOLERANCE || b.maxY <= y0 + TOLERANCE || b.minY >= y1 - TOLERANCE) {
      f.error(`${path}.position`, `a position on the floor (${floorText})`, found,
        'the whole footprint lies off the floor; positions are metres from the floor origin (its south-west corner)');
      continue;
    }
    const beyond: [string, number][] = [['west', x0 - b.minX], ['east', b.maxX - x1], ['south', y0 - b.minY], ['north', b.maxY - y1]];
    const [side, amount] = beyond.reduce((a, c) => (c[1] > a[1] ? c : a));
    if (amount > TOLERANCE) {
      f.warn(`${path}.position`, `a footprint within the floor (${floorText})`, `${found}, reaching ${metres(amount)} past the ${side} edge`,
        'move it inward or enlarge the floor');
    }
  }
}

function checkOverlaps(equipment: Located<Equipment>[], f: Findings): void {
  const rects = equipment.map((e) => ({ ...e, rect: equipmentRect(e.item), box: bounds(equipmentRect(e.item)) }));
  for (let j = 1; j < rects.length; j++) {
    const b = rects[j]!;
    for (let i = 0; i < j; i++) {
      const a = rects[i]!;
      if (a.box.maxX <= b.box.minX || b.box.maxX <= a.box.minX || a.box.maxY <= b.box.minY || b.box.maxY <= a.box.minY) continue;
      const depth = overlapDepth(a.rect, b.rect);
      if (depth > TOLERANCE) {
        f.error(`${b.path}.position`, 'a footprint clear of other equipment',
          `overlaps '${a.item.id}' (${a.path}) by ${metres(depth)}`, 'move one of them, or correct a footprint or rotation');
      }
    }
  }
}

/** Cross-reference checks of a layout that passed its schema; every finding goes to `f`. */
export function checkLayout(layout: Layout, f: Findings): void {
  const index = indexLayout(layout);
  f.unique(index.areas, (a) => a.item.id, (i) => `${index.areas[i]?.path}.id`, 'an area id');
  f.unique(index.lines, (l) => l.item.id, (i) => `${index.lines[i]?.path}.id`, 'a line id');
  f.unique(index.cells, (c) => c.item.id, (i) => `${index.cells[i]?.path}.id`, 'a work cell id');
  f.unique(index.equipment, (e) => e.item.id, (i) => `${index.equipment[i]?.path}.id`, 'an equipment id');
  checkFloor(layout, index.equipment, f);
  checkOverlaps(index.equipment, f);
  checkPathGraph(layout, index, f);
}

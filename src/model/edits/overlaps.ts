import { bounds, overlapDepth, type Rect } from '../footprint.ts';
import type { Equipment, Layout } from '../layoutSchema.ts';
import { equipmentRect } from '../layoutIndex.ts';
import { allEquipment } from '../plantEquipment.ts';

/** The loader's tolerance: overlaps under a millimetre are drawing noise. */
const TOLERANCE = 0.001;

export interface Overlap { a: string; b: string; depth: number }

interface Placed { id: string; rect: Rect; box: ReturnType<typeof bounds> }

function place(e: Equipment): Placed {
  const rect = equipmentRect(e);
  return { id: e.id, rect, box: bounds(rect) };
}

function overlap(a: Placed, b: Placed): number {
  if (a.box.maxX <= b.box.minX || b.box.maxX <= a.box.minX || a.box.maxY <= b.box.minY || b.box.maxY <= a.box.minY) return 0;
  return overlapDepth(a.rect, b.rect);
}

/** Every pair of equipment whose footprints overlap, as the loader would report them. */
export function findOverlaps(layout: Layout): Overlap[] {
  const items = allEquipment(layout).map(place);
  const found: Overlap[] = [];
  for (let j = 1; j < items.length; j++) {
    for (let i = 0; i < j; i++) {
      const depth = overlap(items[i]!, items[j]!);
      if (depth > TOLERANCE) found.push({ a: items[i]!.id, b: items[j]!.id, depth });
    }
  }
  return found;
}

/** Whether `candidate` would overlap any equipment of the layout other than itself. */
export function overlapsAny(layout: Layout, candidate: Equipment): boolean {
  const placed = place(candidate);
  return allEquipment(layout).some((e) => e.id !== candidate.id && overlap(place(e), placed) > TOLERANCE);
}

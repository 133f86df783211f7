import { bounds, overlapDepth } from '../../model/footprint.ts';
import type { Equipment, Layout } from '../../model/layoutSchema.ts';
import { equipmentRect } from '../../model/layoutIndex.ts';
import { allEquipment } from '../plantEquipment.ts';

/** The loader's tolerance: overlaps under a millimetre are drawing noise. */
const TOLERANCE = 0.001;

export interface Overlap { a: string; b: string; depth: number }

function overlap(a: Equipment, b: Equipment): number {
  const ra = equipmentRect(a);
  const rb = equipmentRect(b);
  const ba = bounds(ra);
  const bb = bounds(rb);
  if (ba.maxX <= bb.minX || bb.maxX <= ba.minX || ba.maxY <= bb.minY || bb.maxY <= ba.minY) return 0;
  return overlapDepth(ra, rb);
}

/** Every pair of equipment whose footprints overlap, as the loader would report them. */
export function findOverlaps(layout: Layout): Overlap[] {
  const items = allEquipment(layout);
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
  return allEquipment(layout).some((e) => e.id !== candidate.id && overlap(e, candidate) > TOLERANCE);
}

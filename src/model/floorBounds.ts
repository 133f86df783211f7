import type { Layout } from './layoutSchema.ts';

/** The floor rectangle of a layout, in plan metres (x east, y north). */
export interface FloorBounds { minX: number; minY: number; width: number; depth: number; centreX: number; centreY: number }

export function floorBounds(layout: Layout): FloorBounds {
  const minX = layout.floor.origin?.x ?? 0;
  const minY = layout.floor.origin?.y ?? 0;
  const { width, depth } = layout.floor;
  return { minX, minY, width, depth, centreX: minX + width / 2, centreY: minY + depth / 2 };
}

/** A box on the floor plan (metres), up to a height: what the camera is asked to frame. */
export interface FloorBox { minX: number; maxX: number; minY: number; maxY: number; height: number }

export function floorBox(layout: Layout): FloorBox {
  const b = floorBounds(layout);
  return { minX: b.minX, maxX: b.minX + b.width, minY: b.minY, maxY: b.minY + b.depth, height: 0 };
}

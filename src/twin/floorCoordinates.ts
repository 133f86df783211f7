import type { Layout } from '../model/layoutSchema.ts';

/**
 * Layouts use floor-plan metres (x east, y north); the scene is y-up with the floor in x/z.
 * North maps to -z so the plan reads the usual way when seen from the south.
 */
export function toScene(x: number, y: number, height = 0): [number, number, number] {
  return [x, height, -y];
}

export interface FloorBounds { minX: number; minY: number; width: number; depth: number; centreX: number; centreY: number }

export function floorBounds(layout: Layout): FloorBounds {
  const minX = layout.floor.origin?.x ?? 0;
  const minY = layout.floor.origin?.y ?? 0;
  const { width, depth } = layout.floor;
  return { minX, minY, width, depth, centreX: minX + width / 2, centreY: minY + depth / 2 };
}

import { bounds, type Rect } from '../footprint.ts';
import type { Equipment, Layout } from '../layoutSchema.ts';
import { equipmentRect } from '../layoutIndex.ts';

export interface FloorRect { minX: number; minY: number; maxX: number; maxY: number }

export function floorRect(layout: Layout): FloorRect {
  const minX = layout.floor.origin?.x ?? 0;
  const minY = layout.floor.origin?.y ?? 0;
  return { minX, minY, maxX: minX + layout.floor.width, maxY: minY + layout.floor.depth };
}

/** Millimetres: what a layout drawing resolves, and enough to keep float noise out of the check. */
const EPSILON = 0.0005;

/**
 * The range of centre positions that keep a footprint (turned as it is) on the floor, per axis;
 * `min > max` when the footprint is wider than the floor on that axis.
 */
export function centreRange(rect: Rect, floor: FloorRect): { minX: number; maxX: number; minY: number; maxY: number } {
  const b = bounds({ ...rect, x: 0, y: 0 });
  // A micrometre grid drops the float noise of turned footprints (cos 90° is 6e-17, not 0).
  const micro = (v: number) => Math.round(v * 1e6) / 1e6 + 0;
  return { minX: micro(floor.minX - b.minX), maxX: micro(floor.maxX - b.maxX), minY: micro(floor.minY - b.minY), maxY: micro(floor.maxY - b.maxY) };
}

const clamp = (v: number, lo: number, hi: number): number => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));

/**
 * The nearest centre to (x, y) that keeps the footprint on the floor, on a grid of `step` metres
 * when given (the range's ends are rounded inward so the snapped position stays on the floor).
 */
export function clampToFloor(rect: Rect, x: number, y: number, floor: FloorRect, step?: number): { x: number; y: number } {
  const r = centreRange(rect, floor);
  if (step === undefined) return { x: clamp(x, r.minX, r.maxX), y: clamp(y, r.minY, r.maxY) };
  const inward = (lo: number, hi: number) => [Math.ceil(lo / step - 1e-9) * step, Math.floor(hi / step + 1e-9) * step] as const;
  const [x0, x1] = inward(r.minX, r.maxX);
  const [y0, y1] = inward(r.minY, r.maxY);
  const snap = (v: number) => Math.round(v / step) * step + 0;
  return { x: clamp(snap(x), x0, x1) + 0, y: clamp(snap(y), y0, y1) + 0 };
}

export interface OffFloor {
  id: string;
  name: string;
  /** How far the footprint reaches past the floor's edge, metres (the largest overhang). */
  overhang: number;
  /** The edges it crosses: west, east, south, north. */
  sides: string[];
}

/** Where a footprint reaches past the floor, or undefined when it is on it. */
export function offFloor(e: Equipment, floor: FloorRect): OffFloor | undefined {
  const b = bounds(equipmentRect(e));
  const over: [string, number][] = [['west', floor.minX - b.minX], ['east', b.maxX - floor.maxX], ['south', floor.minY - b.minY], ['north', b.maxY - floor.maxY]];
  const past = over.filter(([, d]) => d > EPSILON);
  if (past.length === 0) return undefined;
  return { id: e.id, name: e.name, overhang: Math.max(...past.map(([, d]) => d)), sides: past.map(([s]) => s) };
}

/** Every piece of equipment reaching past the floor, in layout order: the live "off the floor" list. */
export function equipmentOffFloor(layout: Layout): OffFloor[] {
  const floor = floorRect(layout);
  return layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment)))
    .map((e) => offFloor(e, floor)).filter((o): o is OffFloor => o !== undefined);
}

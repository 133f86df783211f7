/**
 * Rotated rectangles on the floor plan. Overlap uses the separating-axis theorem: two convex
 * shapes are apart exactly when their projections are apart on one of the shapes' edge normals,
 * which for rectangles are the four side directions.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  depth: number;
  /** Degrees counter-clockwise. */
  rotation: number;
}

type Vec = readonly [number, number];

function axes(r: Rect): [Vec, Vec] {
  const a = (r.rotation * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [[c, s], [-s, c]];
}

function halfExtent(r: Rect, axis: Vec): number {
  const [u, v] = axes(r);
  return (Math.abs(u[0] * axis[0] + u[1] * axis[1]) * r.width) / 2 + (Math.abs(v[0] * axis[0] + v[1] * axis[1]) * r.depth) / 2;
}

/**
 * How far two rectangles overlap: the smallest penetration over the separating axes, in metres.
 * ≤ 0 means apart or just touching.
 */
export function overlapDepth(a: Rect, b: Rect): number {
  let depth = Infinity;
  for (const axis of [...axes(a), ...axes(b)]) {
    const distance = Math.abs((b.x - a.x) * axis[0] + (b.y - a.y) * axis[1]);
    depth = Math.min(depth, halfExtent(a, axis) + halfExtent(b, axis) - distance);
  }
  return depth;
}

/** Axis-aligned bounds of a rotated rectangle. */
export function bounds(r: Rect): { minX: number; maxX: number; minY: number; maxY: number } {
  const hx = halfExtent(r, [1, 0]);
  const hy = halfExtent(r, [0, 1]);
  return { minX: r.x - hx, maxX: r.x + hx, minY: r.y - hy, maxY: r.y + hy };
}

/** Whether a point lies inside the rectangle by more than `margin` metres from every side. */
export function containsPoint(r: Rect, px: number, py: number, margin: number): boolean {
  const [u, v] = axes(r);
  const dx = px - r.x;
  const dy = py - r.y;
  return Math.abs(dx * u[0] + dy * u[1]) < r.width / 2 - margin && Math.abs(dx * v[0] + dy * v[1]) < r.depth / 2 - margin;
}

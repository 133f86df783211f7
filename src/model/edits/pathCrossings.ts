import type { Rect } from '../footprint.ts';
import type { Layout } from '../layoutSchema.ts';
import { equipmentRect } from '../layoutIndex.ts';

export interface PathCrossing {
  from: string;
  to: string;
  /** The equipment the edge runs through. */
  equipment: string;
  name: string;
  /** Length of the edge inside the footprint, metres. */
  inside: number;
}

/** Shorter stretches are a path grazing a corner, not running through the machine. */
const MIN_INSIDE = 0.05;

/**
 * Length of the segment a→b inside the rectangle: the segment in the rectangle's own frame,
 * clipped to its half-extents (Liang–Barsky).
 */
export function lengthInside(r: Rect, ax: number, ay: number, bx: number, by: number): number {
  const angle = (-r.rotation * Math.PI) / 180;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const local = (x: number, y: number): [number, number] => [(x - r.x) * c - (y - r.y) * s, (x - r.x) * s + (y - r.y) * c];
  const [x0, y0] = local(ax, ay);
  const [x1, y1] = local(bx, by);
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const hw = r.width / 2;
  const hd = r.depth / 2;
  for (const [p, q] of [[-dx, x0 + hw], [dx, hw - x0], [-dy, y0 + hd], [dy, hd - y0]] as const) {
    if (p === 0) {
      if (q < 0) return 0;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return 0;
  }
  return (t1 - t0) * Math.hypot(dx, dy);
}

function inside(r: Rect, x: number, y: number): boolean {
  const angle = (-r.rotation * Math.PI) / 180;
  const lx = (x - r.x) * Math.cos(angle) - (y - r.y) * Math.sin(angle);
  const ly = (x - r.x) * Math.sin(angle) + (y - r.y) * Math.cos(angle);
  return Math.abs(lx) <= r.width / 2 && Math.abs(ly) <= r.depth / 2;
}

/**
 * Path edges (aisles, conveyors) drawn straight through a footprint: after a move, parts would
 * travel through a machine. A footprint that holds one of the edge's ends (a node placed on the
 * machine itself) does not count for that edge.
 */
export function pathCrossings(layout: Layout): PathCrossing[] {
  const nodes = new Map(layout.paths.nodes.map((n) => [n.id, n.position]));
  const placed = layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment)))
    .map((e) => ({ e, rect: equipmentRect(e) }));
  const found: PathCrossing[] = [];
  for (const edge of layout.paths.edges) {
    const a = nodes.get(edge.from);
    const b = nodes.get(edge.to);
    if (!a || !b) continue;
    for (const { e, rect } of placed) {
      if (inside(rect, a.x, a.y) || inside(rect, b.x, b.y)) continue;
      const length = lengthInside(rect, a.x, a.y, b.x, b.y);
      if (length > MIN_INSIDE) found.push({ from: edge.from, to: edge.to, equipment: e.id, name: e.name, inside: length });
    }
  }
  return found;
}

import type { Equipment, Layout } from '../layoutSchema.ts';

type Paths = Layout['paths'];
type Point = { x: number; y: number };

function turn(p: Point, degrees: number): Point {
  const a = (degrees * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return { x: p.x * c - p.y * s, y: p.x * s + p.y * c };
}

/** Millimetres are the precision of a layout drawing; rounding keeps saved files free of float noise. */
const mm = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Moves the pick-up/drop-off nodes of equipment that moved or turned, keeping each node where it
 * was relative to the equipment (so a node in front of a machine stays in front of it after a
 * turn). Edges touching a moved node keep their detour factor: a given length is scaled by the
 * change of the straight-line distance; an edge without a length stays without one (straight line).
 */
export function pathsFollow(paths: Paths, before: Equipment, after: Equipment): Paths {
  const moved = new Map<string, Point>();
  const nodes = paths.nodes.map((node) => {
    if (node.equipment !== before.id) return node;
    const local = turn({ x: node.position.x - before.position.x, y: node.position.y - before.position.y }, -before.rotation);
    const offset = turn(local, after.rotation);
    const position = { x: mm(after.position.x + offset.x), y: mm(after.position.y + offset.y) };
    moved.set(node.id, position);
    return { ...node, position };
  });
  if (moved.size === 0) return paths;
  const oldPosition = new Map(paths.nodes.map((n) => [n.id, n.position]));
  const newPosition = new Map(nodes.map((n) => [n.id, n.position]));
  const edges = paths.edges.map((edge) => {
    if (edge.length === undefined || (!moved.has(edge.from) && !moved.has(edge.to))) return edge;
    const [a0, b0, a1, b1] = [oldPosition.get(edge.from), oldPosition.get(edge.to), newPosition.get(edge.from), newPosition.get(edge.to)];
    if (!a0 || !b0 || !a1 || !b1) return edge;
    const was = Math.hypot(b0.x - a0.x, b0.y - a0.y);
    const now = Math.hypot(b1.x - a1.x, b1.y - a1.y);
    const { length: _dropped, ...rest } = edge;
    if (was < 1e-9 || now < 1e-9) return rest;
    return { ...rest, length: mm((edge.length * now) / was) };
  });
  return { nodes, edges };
}

import type { Layout } from '../model/layoutSchema.ts';

/**
 * Closed routes for demo parts, as timed polylines: a walk over the path graph from one
 * equipment node, waiting at every equipment node it passes, then the same way back. Parts
 * share routes, so memory does not grow with the number of parts.
 */
export interface DemoRoutes {
  /** x, y per point. */
  points: Float32Array;
  /** Minutes from the route's start at which each point is reached. */
  times: Float32Array;
  /** Route r uses points offsets[r] .. offsets[r + 1] - 1; its last point is its first. */
  offsets: Int32Array;
}

/** Metres per minute: a walking pace or a slow AGV, 1 m/s. */
const SPEED = 60;
const STEPS = 8;

export function buildDemoRoutes(layout: Layout, count: number, random: () => number): DemoRoutes {
  const nodes = layout.paths.nodes;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const next: number[][] = nodes.map(() => []);
  for (const e of layout.paths.edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    next[a]?.push(b);
    if (e.bidirectional) next[b]?.push(a);
  }
  const starts = nodes.flatMap((n, i) => (n.equipment === undefined ? [] : [i]));
  const points: number[] = [];
  const times: number[] = [];
  const offsets = [0];
  for (let r = 0; r < count; r++) {
    const walk = [starts.length > 0 ? starts[Math.floor(random() * starts.length)]! : Math.floor(random() * nodes.length)];
    for (let s = 0; s < STEPS; s++) {
      const options = next[walk[walk.length - 1]!] ?? [];
      if (options.length === 0) break;
      walk.push(options[Math.floor(random() * options.length)]!);
    }
    const loop = [...walk, ...walk.slice(0, -1).reverse()];
    let t = 0;
    let last: { x: number; y: number } | undefined;
    for (const i of loop) {
      const node = nodes[i]!;
      if (last) t += Math.hypot(node.position.x - last.x, node.position.y - last.y) / SPEED;
      points.push(node.position.x, node.position.y);
      times.push(t);
      if (node.equipment !== undefined) {
        // Waiting at a machine: the part stays put for a while.
        t += 5 + random() * 25;
        points.push(node.position.x, node.position.y);
        times.push(t);
      }
      last = node.position;
    }
    offsets.push(points.length / 2);
  }
  return { points: new Float32Array(points), times: new Float32Array(times), offsets: new Int32Array(offsets) };
}

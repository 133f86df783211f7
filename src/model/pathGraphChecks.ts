import type { Findings } from './findings.ts';
import { containsPoint } from './footprint.ts';
import { equipmentRect, type LayoutIndex } from './layoutIndex.ts';
import type { Layout } from './layoutSchema.ts';

const MARGIN = 0.001;

function search(starts: readonly number[], next: readonly number[][]): Set<number> {
  const seen = new Set(starts);
  const queue = [...starts];
  for (let q = queue.pop(); q !== undefined; q = queue.pop()) {
    for (const n of next[q] ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

/**
 * Transport graph checks. Reachability rule: every piece of equipment must be reachable from
 * every other one along the edges' directions, because routings (and rework) may send a part
 * from any machine to any other and a vehicle must get back after each drop-off. That is strong
 * connectivity between equipment nodes, checked as "reachable from, and back to, a hub" — the
 * first equipment with a node. Aisle junctions without equipment need not satisfy it.
 */
export function checkPathGraph(layout: Layout, index: LayoutIndex, f: Findings): void {
  const { nodes, edges } = layout.paths;
  const nodeIndex = f.unique(nodes, (n) => n.id, (i) => `paths.nodes[${i}].id`, 'a path node id');
  const nodeIds = new Set(nodeIndex.keys());

  const nodesOf = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    if (node.equipment === undefined) return;
    const known = f.reference(`paths.nodes[${i}].equipment`, node.equipment, index.equipmentById,
      'the id of equipment defined in the layout\'s site', 'equipment');
    if (known) nodesOf.set(node.equipment, [...(nodesOf.get(node.equipment) ?? []), i]);
  });

  const out: number[][] = nodes.map(() => []);
  const into: number[][] = nodes.map(() => []);
  edges.forEach((edge, i) => {
    const expected = 'the id of a node in paths.nodes';
    const from = f.reference(`paths.edges[${i}].from`, edge.from, nodeIds, expected, 'path node') ? nodeIndex.get(edge.from) : undefined;
    const to = f.reference(`paths.edges[${i}].to`, edge.to, nodeIds, expected, 'path node') ? nodeIndex.get(edge.to) : undefined;
    if (from === undefined || to === undefined) return;
    out[from]?.push(to);
    into[to]?.push(from);
    if (edge.bidirectional) {
      out[to]?.push(from);
      into[from]?.push(to);
    }
  });

  for (const { item, path } of index.equipment) {
    if (!nodesOf.has(item.id) && index.equipmentById.get(item.id)?.path === path) {
      f.error(path, `a node in paths.nodes with "equipment": "${item.id}"`, 'none',
        'add a node at its pick-up/drop-off point and connect it to the aisles with an edge');
    }
  }

  nodes.forEach((node, i) => {
    for (const { item } of index.equipment) {
      if (item.id === node.equipment) continue;
      if (containsPoint(equipmentRect(item), node.position.x, node.position.y, MARGIN)) {
        f.warn(`paths.nodes[${i}].position`, 'a node outside the footprints of other equipment',
          `x ${node.position.x}, y ${node.position.y}, inside '${item.id}'`, 'place pick-up/drop-off points and aisles beside equipment, not under it');
        break;
      }
    }
  });

  const withNodes = index.equipment.filter((e) => nodesOf.has(e.item.id) && index.equipmentById.get(e.item.id)?.path === e.path);
  const hub = withNodes[0];
  if (!hub) return;
  const hubNodes = nodesOf.get(hub.item.id) ?? [];
  const forward = search(hubNodes, out);
  const backward = search(hubNodes, into);
  const linked = search(hubNodes, out.map((o, i) => [...o, ...(into[i] ?? [])]));
  for (const { item } of withNodes.slice(1)) {
    const own = nodesOf.get(item.id) ?? [];
    const first = own[0] ?? 0;
    const path = `paths.nodes[${first}]`;
    const expected = `a node with a route from '${hub.item.id}' and a route back to it`;
    if (!own.some((n) => linked.has(n))) {
      f.error(path, expected, `"${nodes[first]?.id}" (for '${item.id}') not linked to the other nodes at all`, nearestHint(layout, first, linked));
      continue;
    }
    const from = own.some((n) => forward.has(n));
    const back = own.some((n) => backward.has(n));
    if (from && back) continue;
    const missing = !from && !back ? 'no route to it and none back' : !from ? 'no route to it' : 'no route back from it';
    f.error(path, expected, `"${nodes[first]?.id}" (for '${item.id}'): ${missing}`,
      'check the direction of one-way edges and conveyors ("bidirectional": false); add a return aisle');
  }
}

function nearestHint(layout: Layout, from: number, linked: ReadonlySet<number>): string {
  const nodes = layout.paths.nodes;
  const origin = nodes[from];
  if (!origin) return 'add an edge linking it to the aisles';
  let best: { id: string; d: number } | undefined;
  for (const i of linked) {
    const n = nodes[i];
    if (!n) continue;
    const d = Math.hypot(n.position.x - origin.position.x, n.position.y - origin.position.y);
    if (!best || d < best.d) best = { id: n.id, d };
  }
  return best
    ? `add an edge between "${origin.id}" and the nearest linked node "${best.id}" (${Math.round(best.d * 10) / 10} m away)`
    : 'add an edge linking it to the aisles';
}

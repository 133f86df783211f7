import type { Layout } from '../../model/layoutSchema.ts';

/**
 * Shortest travel distances over the layout's transport paths. An edge is as long as it says,
 * or the straight line between its nodes; a one-way edge (a conveyor) is travelled only from
 * `from` to `to`. Distances from a node are computed once, by Dijkstra, when first asked for.
 */
export class PathGraph {
  readonly nodeIds: readonly string[];
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  /** Adjacency: for node i, targets[offsets[i] .. offsets[i+1]) with lengths alongside. */
  private readonly offsets: Int32Array;
  private readonly targets: Int32Array;
  private readonly lengths: Float64Array;
  private readonly fromNode = new Map<number, Float64Array>();
  /** Conveyor-only adjacency, and per source node the set of nodes a chain of conveyors reaches. */
  private readonly conveyorArcs: number[][];
  private readonly conveyorReach = new Map<number, Uint8Array>();
  private readonly nodeByEquipment = new Map<string, number>();

  constructor(paths: Layout['paths']) {
    this.nodeIds = paths.nodes.map((n) => n.id);
    this.x = Float64Array.from(paths.nodes, (n) => n.position.x);
    this.y = Float64Array.from(paths.nodes, (n) => n.position.y);
    const index = new Map(paths.nodes.map((n, i) => [n.id, i]));
    paths.nodes.forEach((n, i) => {
      if (n.equipment !== undefined && !this.nodeByEquipment.has(n.equipment)) this.nodeByEquipment.set(n.equipment, i);
    });
    const arcs: [number, number, number][] = [];
    const n = paths.nodes.length;
    this.conveyorArcs = Array.from({ length: n }, () => []);
    for (const e of paths.edges) {
      const a = index.get(e.from);
      const b = index.get(e.to);
      if (a === undefined || b === undefined) continue;
      const length = e.length ?? this.straight(a, b);
      arcs.push([a, b, length]);
      if (e.bidirectional) arcs.push([b, a, length]);
      if (e.kind === 'conveyor') {
        this.conveyorArcs[a]!.push(b);
        if (e.bidirectional) this.conveyorArcs[b]!.push(a);
      }
    }
    this.offsets = new Int32Array(n + 1);
    for (const [a] of arcs) this.offsets[a + 1]!++;
    for (let i = 0; i < n; i++) this.offsets[i + 1]! += this.offsets[i]!;
    this.targets = new Int32Array(arcs.length);
    this.lengths = new Float64Array(arcs.length);
    const fill = this.offsets.slice(0, n);
    for (const [a, b, length] of arcs) {
      const k = fill[a]!++;
      this.targets[k] = b;
      this.lengths[k] = length;
    }
  }

  /**
   * The node of an equipment: the one the layout ties to it, else (a layout the validator only
   * warns about) the node nearest its position.
   */
  nodeOfEquipment(id: string, position: { x: number; y: number }): number {
    const own = this.nodeByEquipment.get(id);
    if (own !== undefined) return own;
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < this.x.length; i++) {
      const dx = this.x[i]! - position.x;
      const dy = this.y[i]! - position.y;
      const d = dx * dx + dy * dy;
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }

  /**
   * Metres from node `a` to node `b` along the paths. Where no path leads (the validator refuses
   * such layouts; this guards hand-built ones), the straight line is used rather than stranding a lot.
   */
  distance(a: number, b: number): number {
    if (a === b) return 0;
    let table = this.fromNode.get(a);
    if (!table) {
      table = this.dijkstra(a);
      this.fromNode.set(a, table);
    }
    const d = table[b]!;
    return d === Infinity ? this.straight(a, b) : d;
  }

  /**
   * Straight-line metres. √ of a sum rather than Math.hypot: √ is correctly rounded everywhere,
   * hypot is not, and travel times must be the same to the bit in every engine.
   */
  private straight(a: number, b: number): number {
    const dx = this.x[a]! - this.x[b]!;
    const dy = this.y[a]! - this.y[b]!;
    return Math.sqrt(dx * dx + dy * dy);
  }

  /** Whether a chain of conveyor edges (in their direction) leads from node `a` to node `b`. */
  byConveyor(a: number, b: number): boolean {
    if (a === b) return false;
    let reach = this.conveyorReach.get(a);
    if (!reach) {
      reach = new Uint8Array(this.x.length);
      const stack = [a];
      while (stack.length > 0) {
        for (const v of this.conveyorArcs[stack.pop()!]!) {
          if (!reach[v]) {
            reach[v] = 1;
            stack.push(v);
          }
        }
      }
      this.conveyorReach.set(a, reach);
    }
    return reach[b] === 1;
  }

  /**
   * Nodes along a shortest path from `a` to `b`, both included — for drawing a lot's trip in the
   * twin; [a, b] where no path leads, matching `distance`'s straight-line fallback.
   */
  route(a: number, b: number): number[] {
    if (a === b) return [a];
    const prev = new Int32Array(this.x.length).fill(-1);
    const dist = this.dijkstra(a, prev);
    if (dist[b] === Infinity) return [a, b];
    const nodes: number[] = [];
    for (let v = b; v !== -1; v = prev[v]!) nodes.push(v);
    return nodes.reverse();
  }

  nodePosition(i: number): { x: number; y: number } {
    return { x: this.x[i]!, y: this.y[i]! };
  }

  private dijkstra(source: number, prev?: Int32Array): Float64Array {
    const n = this.x.length;
    const dist = new Float64Array(n).fill(Infinity);
    const done = new Uint8Array(n);
    dist[source] = 0;
    // Path graphs have tens of nodes: a linear scan for the nearest open node beats a heap here.
    for (;;) {
      let u = -1;
      let best = Infinity;
      for (let i = 0; i < n; i++) {
        if (!done[i] && dist[i]! < best) {
          best = dist[i]!;
          u = i;
        }
      }
      if (u < 0) return dist;
      done[u] = 1;
      for (let k = this.offsets[u]!; k < this.offsets[u + 1]!; k++) {
        const v = this.targets[k]!;
        const candidate = best + this.lengths[k]!;
        if (candidate < dist[v]!) {
          dist[v] = candidate;
          if (prev) prev[v] = u;
        }
      }
    }
  }
}

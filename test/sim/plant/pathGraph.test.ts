import { describe, expect, it } from 'vitest';
import { PathGraph } from '../../../src/sim/plant/pathGraph.ts';

const node = (id: string, x: number, y: number, equipment?: string) => ({ id, position: { x, y }, ...(equipment ? { equipment } : {}) });

describe('the path graph', () => {
  const graph = new PathGraph({
    nodes: [node('a', 0, 0, 'A'), node('b', 3, 4, 'B'), node('c', 3, 0), node('d', 100, 0)],
    edges: [
      { from: 'a', to: 'b', kind: 'aisle', bidirectional: true },
      { from: 'b', to: 'c', kind: 'conveyor', bidirectional: false, length: 1 },
      { from: 'c', to: 'a', kind: 'aisle', bidirectional: true },
    ],
  });

  it('measures edges as the straight line unless a length is given', () => {
    expect(graph.distance(0, 1)).toBe(5);
    expect(graph.distance(1, 2)).toBe(1);
  });

  it('finds the shortest way and respects one-way edges', () => {
    expect(graph.distance(1, 0)).toBe(4); // b → c (1) → a (3) beats b → a (5)
    expect(graph.distance(2, 1)).toBe(8); // c → b only round by a: 3 + 5
  });

  it('falls back to the straight line where no path leads', () => {
    expect(graph.distance(0, 3)).toBe(100);
  });

  it('gives the nodes of the shortest way, for drawing a trip', () => {
    expect(graph.route(1, 0)).toEqual([1, 2, 0]); // b → c → a, as distance(b, a) measured it
    expect(graph.route(2, 1)).toEqual([2, 0, 1]); // against the one-way conveyor: round by a
    expect(graph.route(0, 3)).toEqual([0, 3]); // no path: straight
    expect(graph.route(2, 2)).toEqual([2]);
  });

  it('finds the node of equipment, or the nearest node to its position', () => {
    expect(graph.nodeOfEquipment('B', { x: 0, y: 0 })).toBe(1);
    expect(graph.nodeOfEquipment('X', { x: 90, y: 1 })).toBe(3);
  });
});

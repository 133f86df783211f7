import { describe, expect, it } from 'vitest';
import { compile } from '../../solver/compile.ts';
import { newSnapshot, SequenceGraph } from '../../solver/graph.ts';
import { problemFromRoutings } from '../../solver/problem.ts';

// Job 0: m0 3, m1 2. Job 1: m1 4, m0 1.
const p = problemFromRoutings('g', 2, [
  [[{ machine: 0, duration: 3 }], [{ machine: 1, duration: 2 }]],
  [[{ machine: 1, duration: 4 }], [{ machine: 0, duration: 1 }]],
]);

describe('SequenceGraph', () => {
  it('computes heads, tails, the makespan and a critical path', () => {
    const g = new SequenceGraph(compile(p));
    g.load([[0, 3], [2, 1]]);
    expect(g.evaluate()).toBe(true);
    expect(Array.from(g.head)).toEqual([0, 4, 0, 4]);
    expect(g.makespan).toBe(6);
    expect(Array.from(g.tail)).toEqual([2, 0, 2, 0]);
    const path = new Int32Array(4);
    const len = g.criticalPath(path);
    expect(Array.from(path.subarray(0, len))).toEqual([2, 1]);
  });

  it('detects sequences that make a cycle', () => {
    const g = new SequenceGraph(compile(p));
    // m0 runs job 1's second op before job 0's first; m1 runs job 0's second before job 1's first.
    g.load([[3, 0], [1, 2]]);
    expect(g.evaluate()).toBe(false);
  });

  it('relocates an operation and restores a saved solution', () => {
    const c = compile(p);
    const g = new SequenceGraph(c);
    g.load([[0, 3], [2, 1]]);
    g.evaluate();
    const snap = newSnapshot(c);
    g.save(snap);
    g.relocate(1, 1, -1);
    expect(g.evaluate()).toBe(true);
    expect(Array.from(g.head)).toEqual([0, 3, 5, 9]);
    g.restore(snap);
    g.evaluate();
    expect(g.makespan).toBe(6);
  });
});

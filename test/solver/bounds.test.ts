import { describe, expect, it } from 'vitest';
import { lowerBounds, preemptiveOneMachine } from '../../solver/bounds.ts';
import { compile } from '../../solver/compile.ts';
import { problemFromRoutings } from '../../solver/problem.ts';

describe('lowerBounds', () => {
  it('job shop: longest job and the busiest machine with its shortest head and tail', () => {
    // Job 0: m0 4, m1 3. Job 1: m1 2, m0 6. Job 2: m0 1, m1 1.
    const p = problemFromRoutings('b', 2, [
      [[{ machine: 0, duration: 4 }], [{ machine: 1, duration: 3 }]],
      [[{ machine: 1, duration: 2 }], [{ machine: 0, duration: 6 }]],
      [[{ machine: 0, duration: 1 }], [{ machine: 1, duration: 1 }]],
    ]);
    const b = lowerBounds(compile(p));
    expect(b.path).toBe(8);
    // m0 load 11, min head 0, min tail 0 (job 1 ends there); m1 load 6, min head 0, min tail 0.
    expect(b.machine).toBe(11);
    expect(b.averageLoad).toBe(9);
    expect(b.best).toBe(11);
  });

  it('flexible: shortest durations for the path and the average load; only single-machine operations load a machine', () => {
    const p = problemFromRoutings('f', 3, [
      [[{ machine: 0, duration: 5 }, { machine: 1, duration: 2 }], [{ machine: 2, duration: 4 }]],
      [[{ machine: 2, duration: 3 }], [{ machine: 0, duration: 9 }, { machine: 1, duration: 9 }]],
    ]);
    const b = lowerBounds(compile(p));
    expect(b.path).toBe(12);
    // Machine 2 alone holds op 1 (head 2, 4, tail 0) and op 2 (head 0, 3, tail 9): op 2 first, 3 + 9.
    expect(b.machine).toBe(12);
    expect(b.averageLoad).toBe(6); // (2 + 4 + 3 + 9) / 3
    expect(b.best).toBe(12);
  });

  it('release dates raise the path bound', () => {
    const p = problemFromRoutings('r', 1, [[[{ machine: 0, duration: 2 }]]]);
    (p.operations[0] as { release: number }).release = 10;
    expect(lowerBounds(compile(p)).path).toBe(12);
  });
});

describe('preemptiveOneMachine', () => {
  it('interrupts a job when one with a longer tail is released', () => {
    // Job 0 runs 0..1, job 1 (tail 5) preempts it 1..2 → 7; job 0 ends at 4.
    expect(preemptiveOneMachine([0, 1], [3, 1], [0, 5])).toBe(7);
  });

  it('waits for the first release and counts zero-length jobs at their release', () => {
    expect(preemptiveOneMachine([10, 3], [2, 0], [1, 20])).toBe(23);
  });

  it('gives the value of a unit-step simulation of Jackson\'s rule on random instances (and takes 100,000 jobs)', () => {
    let seed = 7;
    const rnd = (k: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
    for (let trial = 0; trial < 200; trial++) {
      const k = 1 + rnd(8);
      const r = Array.from({ length: k }, () => rnd(20));
      const d = Array.from({ length: k }, () => rnd(6));
      const q = Array.from({ length: k }, () => rnd(15));
      // Reference: minute by minute, the released unfinished job with the longest tail runs.
      const left = d.slice();
      let bound = 0;
      for (let i = 0; i < k; i++) if (d[i] === 0) bound = Math.max(bound, r[i]! + q[i]!);
      for (let t = 0; left.some((x) => x > 0); t++) {
        let pick = -1;
        for (let i = 0; i < k; i++) if (left[i]! > 0 && r[i]! <= t && (pick < 0 || q[i]! > q[pick]!)) pick = i;
        if (pick < 0) continue;
        left[pick]!--;
        if (left[pick] === 0) bound = Math.max(bound, t + 1 + q[pick]!);
      }
      expect(preemptiveOneMachine(r, d, q), `trial ${trial}`).toBe(bound);
    }
    const n = 100_000;
    expect(preemptiveOneMachine(Array.from({ length: n }, (_, i) => i), new Array<number>(n).fill(2), new Array<number>(n).fill(0))).toBe(2 * n);
  });
});

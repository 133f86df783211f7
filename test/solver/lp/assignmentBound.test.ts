import { describe, expect, it } from 'vitest';
import { assignmentBound } from '../../../solver/lp/assignmentBound.ts';
import { gapPercent } from '../../../solver/lp/gap.ts';
import { Random } from '../../../solver/random.ts';

/** R||Cmax optimum by enumerating every assignment. */
function bruteForce(work: (number | null)[][], machines: number): number {
  let best = Infinity;
  for (let code = 0; code < machines ** work.length; code++) {
    const loads = new Array<number>(machines).fill(0);
    let ok = true;
    for (let j = 0, c = code; j < work.length; j++, c = Math.floor(c / machines)) {
      const t = work[j]![c % machines];
      if (t === null || t === undefined) ok = false;
      else loads[c % machines]! += t;
    }
    if (ok) best = Math.min(best, Math.max(...loads));
  }
  return best;
}

describe('LP bound for assigning work to equipment', () => {
  it('on identical machines the bound is the average load, or the longest job if larger', () => {
    const even = assignmentBound({ machines: 2, work: [[3, 3], [3, 3], [2, 2]] });
    expect(even.lpBound).toBeCloseTo(4, 4);
    expect(even.lowerBound).toBeCloseTo(4, 4);
    const long = assignmentBound({ machines: 3, work: [[9, 9, 9], [1, 1, 1]] });
    expect(long.lowerBound).toBe(9);
  });

  it('never gives work to a machine that cannot do it', () => {
    const r = assignmentBound({ machines: 2, work: [[4, null], [null, 6], [5, 5]] });
    expect(r.fraction[0]).toEqual([1, 0]);
    expect(r.fraction[1]).toEqual([0, 1]);
    // Job 2 splits to even the loads: 4 + 3.5 = 6 + 1.5.
    expect(r.lpBound).toBeCloseTo(7.5, 4);
    expect(r.assignment.slice(0, 2)).toEqual([0, 1]);
  });

  it('charges each machine its allowance off the load (a first job that needs no setup)', () => {
    const r = assignmentBound({ machines: 2, work: [[10, 10], [10, 10]], allowance: [4, 4] });
    expect(r.lpBound).toBeCloseTo(6, 4);
    expect(r.lowerBound).toBe(10);
  });

  it('stays below the optimum on random unrelated-machine instances, with fractions summing to 1', () => {
    const rng = new Random(5);
    for (let t = 0; t < 15; t++) {
      const n = 2 + rng.int(6);
      const m = 2 + rng.int(2);
      const work: (number | null)[][] = Array.from({ length: n }, () => Array.from({ length: m }, () => (rng.float() < 0.2 ? null : 1 + rng.int(99))));
      work.forEach((row) => { if (!row.some((x) => x !== null)) row[0] = 1 + rng.int(99); });
      const r = assignmentBound({ machines: m, work });
      const opt = bruteForce(work, m);
      expect(r.lowerBound).toBeLessThanOrEqual(opt + 1e-6);
      r.fraction.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6));
      expect(r.assignment.every((k, j) => work[j]![k] !== null)).toBe(true);
    }
  });

  it('reports a gap in percent of the bound', () => {
    expect(gapPercent(105, 100)).toBeCloseTo(5, 12);
    expect(gapPercent(100, 100)).toBe(0);
    expect(gapPercent(0, 0)).toBe(0);
    expect(gapPercent(3, 0)).toBe(Infinity);
  });
});

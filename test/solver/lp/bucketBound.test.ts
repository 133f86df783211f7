import { describe, expect, it } from 'vitest';
import { bucketBound, type Bucket } from '../../../solver/lp/bucketBound.ts';
import { Random } from '../../../solver/random.ts';

const day = 1440;
const shifts = (days: number): Bucket[] => Array.from({ length: days }, (_, d) => ({ start: d * day + 360, end: d * day + 840 }));

/** When a machine working only inside the buckets has done `w` minutes of work. */
function finish(buckets: Bucket[], w: number): number {
  let left = w;
  for (const b of buckets) {
    if (left <= b.end - b.start) return b.start + left;
    left -= b.end - b.start;
  }
  return Infinity;
}

describe('LP assignment of work to equipment and shifts', () => {
  it('one machine, one shift a day: 600 minutes of work end 120 minutes into the second day', () => {
    const r = bucketBound({ machines: 1, work: [[300], [300]], buckets: shifts(3) });
    expect(r.lastBucket).toBe(1);
    expect(r.lowerBound).toBeCloseTo(day + 360 + 120, 4);
    expect(r.load[0]![0]! + r.load[0]![1]!).toBeCloseTo(600, 4);
    expect(r.load[0]![0]!).toBeCloseTo(480, 4);
  });

  it('spreads work over eligible machines before opening a later shift', () => {
    const r = bucketBound({ machines: 2, work: [[400, null], [400, 400], [200, 200]], buckets: shifts(2) });
    expect(r.lastBucket).toBe(1);
    // 1000 minutes over 960 of first-shift capacity: 40 spill into the second day, split over both machines.
    expect(r.lowerBound).toBeCloseTo(day + 360 + 20, 4);
    expect(r.assignment[0]!.machine).toBe(0);
  });

  it('reports no bound when the work does not fit into the horizon, and respects capacity and release', () => {
    expect(bucketBound({ machines: 1, work: [[1000]], buckets: shifts(2) }).lowerBound).toBeNull();
    const tight = bucketBound({ machines: 1, work: [[100]], buckets: shifts(2), capacity: [[0, 480]] });
    expect(tight.lowerBound).toBeCloseTo(day + 360 + 100, 4);
    const late = bucketBound({ machines: 1, work: [[100]], buckets: shifts(3), release: [day + 900] });
    expect(late.lastBucket).toBe(2);
  });

  it('stays below the best calendar makespan of every assignment on random instances', () => {
    const rng = new Random(12);
    const buckets = shifts(6);
    for (let t = 0; t < 12; t++) {
      const n = 2 + rng.int(5);
      const m = 1 + rng.int(3);
      const work: (number | null)[][] = Array.from({ length: n }, () => Array.from({ length: m }, () => (rng.float() < 0.2 ? null : 30 + rng.int(400))));
      work.forEach((row) => { if (!row.some((x) => x !== null)) row[0] = 100; });
      let best = Infinity;
      for (let code = 0; code < m ** n; code++) {
        const loads = new Array<number>(m).fill(0);
        let ok = true;
        for (let j = 0, c = code; j < n; j++, c = Math.floor(c / m)) {
          const w = work[j]![c % m];
          if (w === null || w === undefined) ok = false;
          else loads[c % m]! += w;
        }
        if (ok) best = Math.min(best, Math.max(...loads.map((l) => (l === 0 ? 0 : finish(buckets, l)))));
      }
      const r = bucketBound({ machines: m, work, buckets });
      expect(r.lowerBound).not.toBeNull();
      expect(r.lowerBound!).toBeLessThanOrEqual(best + 1e-6);
    }
  });

  it('with balance, splits work evenly over machines that can stand in for each other, the bound unchanged', () => {
    // Three identical machines; half the jobs come in the second shift, so the bound's LP balances
    // that shift and may pile the first shift's work on one machine.
    const work = Array.from({ length: 12 }, () => [60, 60, 60]);
    const release = work.map((_, j) => (j < 6 ? 0 : day));
    const input = { machines: 3, work, buckets: shifts(3), release };
    const plain = bucketBound(input);
    const balanced = bucketBound({ ...input, balance: true });
    expect(balanced.lowerBound).toBe(plain.lowerBound);
    const loads = balanced.load.map((row) => row.reduce((a, b) => a + b, 0));
    for (const l of loads) expect(l).toBeCloseTo(240, 4);
    const perMachine = [0, 0, 0];
    for (const a of balanced.assignment) perMachine[a.machine]! += 1;
    expect(Math.max(...perMachine)).toBeLessThanOrEqual(6);
  });
});

import { describe, expect, it } from 'vitest';
import { sequenceChangeovers } from '../../../solver/setups/atsp.ts';
import { evaluateSequence, type ChangeoverInput } from '../../../solver/setups/changeover.ts';
import { shortestOpenPath } from '../../../solver/setups/openPath.ts';
import { createRandom } from '../../../solver/setups/random.ts';
import { permutations } from './randomSdst.ts';

function randomInput(seed: number, withDue: boolean, weight?: number): ChangeoverInput {
  const rng = createRandom(seed);
  const n = 2 + rng.int(6);
  const keys = 1 + rng.int(4);
  const setup = Array.from({ length: keys }, (_, a) => Array.from({ length: keys }, (_, b) => (a === b ? 0 : 1 + rng.int(30))));
  const jobs = Array.from({ length: n }, () => ({ key: rng.int(keys), duration: 1 + rng.int(10), due: withDue ? rng.int(50) : null }));
  return {
    jobs, setup, initialKey: rng.next() < 0.5 ? rng.int(keys) : null, initialSetup: 5,
    ...(weight === undefined ? {} : { tardinessWeight: weight }),
  };
}

/** Best (tardiness, setup) pair by enumeration, under the input's objective. */
function bruteForce(input: ChangeoverInput): { totalSetup: number; totalTardiness: number } {
  const w = input.tardinessWeight;
  let best = { totalSetup: Infinity, totalTardiness: Infinity };
  const key = (s: { totalSetup: number; totalTardiness: number }): number[] =>
    w === undefined ? [s.totalTardiness, s.totalSetup] : [w * s.totalTardiness + s.totalSetup];
  for (const p of permutations(input.jobs.map((_, i) => i))) {
    const e = evaluateSequence(input, p);
    const a = key(e);
    const b = key(best);
    if (a[0]! < b[0]! - 1e-9 || (a[0]! <= b[0]! + 1e-9 && (a[1] ?? 0) < (b[1] ?? 0) - 1e-9)) {
      best = { totalSetup: e.totalSetup, totalTardiness: e.totalTardiness };
    }
  }
  return best;
}

describe('changeover sequencing on one machine', () => {
  const seeds = Array.from({ length: 12 }, (_, i) => i + 1);
  it.each(seeds)('without due dates, seed %i: least total setup, as enumeration finds', (seed) => {
    const input = randomInput(seed, false);
    const r = sequenceChangeovers(input);
    expect(r.order.slice().sort((a, b) => a - b)).toEqual(input.jobs.map((_, i) => i));
    expect(r.totalSetup).toBe(bruteForce(input).totalSetup);
  });

  it.each(seeds)('with due dates, seed %i: least tardiness, then least setup, as enumeration finds', (seed) => {
    const input = randomInput(100 + seed, true);
    const r = sequenceChangeovers(input);
    expect({ totalSetup: r.totalSetup, totalTardiness: r.totalTardiness }).toEqual(bruteForce(input));
    expect(r.exact).toBe(true);
  });

  it.each(seeds)('with due dates and a tardiness weight, seed %i: least weighted sum', (seed) => {
    const input = randomInput(200 + seed, true, 0.5);
    const r = sequenceChangeovers(input);
    const b = bruteForce(input);
    expect(0.5 * r.totalTardiness + r.totalSetup).toBeCloseTo(0.5 * b.totalTardiness + b.totalSetup, 9);
  });

  it('keeps jobs of one colour together and starts with the colour the machine is set up for', () => {
    // Light to dark is cheap, dark to light expensive: the classic paint-line matrix.
    const setup = [[0, 1, 2], [10, 0, 1], [20, 10, 0]];
    const jobs = [2, 0, 1, 0, 2, 1].map((key) => ({ key, duration: 5 }));
    const r = sequenceChangeovers({ jobs, setup, initialKey: 1 });
    // Set up for 1: finish 1, step back once to 0 (10), then climb to 2 (2) beats 1 → 2 → 0 (1 + 20).
    expect(r.order.map((i) => jobs[i]!.key)).toEqual([1, 1, 0, 0, 2, 2]);
    expect(r.totalSetup).toBe(12);
    expect(r.exact).toBe(true);
    expect(sequenceChangeovers({ jobs, setup, initialSetup: 4 }).order.map((i) => jobs[i]!.key)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('splits a key when the matrix makes a detour pay (no triangle inequality)', () => {
    // Keys 0, 1, 3 change into each other for 50, through the cleaning key 2 for 1 + 1. With two
    // cleaning jobs the best order cleans twice, 0 2 1 2 3 (setup 4); any grouped order pays 50.
    const setup = [[0, 50, 1, 50], [50, 0, 1, 50], [1, 1, 0, 1], [50, 50, 1, 0]];
    const jobs = [0, 1, 3, 2, 2].map((key) => ({ key, duration: 1 }));
    const input = { jobs, setup };
    const r = sequenceChangeovers(input);
    expect(r.totalSetup).toBe(4);
    expect(bruteForce(input).totalSetup).toBe(4);
    expect(r.order.flatMap((i, q) => (jobs[i]!.key === 2 ? [q] : []))).toEqual([1, 3]);
    expect(r.exact).toBe(true);
  });
});

describe('open-path ATSP heuristic', () => {
  it('finds the known optimum of a staircase matrix with 40 keys (up is cheap, down is dear)', () => {
    const n = 40;
    const cost = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) cost[a * n + b] = b >= a ? b - a : 3 * (a - b);
    const startCost = new Float64Array(n).map((_, b) => b);
    const r = shortestOpenPath({ size: n, cost, startCost }, { seed: 4 });
    expect(r.exact).toBe(false);
    expect(r.cost).toBe(n - 1);
    expect(r.order).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('agrees with Held–Karp on random 9-node matrices and never beats it', () => {
    const rng = createRandom(77);
    let equal = 0;
    for (let t = 0; t < 10; t++) {
      const n = 9;
      const cost = new Float64Array(n * n).map((_, i) => (i % (n + 1) === 0 ? 0 : 1 + rng.int(100)));
      const startCost = new Float64Array(n).map(() => rng.int(30));
      const exact = shortestOpenPath({ size: n, cost, startCost });
      const heuristic = shortestOpenPath({ size: n, cost, startCost }, { exactMax: 0 });
      expect(heuristic.cost).toBeGreaterThanOrEqual(exact.cost);
      if (heuristic.cost === exact.cost) equal++;
    }
    expect(equal).toBeGreaterThanOrEqual(9);
  });
});

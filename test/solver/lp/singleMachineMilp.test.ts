import { describe, expect, it } from 'vitest';
import { solveSingleMachineMilp } from '../../../solver/lp/singleMachineMilp.ts';
import { solveExact } from '../../../solver/setups/exact.ts';
import { flatten } from '../../../solver/setups/instance.ts';
import { createRandom } from '../../../solver/setups/random.ts';
import { permutations, randomSdst } from '../setups/randomSdst.ts';

function randomMatrix(seed: number, n: number): { setup: number[][]; initialSetup: number[] } {
  const rng = createRandom(seed);
  return {
    setup: Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : 1 + rng.int(99)))),
    initialSetup: Array.from({ length: n }, () => rng.int(40)),
  };
}

function enumerate(setup: number[][], initialSetup: number[]): number {
  let best = Infinity;
  for (const p of permutations(setup.map((_, i) => i))) {
    let c = initialSetup[p[0]!] ?? 0;
    for (let q = 1; q < p.length; q++) c += setup[p[q - 1]!]![p[q]!]!;
    best = Math.min(best, c);
  }
  return best;
}

describe('one-machine changeover MILP (javascript-lp-solver, lazy subtour cuts)', () => {
  it.each([[1, 3], [2, 4], [3, 5], [4, 6], [5, 7], [6, 7]])('seed %i, %i jobs: same least setup as enumeration', (seed, n) => {
    const { setup, initialSetup } = randomMatrix(seed, n);
    const r = solveSingleMachineMilp({ setup, initialSetup });
    expect(r.sequence.slice().sort((a, b) => a - b)).toEqual(setup.map((_, i) => i));
    let c = initialSetup[r.sequence[0]!]!;
    for (let q = 1; q < n; q++) c += setup[r.sequence[q - 1]!]![r.sequence[q]!]!;
    expect(r.totalSetup).toBe(c);
    expect(r.totalSetup).toBe(enumerate(setup, initialSetup));
  });

  it.each([[11, 9], [12, 10]])('seed %i, %i jobs: the same makespan as the subset DP on one machine', (seed, n) => {
    const inst = randomSdst(seed, n, 1, 99);
    const r = solveSingleMachineMilp({ setup: inst.setup[0]!, processing: inst.processing[0]! });
    expect(r.makespan).toBe(solveExact(flatten(inst)).makespan);
  });
});

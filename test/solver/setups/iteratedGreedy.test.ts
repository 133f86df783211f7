import { describe, expect, it } from 'vitest';
import { checkSdst } from '../../../solver/setups/check.ts';
import { solveExact } from '../../../solver/setups/exact.ts';
import { flatten } from '../../../solver/setups/instance.ts';
import { iteratedGreedy } from '../../../solver/setups/iteratedGreedy.ts';
import { randomSdst } from './randomSdst.ts';

describe('iterated greedy for R|S_ijk|Cmax', () => {
  const cases = [[11, 8, 2, 9], [12, 9, 3, 49], [13, 10, 3, 99], [14, 10, 4, 124], [15, 11, 5, 9], [16, 12, 4, 49]] as const;
  it.each(cases)('seed %i (%i jobs, %i machines, setups to %i) reaches the proven optimum', (seed, n, m, maxSetup) => {
    const inst = randomSdst(seed, n, m, maxSetup);
    const f = flatten(inst);
    const optimum = solveExact(f).makespan;
    const ig = iteratedGreedy(f, { seed: 1, maxIterations: 2000, target: optimum });
    expect(checkSdst(inst, ig.sequences, ig.makespan).errors).toEqual([]);
    expect(ig.makespan).toBe(optimum);
  });

  it('never claims less than the optimum when it is not told the target', () => {
    const inst = randomSdst(21, 9, 3);
    const f = flatten(inst);
    const ig = iteratedGreedy(f, { seed: 2, maxIterations: 200 });
    expect(ig.iterations).toBe(200);
    expect(ig.makespan).toBeGreaterThanOrEqual(solveExact(f).makespan);
    expect(checkSdst(inst, ig.sequences, ig.makespan).ok).toBe(true);
  });

  it('repeats itself exactly for a seed and an iteration budget', () => {
    const f = flatten(randomSdst(31, 30, 5, 9));
    const a = iteratedGreedy(f, { seed: 7, maxIterations: 60 });
    const b = iteratedGreedy(f, { seed: 7, maxIterations: 60 });
    expect(b).toEqual(a);
  });
});

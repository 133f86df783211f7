import { describe, expect, it } from 'vitest';
import { checkSdst } from '../../../solver/setups/check.ts';
import { solveExact } from '../../../solver/setups/exact.ts';
import { flatten, type SdstInstance } from '../../../solver/setups/instance.ts';
import { permutations, randomSdst } from './randomSdst.ts';

/** Every assignment of jobs to machines, each machine's jobs in their best order. */
function bruteForce(inst: SdstInstance): number {
  const { jobs: n, machines: m } = inst;
  const bestOrder = (k: number, js: number[]): number => {
    if (js.length === 0) return 0;
    let best = Infinity;
    for (const seq of permutations(js)) {
      let t = 0;
      seq.forEach((j, q) => { t += inst.processing[k]![j]! + (q > 0 ? inst.setup[k]![seq[q - 1]!]![j]! : 0); });
      best = Math.min(best, t);
    }
    return best;
  };
  let best = Infinity;
  for (let code = 0; code < m ** n; code++) {
    const groups: number[][] = Array.from({ length: m }, () => []);
    for (let j = 0, c = code; j < n; j++, c = Math.floor(c / m)) groups[c % m]!.push(j);
    best = Math.min(best, Math.max(...groups.map((g, k) => bestOrder(k, g))));
  }
  return best;
}

describe('exact subset DP for R|S_ijk|Cmax', () => {
  const cases = [[1, 4, 2], [2, 5, 2], [3, 5, 3], [4, 6, 2], [5, 6, 3], [6, 3, 4], [7, 1, 3], [8, 6, 1]] as const;
  it.each(cases)('seed %i (%i jobs, %i machines) matches brute-force enumeration', (seed, n, m) => {
    const inst = randomSdst(seed, n, m);
    const sol = solveExact(flatten(inst));
    const check = checkSdst(inst, sol.sequences, sol.makespan);
    expect(check.errors).toEqual([]);
    expect(sol.makespan).toBe(bruteForce(inst));
  });

  it('spreads identical jobs evenly when setups are zero (makespan = ceil(n/m) jobs)', () => {
    const inst = randomSdst(9, 7, 3);
    inst.processing = inst.processing.map((row) => row.map(() => 10));
    inst.setup = inst.setup.map((mat) => mat.map((row) => row.map(() => 0)));
    expect(solveExact(flatten(inst)).makespan).toBe(30);
  });
});

import { describe, expect, it } from 'vitest';
import { checkSdst } from '../../../solver/setups/check.ts';
import { solveSdst } from '../../../solver/setups/solve.ts';
import { randomSdst } from './randomSdst.ts';

describe('solveSdst', () => {
  it('proves the optimum of a small instance exactly and reports a zero gap', () => {
    const inst = randomSdst(41, 10, 3);
    const r = solveSdst(inst);
    expect(r).toMatchObject({ method: 'exact', optimalProven: true, gapPercent: 0 });
    expect(r.lowerBound).toBe(r.makespan);
    expect(checkSdst(inst, r.sequences, r.makespan).ok).toBe(true);
  });

  it('searches a larger instance and reports its lower bound and the gap to it', () => {
    const inst = randomSdst(42, 25, 4, 9);
    const r = solveSdst(inst, { seed: 3, maxIterations: 100 });
    expect(r.method).toBe('iterated-greedy');
    expect(checkSdst(inst, r.sequences, r.makespan).ok).toBe(true);
    expect(r.lowerBound).toBeGreaterThan(0);
    expect(r.lowerBound).toBeLessThanOrEqual(r.makespan);
    expect(r.gapPercent).toBeCloseTo(((r.makespan - r.lowerBound) / r.lowerBound) * 100, 9);
    expect(solveSdst(inst, { seed: 3, maxIterations: 100 })).toEqual(r);
  });
});

import { describe, expect, it } from 'vitest';
import { solveExact } from '../../../solver/setups/exact.ts';
import { flatten } from '../../../solver/setups/instance.ts';
import { sdstLowerBound } from '../../../solver/setups/lowerBound.ts';
import { randomSdst } from './randomSdst.ts';

describe('makespan lower bounds with setups', () => {
  const cases = Array.from({ length: 16 }, (_, i) => [100 + i, 2 + (i % 9), 1 + (i % 5), [9, 49, 99, 124][i % 4]!] as const);
  it.each(cases)('seed %i (%i jobs, %i machines, setups to %i): LP and volume bounds never exceed the optimum', (seed, n, m, maxSetup) => {
    const f = flatten(randomSdst(seed, n, m, maxSetup));
    const b = sdstLowerBound(f);
    const opt = solveExact(f).makespan;
    expect(b.value).toBeLessThanOrEqual(opt);
    expect(b.lp ?? 0).toBeLessThanOrEqual(opt + 1e-9);
  });

  it('a job alone on a machine is charged no setup: one job per machine gives its fastest time', () => {
    const inst = randomSdst(7, 3, 3, 124);
    inst.processing = [[5, 50, 50], [50, 6, 50], [50, 50, 7]];
    expect(sdstLowerBound(flatten(inst)).value).toBe(7);
    expect(solveExact(flatten(inst)).makespan).toBe(7);
  });
});

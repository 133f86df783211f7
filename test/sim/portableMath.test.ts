import { describe, expect, it } from 'vitest';
import { exp, log } from '../../src/sim/portableMath.ts';
import { RandomStreams } from '../../src/sim/random.ts';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const bits = new BigInt64Array(new Float64Array([a, b]).buffer);
  const d = bits[0]! - bits[1]!;
  return Number(d < 0n ? -d : d);
}

describe('portable log and exp', () => {
  const stream = new RandomStreams(1).stream('math');

  it('log agrees with Math.log within 1 ulp over (0, 1], wide magnitudes and subnormals', () => {
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = 1 - stream.next();
      const wide = exp((stream.next() - 0.5) * 1400);
      const tiny = u * 1e-310;
      for (const x of [u, wide, tiny]) worst = Math.max(worst, ulps(log(x), Math.log(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('exp agrees with Math.exp within 1 ulp from underflow to overflow', () => {
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = (stream.next() - 0.5) * 1490;
      worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('gives correctly rounded values at known points', () => {
    expect(log(1)).toBe(0);
    expect(log(2)).toBe(0.6931471805599453);
    expect(log(0.1)).toBe(-2.3025850929940455);
    expect(log(Math.E)).toBe(1);
    expect(exp(0)).toBe(1);
    expect(ulps(exp(1), Math.E)).toBeLessThanOrEqual(1); // fdlibm is 1 ulp above e here; V8 special-cases it
    expect(exp(-1)).toBe(0.36787944117144233);
  });

  it('handles the edges as IEEE 754 does', () => {
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(NaN)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(Number.MIN_VALUE)).toBe(Math.log(Number.MIN_VALUE));
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(NaN)).toBeNaN();
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(709.7)).toBe(Math.exp(709.7));
    expect(exp(-745)).toBe(Math.exp(-745));
  });
});

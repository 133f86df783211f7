import { describe, expect, it } from 'vitest';
import { batchMeansInterval, covers, meanInterval, studentTQuantile } from '../../src/sim/confidence.ts';
import { makeSampler } from '../../src/sim/distributions.ts';
import { RandomStreams } from '../../src/sim/random.ts';

describe('studentTQuantile', () => {
  // Values from standard t tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
  const table: [number, number, number][] = [
    [0.975, 1, 12.706205], [0.975, 2, 4.302653], [0.975, 5, 2.570582], [0.975, 9, 2.262157],
    [0.975, 10, 2.228139], [0.975, 19, 2.093024], [0.975, 29, 2.045230], [0.975, 100, 1.983972],
    [0.95, 9, 1.833113], [0.995, 4, 4.604095], [0.9, 30, 1.310415],
  ];
  for (const [p, df, t] of table) {
    it(`t(${p}, ${df}) = ${t}`, () => {
      expect(studentTQuantile(p, df)).toBeCloseTo(t, 5);
    });
  }

  it('tends to the normal quantile 1.959964 for many degrees of freedom', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('is symmetric around 0', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });
});

describe('meanInterval', () => {
  it('builds mean ± t·s/√n', () => {
    const interval = meanInterval([9, 10, 11, 10, 12, 8]);
    const s = Math.sqrt(2); // deviations -1,0,1,0,2,-2 → Σd² = 10, /5
    expect(interval.mean).toBe(10);
    expect(interval.sd).toBeCloseTo(s, 12);
    expect(interval.halfWidth).toBeCloseTo(2.570582 * (s / Math.sqrt(6)), 5);
    expect(interval.lower).toBeCloseTo(10 - interval.halfWidth, 12);
    expect(covers(interval, 10.5)).toBe(true);
    expect(covers(interval, 12)).toBe(false);
  });

  it('has no width with a single value', () => {
    const interval = meanInterval([3]);
    expect(interval.mean).toBe(3);
    expect(interval.halfWidth).toBeNaN();
  });

  it('covers the true mean in about 95 % of repeated experiments', () => {
    const streams = new RandomStreams(17);
    const draw = makeSampler({ type: 'exponential', mean: 2 }, streams.stream('coverage'));
    const trials = 2000;
    let hits = 0;
    for (let t = 0; t < trials; t++) {
      const values = Array.from({ length: 30 }, draw);
      if (covers(meanInterval(values), 2)) hits++;
    }
    // Skewed data make t intervals a little short at n = 30 (about 0.93); 2000 trials give ±0.01.
    expect(hits / trials).toBeGreaterThan(0.91);
    expect(hits / trials).toBeLessThan(0.97);
  });
});

describe('batchMeansInterval', () => {
  it('averages consecutive batches and drops the remainder that does not fill a batch', () => {
    const interval = batchMeansInterval([1, 1, 3, 3, 5, 5, 100], 3);
    expect(interval.n).toBe(3);
    expect(interval.mean).toBe(3);
    expect(interval.sd).toBe(2);
  });

  it('refuses fewer than two batches or more batches than observations', () => {
    expect(() => batchMeansInterval([1, 2, 3], 1)).toThrow(RangeError);
    expect(() => batchMeansInterval([1, 2, 3], 4)).toThrow(RangeError);
  });
});

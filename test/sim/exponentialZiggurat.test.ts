import { describe, expect, it } from 'vitest';
import { EXPONENTIAL_ZIGGURAT, standardExponential } from '../../src/sim/exponentialZiggurat.ts';
import { RandomStreams } from '../../src/sim/random.ts';

describe('standardExponential (ziggurat)', () => {
  const n = 400_000;
  const stream = new RandomStreams(3).stream('ziggurat');
  const draws = Float64Array.from({ length: n }, () => standardExponential(stream));

  it('fills 40 equiprobable bins of Exp(1) evenly (chi-square below the 0.1 % critical value)', () => {
    const bins = 40;
    const counts = new Array<number>(bins).fill(0);
    // Bin k holds [−ln(1 − k/40), −ln(1 − (k+1)/40)); the CDF maps it to [k/40, (k+1)/40).
    for (const x of draws) counts[Math.min(bins - 1, Math.floor((1 - Math.exp(-x)) * bins))]!++;
    const expected = n / bins;
    const chi2 = counts.reduce((a, o) => a + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(72.05); // χ²(39) at 0.999
  });

  it('reaches the tail beyond the base layer (x > 7.697) as often as e^-x says', () => {
    for (const edge of [7, 7.697117470131, 9]) {
      const count = draws.reduce((a, x) => a + (x > edge ? 1 : 0), 0);
      const expected = n * Math.exp(-edge);
      expect(Math.abs(count - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it('uses constants whose layers tile the density exactly: base strip and top layer have the common area', () => {
    const { layers, baseEdge: r, layerArea: v } = EXPONENTIAL_ZIGGURAT;
    expect((r + 1) * Math.exp(-r)).toBeCloseTo(v, 15); // rectangle up to r plus the tail
    let x: number = r;
    for (let i = layers - 2; i >= 1; i--) x = -Math.log(v / x + Math.exp(-x));
    expect(Math.abs(x * (1 - Math.exp(-x)) - v) / v).toBeLessThan(1e-9); // top layer closes at f(0) = 1
  });

  it('draws only positive finite values', () => {
    expect(draws.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
  });
});

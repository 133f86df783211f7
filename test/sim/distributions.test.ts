import { describe, expect, it } from 'vitest';
import { distributionMean, gammaFn, type Distribution } from '../../src/model/common.ts';
import { makeSampler } from '../../src/sim/distributions.ts';
import { RandomStreams } from '../../src/sim/random.ts';

const SAMPLES = 200_000;
const BATCHES = 20;

/**
 * Sample mean and variance, each with a standard error estimated from the spread of 20 batch
 * estimates — so the tolerance follows from the data, not from a guessed fourth moment.
 */
function sampleMoments(dist: Distribution, seed = 1): { mean: number; meanSe: number; variance: number; varianceSe: number; min: number } {
  const draw = makeSampler(dist, new RandomStreams(seed).stream(`test:${dist.type}`));
  const size = SAMPLES / BATCHES;
  const means: number[] = [];
  const variances: number[] = [];
  let min = Infinity;
  for (let b = 0; b < BATCHES; b++) {
    let mean = 0;
    let m2 = 0;
    for (let i = 1; i <= size; i++) {
      const x = draw();
      if (x < min) min = x;
      const d = x - mean;
      mean += d / i;
      m2 += d * (x - mean);
    }
    means.push(mean);
    variances.push(m2 / (size - 1));
  }
  const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const se = (xs: number[]): number => {
    const m = avg(xs);
    return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1) / xs.length);
  };
  return { mean: avg(means), meanSe: se(means), variance: avg(variances), varianceSe: se(variances), min };
}

/** Within 5 standard errors (t with 19 df beyond 5 has probability below 1e-4). */
function expectNear(actual: number, expected: number, se: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(5 * se);
}

const weibullMean = (k: number, lambda: number): number => lambda * gammaFn(1 + 1 / k);
const weibullVariance = (k: number, lambda: number): number =>
  lambda * lambda * (gammaFn(1 + 2 / k) - gammaFn(1 + 1 / k) ** 2);

const cases: { dist: Distribution; mean: number; variance: number }[] = [
  { dist: { type: 'exponential', mean: 4 }, mean: 4, variance: 16 },
  { dist: { type: 'normal', mean: 10, sd: 2 }, mean: 10, variance: 4 },
  { dist: { type: 'lognormal', mean: 12, sd: 3 }, mean: 12, variance: 9 },
  { dist: { type: 'triangular', min: 2, mode: 3, max: 7 }, mean: 4, variance: 21 / 18 },
  { dist: { type: 'uniform', min: 2, max: 5 }, mean: 3.5, variance: 0.75 },
  { dist: { type: 'gamma', shape: 2.5, scale: 2 }, mean: 5, variance: 10 },
  { dist: { type: 'gamma', shape: 0.4, scale: 3 }, mean: 1.2, variance: 3.6 },
  { dist: { type: 'weibull', shape: 1.5, scale: 10 }, mean: weibullMean(1.5, 10), variance: weibullVariance(1.5, 10) },
  { dist: { type: 'weibull', shape: 0.7, scale: 2 }, mean: weibullMean(0.7, 2), variance: weibullVariance(0.7, 2) },
  { dist: { type: 'empirical', values: [1, 2, 5], weights: [1, 0, 3] }, mean: 4, variance: 3 },
  { dist: { type: 'empirical', values: [3, 4] }, mean: 3.5, variance: 0.25 },
];

describe('makeSampler', () => {
  for (const { dist, mean, variance } of cases) {
    it(`${JSON.stringify(dist)} has mean ${mean.toFixed(4)} and variance ${variance.toFixed(4)}`, () => {
      const m = sampleMoments(dist);
      expectNear(m.mean, mean, m.meanSe);
      expectNear(m.variance, variance, m.varianceSe);
      expect(m.min).toBeGreaterThanOrEqual(0);
      expect(distributionMean(dist)).toBeCloseTo(mean, 10);
    });
  }

  it('truncates the normal at 0 by rejection, giving the truncated normal moments', () => {
    // N(1, 1) truncated to [0, ∞): α = −1, λ = φ(α)/(1 − Φ(α)) = 0.2419707/0.8413447.
    const lambda = 0.24197072451914337 / 0.8413447460685429;
    const m = sampleMoments({ type: 'normal', mean: 1, sd: 1 });
    expect(m.min).toBeGreaterThanOrEqual(0);
    expectNear(m.mean, 1 + lambda, m.meanSe);
    expectNear(m.variance, 1 - lambda - lambda * lambda, m.varianceSe);
  });

  it('returns the constant, and mean-only normal / lognormal when sd is 0', () => {
    const stream = new RandomStreams(1).stream('c');
    expect(makeSampler({ type: 'constant', value: 7 }, stream)()).toBe(7);
    expect(makeSampler({ type: 'normal', mean: 3, sd: 0 }, stream)()).toBe(3);
    expect(makeSampler({ type: 'lognormal', mean: 3, sd: 0 }, stream)()).toBe(3);
  });

  it('never draws an empirical value of weight zero', () => {
    const draw = makeSampler({ type: 'empirical', values: [1, 2, 5], weights: [1, 0, 3] }, new RandomStreams(2).stream('e'));
    for (let i = 0; i < 10_000; i++) expect(draw()).not.toBe(2);
  });

  it('draws the same values from the same seed', () => {
    const dist: Distribution = { type: 'gamma', shape: 0.8, scale: 1 };
    const a = makeSampler(dist, new RandomStreams(5).stream('g'));
    const b = makeSampler(dist, new RandomStreams(5).stream('g'));
    for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
  });

  it('rejects parameters the scenario validator must refuse', () => {
    const stream = new RandomStreams(1).stream('bad');
    expect(() => makeSampler({ type: 'triangular', min: 5, mode: 2, max: 7 }, stream)).toThrow(RangeError);
    expect(() => makeSampler({ type: 'uniform', min: 5, max: 2 }, stream)).toThrow(RangeError);
    expect(() => makeSampler({ type: 'empirical', values: [1, 2], weights: [0, 0] }, stream)).toThrow(RangeError);
    expect(() => makeSampler({ type: 'empirical', values: [1, 2], weights: [1] }, stream)).toThrow(RangeError);
  });
});

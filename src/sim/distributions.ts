import type { Distribution } from '../model/common.ts';
import { standardExponential } from './exponentialZiggurat.ts';
import { exp, log } from './portableMath.ts';
import type { RandomStream } from './random.ts';

/** Draws one value of a random duration each call. */
export type Sampler = () => number;

/**
 * A sampler for a scenario distribution, drawing from `stream`. Parameters are those of the
 * variable itself (see src/model/common.ts). Only basic arithmetic, √ and the portable log/exp
 * are used, so a seed gives the same values in every engine.
 *
 * Throws RangeError for parameters the scenario validator should have refused (a bug, not input).
 */
export function makeSampler(dist: Distribution, stream: RandomStream): Sampler {
  switch (dist.type) {
    case 'constant': {
      const value = dist.value;
      return () => value;
    }
    case 'exponential': {
      const mean = dist.mean;
      return () => mean * standardExponential(stream);
    }
    case 'normal': {
      const { mean, sd } = dist;
      if (sd === 0) return () => mean;
      const standard = standardNormal(stream);
      // Truncated at 0 by rejection: durations are never negative, and with mean > 0 at most
      // half the draws are rejected.
      return () => {
        for (;;) {
          const x = mean + sd * standard();
          if (x >= 0) return x;
        }
      };
    }
    case 'lognormal': {
      const { mean, sd } = dist;
      if (sd === 0) return () => mean;
      // From the variable's mean m and sd s: σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
      const sigma2 = log(1 + (sd * sd) / (mean * mean));
      const mu = log(mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      const standard = standardNormal(stream);
      return () => exp(mu + sigma * standard());
    }
    case 'triangular': {
      const { min, mode, max } = dist;
      if (!(min <= mode && mode <= max && min < max)) {
        throw new RangeError(`triangular: need min <= mode <= max and min < max, got ${min}, ${mode}, ${max}`);
      }
      const width = max - min;
      const modeFraction = (mode - min) / width;
      return () => {
        const u = stream.next();
        return u < modeFraction
          ? min + Math.sqrt(u * width * (mode - min))
          : max - Math.sqrt((1 - u) * width * (max - mode));
      };
    }
    case 'uniform': {
      const { min, max } = dist;
      if (!(min <= max)) throw new RangeError(`uniform: need min <= max, got ${min}, ${max}`);
      const width = max - min;
      return () => min + width * stream.next();
    }
    case 'gamma':
      return gammaSampler(dist.shape, dist.scale, stream);
    case 'weibull': {
      const { shape, scale } = dist;
      const inverseShape = 1 / shape;
      return () => scale * exp(log(-log(1 - stream.next())) * inverseShape);
    }
    case 'empirical':
      return empiricalSampler(dist.values, dist.weights, stream);
  }
}

/** Standard normal by Marsaglia's polar method: no trigonometry, two values per accepted pair. */
function standardNormal(stream: RandomStream): Sampler {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    for (;;) {
      const v1 = 2 * stream.next() - 1;
      const v2 = 2 * stream.next() - 1;
      const s = v1 * v1 + v2 * v2;
      if (s > 0 && s < 1) {
        const factor = Math.sqrt((-2 * log(s)) / s);
        spare = v2 * factor;
        hasSpare = true;
        return v1 * factor;
      }
    }
  };
}

/**
 * Marsaglia & Tsang (2000), "A simple method for generating gamma variables". For shape < 1,
 * draw with shape + 1 and multiply by u^(1/shape) (their section 5).
 */
function gammaSampler(shape: number, scale: number, stream: RandomStream): Sampler {
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const inverseShape = 1 / shape;
  const standard = standardNormal(stream);
  return () => {
    let value: number;
    for (;;) {
      const x = standard();
      const t = 1 + c * x;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = 1 - stream.next(); // in (0, 1]
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) {
        value = d * v;
        break;
      }
    }
    if (boosted) value *= exp(log(1 - stream.next()) * inverseShape);
    return value * scale;
  };
}

function empiricalSampler(values: number[], weights: number[] | undefined, stream: RandomStream): Sampler {
  if (weights && weights.length !== values.length) {
    throw new RangeError(`empirical: ${values.length} values but ${weights.length} weights`);
  }
  const cumulative = new Float64Array(values.length);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += weights ? weights[i]! : 1;
    cumulative[i] = total;
  }
  if (!(total > 0)) throw new RangeError('empirical: weights must not all be zero');
  const table = Float64Array.from(values);
  const last = values.length - 1;
  return () => {
    const target = stream.next() * total;
    // First index whose cumulative weight exceeds the target; zero-weight values are never chosen.
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return table[lo]!;
  };
}

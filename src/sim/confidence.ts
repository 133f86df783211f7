/**
 * Confidence intervals for simulation outputs: across independent replications, or from
 * batch means of one long run. Student t quantiles are computed (not tabled) so any confidence
 * level and any number of replications work.
 */

/** A mean with its two-sided confidence interval. */
export interface Interval {
  mean: number;
  /** Half the interval's width; NaN when fewer than two values give no estimate of spread. */
  halfWidth: number;
  lower: number;
  upper: number;
  /** Sample standard deviation of the values the interval is built from. */
  sd: number;
  n: number;
  level: number;
}

/** t-based interval for the mean of independent, roughly normal values (replication means). */
export function meanInterval(values: ArrayLike<number>, level = 0.95): Interval {
  checkLevel(level);
  const n = values.length;
  let mean = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const delta = x - mean;
    mean += delta / (i + 1);
    sumSquares += delta * (x - mean);
  }
  if (n === 0) mean = NaN;
  const sd = n > 1 ? Math.sqrt(sumSquares / (n - 1)) : NaN;
  const halfWidth = n > 1 ? studentTQuantile(0.5 + level / 2, n - 1) * (sd / Math.sqrt(n)) : NaN;
  return { mean, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, sd, n, level };
}

/**
 * Interval from one long run: split the observations (after warm-up deletion) into `batches`
 * consecutive batches and treat the batch means as nearly independent. Batches must be long
 * compared with the output's autocorrelation; 10–30 batches is the usual choice.
 */
export function batchMeansInterval(observations: ArrayLike<number>, batches = 20, level = 0.95): Interval {
  if (!Number.isInteger(batches) || batches < 2) throw new RangeError(`batches must be an integer >= 2, got ${batches}`);
  const size = Math.floor(observations.length / batches);
  if (size === 0) throw new RangeError(`${observations.length} observations cannot fill ${batches} batches`);
  const means = new Float64Array(batches);
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = b * size; i < (b + 1) * size; i++) sum += observations[i]!;
    means[b] = sum / size;
  }
  return meanInterval(means, level);
}

/** Whether `value` lies inside the interval (inclusive). */
export function covers(interval: Interval, value: number): boolean {
  return interval.lower <= value && value <= interval.upper;
}

/**
 * Quantile of Student's t distribution: the t with P(T <= t) = p for `df` degrees of freedom.
 * Bisection on the CDF, which comes from the regularised incomplete beta function
 * (P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2)); accurate to about 1e-10.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`df must be > 0, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const key = `${p}/${df}`;
  let t = quantiles.get(key);
  if (t === undefined) {
    t = tQuantileByBisection(p, df);
    if (quantiles.size >= QUANTILES_KEPT) quantiles.delete(quantiles.keys().next().value!);
    quantiles.set(key, t);
  }
  return t;
}

/**
 * An experiment's summary asks for the same few quantiles (95 %, n − 1 degrees of freedom)
 * thousands of times — one per KPI, machine, WIP sample and day — and each costs a hundred
 * continued fractions: kept, they were half of summarising a 20-system sweep.
 */
const quantiles = new Map<string, number>();
const QUANTILES_KEPT = 512;

function tQuantileByBisection(p: number, df: number): number {
  const tail = 2 * (1 - p); // two-sided tail probability beyond |t|
  let lo = 0;
  let hi = 1;
  while (twoSidedTail(hi, df) > tail) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (twoSidedTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function twoSidedTail(t: number, df: number): number {
  return regularisedBeta(df / (df + t * t), df / 2, 0.5);
}

/** I_x(a, b) by the continued fraction (modified Lentz), using the symmetry for fast convergence. */
function regularisedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let numerator = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    numerator = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/**
 * ln Γ(x) for x > 0: shift x up to at least 10 with Γ(x+1) = xΓ(x), then Stirling's series,
 * whose error there is below 1e-13.
 */
function logGamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680))));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}

/**
 * Risk per order of a schedule, from replications of the simulator following it: the probability
 * of finishing on time with its 95 % Wilson interval, expected and 90th-percentile lateness, and
 * which disturbance made the order late — found by re-running every replication with the same
 * random numbers and one disturbance class switched off at a time (common random numbers: each
 * class draws from streams of its own, so switching one off leaves the others' numbers alone).
 */

/** Disturbance classes the simulator can switch off one at a time (src/sim/plant/plantRun.ts `disturbances`). */
export const DISTURBANCES = ['failures', 'processingTime', 'yield', 'lateRelease'] as const;
export type Disturbance = (typeof DISTURBANCES)[number];

/** A cause of lateness: a disturbance class, or the plan itself (late even with every disturbance off). */
export type Cause = Disturbance | 'plan' | 'combined';

/** One replication: per order (in `orders` order), the minute it was complete, or NaN if it was not by the end of the run. */
export interface OrderCompletions {
  replication: number;
  completedAt: Float64Array;
  /** The run's end: an order still open then is at least this late. */
  horizon: number;
}

export interface OrderRisk {
  order: string;
  /** Share of replications in which the order was complete by its due date. */
  pOnTime: number;
  /** 95 % Wilson score interval of pOnTime. */
  lower: number;
  upper: number;
  replications: number;
  /** Mean over replications of max(0, completion − due), minutes (an open order counts from the run's end). */
  expectedLateness: number;
  /** 90th percentile of that lateness (nearest rank), minutes. */
  p90Lateness: number;
  /** Which classes the lateness goes away without, as shares summing to 1; empty when never late. */
  causes: { disturbance: Cause; share: number }[];
}

/** z of a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/** Wilson score interval of a binomial proportion: k successes in n trials. */
export function wilson(k: number, n: number, z = Z95): { lower: number; upper: number } {
  if (n <= 0) return { lower: 0, upper: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 (k = n) the bound is exactly 0 (1); computed, it is off by a rounding error that
  // would put the interval beside its own point.
  return { lower: k <= 0 ? 0 : Math.max(0, centre - half), upper: k >= n ? 1 : Math.min(1, centre + half) };
}

/** Nearest-rank quantile of ascending values: the smallest value with at least q of them at or below it. */
export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Minutes late of order `o` in one replication; an open order is late from its due date to the run's end at least. */
export function lateness(run: OrderCompletions, o: number, due: number): number {
  const done = run.completedAt[o]!;
  return Math.max(0, (Number.isNaN(done) ? run.horizon : done) - due);
}

export interface RiskInput {
  orders: readonly string[];
  /** Per order, minutes from the scenario start (NaN: no due date, never late). */
  due: ArrayLike<number>;
  /** Every disturbance on, replications 0 … R−1. */
  all: readonly OrderCompletions[];
  /** The same replications with one class off, for attribution; classes left out are not attributed. */
  without?: Partial<Record<Disturbance, readonly OrderCompletions[]>>;
  /** One run with every disturbance off: where an order is late even so, the plan is. */
  deterministic?: OrderCompletions;
}

/**
 * Per order: on-time probability with its Wilson interval, lateness mean and p90, and causes.
 * A cause's weight is the lateness that disappears, summed over the replications where the order
 * was late, when that class is off; the plan's weight is the lateness left with every class off
 * (at most the replication's own); what no single class explains is "combined".
 */
export function orderRisks(input: RiskInput): OrderRisk[] {
  const { orders, due, all } = input;
  const byReplication = (runs: readonly OrderCompletions[] | undefined) => new Map((runs ?? []).map((r) => [r.replication, r]));
  const without = DISTURBANCES.map((d) => ({ d, runs: input.without?.[d] ? byReplication(input.without[d]) : undefined }));
  return orders.map((order, o) => {
    const d = due[o]!;
    const n = all.length;
    if (Number.isNaN(d)) return { order, pOnTime: 1, ...wilson(n, n), replications: n, expectedLateness: 0, p90Lateness: 0, causes: [] };
    const late = new Float64Array(n);
    let onTime = 0;
    const weights = new Map<Cause, number>();
    const add = (c: Cause, w: number) => { if (w > 0) weights.set(c, (weights.get(c) ?? 0) + w); };
    const planLate = input.deterministic ? lateness(input.deterministic, o, d) : 0;
    all.forEach((run, k) => {
      const l = lateness(run, o, d);
      late[k] = l;
      if (l <= 0) { onTime++; return; }
      const fromPlan = Math.min(l, planLate);
      add('plan', fromPlan);
      let explained = 0;
      for (const { d: cls, runs } of without) {
        const other = runs?.get(run.replication);
        if (!other) continue;
        const gone = Math.max(0, l - lateness(other, o, d));
        add(cls, gone);
        explained += gone;
      }
      if (explained === 0 && fromPlan < l) add('combined', l - fromPlan);
    });
    const sorted = Float64Array.from(late).sort();
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    const causes = total > 0
      ? [...weights].map(([disturbance, w]) => ({ disturbance, share: w / total })).sort((a, b) => b.share - a.share)
      : [];
    const mean = n > 0 ? late.reduce((a, b) => a + b, 0) / n : 0;
    return { order, pOnTime: n > 0 ? onTime / n : NaN, ...wilson(onTime, n), replications: n, expectedLateness: mean, p90Lateness: nearestRank(sorted, 0.9), causes };
  });
}

/** Makespan of each replication (the last completion; the run's end where an order stayed open), for the distribution chart. */
export function makespans(runs: readonly OrderCompletions[]): number[] {
  return runs.map((r) => {
    let m = 0;
    for (const t of r.completedAt) m = Math.max(m, Number.isNaN(t) ? r.horizon : t);
    return m;
  });
}

import type { OrderRun } from './lots.ts';
import type { Delivery, LeadTimes } from './results.ts';

/** Histogram bins of lead times: an hour for short runs, growing so there are at most 48 bins. */
function binWidth(max: number): number {
  let width = 60;
  while (max / width > 48) width *= 2;
  return width;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}

export function leadTimes(orders: readonly OrderRun[], windowStart: number, end: number): LeadTimes {
  const values: number[] = [];
  for (const o of orders) {
    if (o.completedAt >= windowStart && o.completedAt <= end) values.push(o.completedAt - o.spec.release);
  }
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  const max = n > 0 ? sorted[n - 1]! : NaN;
  const width = binWidth(n > 0 ? max : 0);
  const counts = new Array<number>(n > 0 ? Math.floor(Math.max(0, max) / width) + 1 : 0).fill(0);
  for (const v of sorted) counts[Math.floor(Math.max(0, v) / width)]!++;
  return {
    count: n, mean: n > 0 ? sum / n : NaN, p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), max,
    histogram: { binMinutes: width, counts },
  };
}

/**
 * On-time delivery and tardiness. An order is on time when its last unit leaves by the due
 * date, short or not; shortfalls (good units below the order quantity, from scrap) are counted
 * apart, since a planner ships them as a partial delivery and re-orders the rest.
 */
export function deliveries(orders: readonly OrderRun[], windowStart: number, end: number): Delivery {
  let completed = 0;
  let onTime = 0;
  let openPastDue = 0;
  let openNotDue = 0;
  let totalTardiness = 0;
  let weightedTardiness = 0;
  let shortOrders = 0;
  let shortUnits = 0;
  for (const o of orders) {
    const due = o.spec.due;
    if (o.completedAt === o.completedAt) {
      if (o.completedAt < windowStart || o.completedAt > end) continue;
      completed++;
      const tardiness = Math.max(0, o.completedAt - due);
      if (tardiness === 0) onTime++;
      totalTardiness += tardiness;
      weightedTardiness += o.spec.priority * tardiness;
      if (o.good < o.released) {
        shortOrders++;
        shortUnits += o.released - o.good;
      }
    } else if (o.released > 0 || o.spec.release < end) {
      if (due < end) {
        openPastDue++;
        totalTardiness += end - due;
        weightedTardiness += o.spec.priority * (end - due);
      } else {
        openNotDue++;
      }
    }
  }
  const decided = completed + openPastDue;
  return {
    completed, onTime, late: completed - onTime, openPastDue, openNotDue,
    onTimeRate: decided > 0 ? onTime / decided : NaN,
    totalTardiness, meanTardiness: decided > 0 ? totalTardiness / decided : NaN, weightedTardiness,
    shortOrders, shortUnits,
  };
}

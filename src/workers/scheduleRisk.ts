import { minutesBetween } from '../model/calendar.ts';
import type { Plant } from '../model/load.ts';
import type { Schedule } from '../model/scheduleSchema.ts';
import { NO_DISTURBANCES, type Disturbances } from '../sim/plant/plantRun.ts';
import { DISTURBANCES, makespans, orderRisks, type Disturbance, type OrderCompletions, type OrderRisk } from '../scheduling/risk.ts';
import type { RecordTask, SimPool } from './simPool.ts';

export interface RiskOptions {
  replications: number;
  /** Default: the scenario's seed. */
  seed?: number;
  /** Re-run every replication with each disturbance class off, to say which one made orders late (default true). */
  attribution?: boolean;
}

export interface RiskReport {
  replications: number;
  seed: number | undefined;
  /** Minutes from the scenario start at which the runs stop: a week past the last due date or planned end. */
  horizon: number;
  orders: OrderRisk[];
  /** Per replication, when the last order was complete (minutes from the scenario start). */
  makespans: number[];
  /** Per order, its lateness in each replication (minutes, 0 on time), for the distribution chart. */
  lateness: Float64Array[];
  /** Simulated runs made (R, plus R per class and one deterministic run with attribution). */
  runs: number;
}

const WEEK = 7 * 1440;

/**
 * Risk of a schedule: R replications of the simulator following it (dispatching "schedule"),
 * with the scenario's randomness, on the worker pool; with attribution the same replications
 * again with one disturbance class off at a time, and one run with none. Replication r draws
 * the same numbers in every variant (streams keyed by seed, replication and class), so the
 * difference is the class's doing. The CLI (`plant-twin risk`) and the Schedule panel run this.
 */
export async function scheduleRisk(pool: SimPool, plant: Plant, schedule: Schedule, options: RiskOptions, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<RiskReport> {
  const scenario = plant.scenario;
  if (!scenario) throw new Error('the risk of a schedule needs a scenario (orders, routings, randomness), not only a layout');
  const n = Math.floor(options.replications);
  if (!(n >= 1)) throw new Error(`replications must be a whole number ≥ 1, found ${options.replications}`);
  const due = Float64Array.from(scenario.orders, (o) => minutesBetween(scenario.start, o.due));
  let planned = 0;
  for (const op of schedule.operations) planned = Math.max(planned, minutesBetween(scenario.start, op.end));
  const horizon = Math.ceil(Math.max(scenario.experiment.horizon, planned, ...due) + WEEK);
  const base = { dispatching: 'schedule' as const, schedule, horizon, warmup: 0, ...(options.seed !== undefined ? { seed: options.seed } : {}) };
  const replications = Array.from({ length: n }, (_, i) => i);
  const attribution = options.attribution !== false;
  const variants: { name: 'all' | Disturbance | 'none'; disturbances: Partial<Disturbances> | undefined; replications: number[] }[] = [
    { name: 'all', disturbances: undefined, replications },
    ...(attribution ? DISTURBANCES.map((d) => ({ name: d, disturbances: { [d]: false }, replications })) : []),
    ...(attribution ? [{ name: 'none' as const, disturbances: NO_DISTURBANCES, replications: [0] }] : []),
  ];
  const tasks: RecordTask[] = variants.map((v) => ({ plant, options: { ...base, ...(v.disturbances ? { disturbances: v.disturbances } : {}) }, replications: v.replications }));
  const results: OrderCompletions[][] = variants.map(() => []);
  const total = tasks.reduce((s, t) => s + t.replications.length, 0);
  let done = 0;
  await pool.completions(tasks, (t, runs) => { results[t]!.push(...runs); }, () => onProgress?.(++done / total), signal);
  for (const list of results) list.sort((a, b) => a.replication - b.replication);

  const all = results[0]!;
  const without: Partial<Record<Disturbance, OrderCompletions[]>> = {};
  variants.forEach((v, k) => { if (v.name !== 'all' && v.name !== 'none') without[v.name] = results[k]!; });
  const none = variants.findIndex((v) => v.name === 'none');
  const orders = orderRisks({
    orders: scenario.orders.map((o) => o.id),
    due,
    all,
    without,
    ...(none >= 0 ? { deterministic: results[none]![0]! } : {}),
  });
  const lateness = scenario.orders.map((_, o) => Float64Array.from(all, (r) => {
    const t = r.completedAt[o]!;
    return Math.max(0, (Number.isNaN(t) ? r.horizon : t) - due[o]!);
  }));
  return { replications: n, seed: options.seed ?? scenario.experiment.seed, horizon, orders, makespans: makespans(all), lateness, runs: total };
}

/** The report as `plant-twin risk --json` prints it (the shape; numbers rounded to what a reader can use). */
export function riskJson(report: RiskReport): { replications: number; orders: { order: string; pOnTime: number; lower: number; upper: number; expectedLateness: number; p90Lateness: number; causes: { disturbance: string; share: number }[] }[] } {
  const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    replications: report.replications,
    orders: report.orders.map((o) => ({
      order: o.order, pOnTime: r4(o.pOnTime), lower: r4(o.lower), upper: r4(o.upper),
      expectedLateness: r1(o.expectedLateness), p90Lateness: r1(o.p90Lateness),
      causes: o.causes.map((c) => ({ disturbance: c.disturbance, share: r4(c.share) })),
    })),
  };
}

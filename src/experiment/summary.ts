import { MACHINE_STATES } from '../model/machineState.ts';
import { meanInterval } from '../sim/confidence.ts';
import { PLANT_KPIS, type PlantKpi } from '../sim/plant/replicatePlant.ts';
import { jsonNumber, type JsonNumber, type ReplicationRecord } from './replicationRecord.ts';

/** A confidence interval as a result file holds it (undefined figures as null). */
export interface IntervalJson {
  mean: JsonNumber;
  halfWidth: JsonNumber;
  lower: JsonNumber;
  upper: JsonNumber;
  /** Replications (or pairs) the interval is built from: those where the figure is defined. */
  n: number;
}

export interface EquipmentSummaryJson {
  id: string;
  utilisation: IntervalJson;
  oee: IntervalJson | null;
  /** Mean share of the measured window in each state, in `states` order. */
  stateShares: number[];
  /** Mean share of the window as bottleneck (sole + shifting). */
  bottleneckShare: number;
}

export interface LeadTimeSummary {
  /** Orders completed in the window, over all replications. */
  count: number;
  mean: JsonNumber;
  min: JsonNumber;
  p5: JsonNumber;
  p25: JsonNumber;
  p50: JsonNumber;
  p75: JsonNumber;
  p95: JsonNumber;
  max: JsonNumber;
  /** Share of the pooled lead times in bins of `binMinutes` from 0 (bins shared by every system of the experiment). */
  histogram: { binMinutes: number; shares: number[] };
}

export interface SystemSummary {
  replications: number;
  kpis: Record<PlantKpi, IntervalJson>;
  equipment: EquipmentSummaryJson[];
  /** The equipment most often the bottleneck of a replication, and in how many. */
  bottleneck: { id: string; replications: number } | null;
  leadTime: LeadTimeSummary;
  /** WIP (lots) at each sample time, mean and interval across replications. */
  wip: { every: number; start: number; mean: JsonNumber[]; lower: JsonNumber[]; upper: JsonNumber[] };
  /** Orders and their good units finished per day, mean and interval across replications. */
  perDay: { orders: IntervalJson[]; units: IntervalJson[] };
}

const round = (x: number) => jsonNumber(x);

export function intervalJson(values: readonly (number | null)[], level: number): IntervalJson {
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const i = meanInterval(defined, level);
  return { mean: round(i.mean), halfWidth: round(i.halfWidth), lower: round(i.lower), upper: round(i.upper), n: defined.length };
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: readonly number[], p: number): JsonNumber {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1]!;
}

/** Bin width for lead-time histograms: an hour, doubled until at most 48 bins cover the longest. */
export function leadTimeBin(max: number): number {
  let width = 60;
  while (max / width > 48) width *= 2;
  return width;
}

/**
 * One system's figures from its replication records, sorted by replication so the result does
 * not depend on the order records arrived in (workers, shards) — sums are taken in one order.
 */
export function summariseSystem(records: readonly ReplicationRecord[], equipmentIds: readonly string[], binMinutes: number, level = 0.95): SystemSummary {
  const runs = [...records].sort((a, b) => a.replication - b.replication);
  const kpis = Object.fromEntries(PLANT_KPIS.map((k) => [k, intervalJson(runs.map((r) => r.kpis[k]), level)])) as Record<PlantKpi, IntervalJson>;

  const equipment = equipmentIds.map((id, e): EquipmentSummaryJson => {
    const shares = MACHINE_STATES.map((_, s) => {
      let total = 0;
      for (const r of runs) {
        const length = r.window.end - r.window.start;
        total += length > 0 ? r.equipment[e]!.states[s]! / length : 0;
      }
      return runs.length ? total / runs.length : 0;
    });
    const hasOee = runs.some((r) => r.equipment[e]!.oee !== null);
    return {
      id,
      utilisation: intervalJson(runs.map((r) => r.equipment[e]!.utilisation), level),
      oee: hasOee ? intervalJson(runs.map((r) => r.equipment[e]!.oee), level) : null,
      stateShares: shares,
      bottleneckShare: runs.length ? runs.reduce((a, r) => a + r.equipment[e]!.bottleneck, 0) / runs.length : 0,
    };
  });

  const top = new Map<string, number>();
  for (const r of runs) if (r.bottleneck) top.set(r.bottleneck, (top.get(r.bottleneck) ?? 0) + 1);
  let bottleneck: SystemSummary['bottleneck'] = null;
  for (const [id, n] of top) {
    if (!bottleneck || n > bottleneck.replications || (n === bottleneck.replications && equipmentIds.indexOf(id) < equipmentIds.indexOf(bottleneck.id))) bottleneck = { id, replications: n };
  }

  const pooled = runs.flatMap((r) => r.leadTimes).sort((a, b) => a - b);
  const bins = new Array<number>(pooled.length ? Math.floor(pooled[pooled.length - 1]! / binMinutes) + 1 : 0).fill(0);
  for (const v of pooled) bins[Math.floor(Math.max(0, v) / binMinutes)]!++;
  let sum = 0;
  for (const v of pooled) sum += v;
  const leadTime: LeadTimeSummary = {
    count: pooled.length,
    mean: pooled.length ? sum / pooled.length : null,
    min: pooled[0] ?? null, p5: percentile(pooled, 0.05), p25: percentile(pooled, 0.25), p50: percentile(pooled, 0.5),
    p75: percentile(pooled, 0.75), p95: percentile(pooled, 0.95), max: pooled.at(-1) ?? null,
    histogram: { binMinutes, shares: bins.map((c) => c / pooled.length) },
  };

  const samples = Math.max(0, ...runs.map((r) => r.wipLots.length));
  const wipAt = Array.from({ length: samples }, (_, i) => intervalJson(runs.map((r) => r.wipLots[i] ?? null), level));
  const days = Math.max(0, ...runs.map((r) => r.ordersPerDay.length));
  return {
    replications: runs.length,
    kpis,
    equipment,
    bottleneck,
    leadTime,
    wip: {
      every: runs[0]?.wipEvery ?? 0, start: runs[0]?.window.start ?? 0,
      mean: wipAt.map((i) => i.mean), lower: wipAt.map((i) => i.lower), upper: wipAt.map((i) => i.upper),
    },
    perDay: {
      orders: Array.from({ length: days }, (_, d) => intervalJson(runs.map((r) => r.ordersPerDay[d] ?? null), level)),
      units: Array.from({ length: days }, (_, d) => intervalJson(runs.map((r) => r.unitsPerDay[d] ?? null), level)),
    },
  };
}

/**
 * Paired differences candidate − reference per KPI over the replications both have (common
 * random numbers pair replication r with replication r), where both define the figure.
 */
export function pairedDifferences(reference: readonly ReplicationRecord[], candidate: readonly ReplicationRecord[], level = 0.95): Record<PlantKpi, IntervalJson> {
  const byRep = new Map(reference.map((r) => [r.replication, r]));
  const pairs = [...candidate].sort((a, b) => a.replication - b.replication).flatMap((c) => {
    const r = byRep.get(c.replication);
    return r ? [[r, c] as const] : [];
  });
  return Object.fromEntries(PLANT_KPIS.map((k) => [k, intervalJson(pairs.map(([r, c]) => {
    const a = r.kpis[k];
    const b = c.kpis[k];
    return a === null || b === null ? null : b - a;
  }), level)])) as Record<PlantKpi, IntervalJson>;
}

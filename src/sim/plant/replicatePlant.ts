import type { Plant } from '../../model/load.ts';
import { meanInterval, type Interval } from '../confidence.ts';
import { compareScenarios, summarise, type ExperimentResult } from '../experiment.ts';
import type { PlantResult } from './results.ts';
import { simulatePlant, type SimulateOptions } from './simulatePlant.ts';

export interface ReplicateOptions extends Omit<SimulateOptions, 'replication' | 'trace'> {
  /** Default: the scenario's experiment.replications. */
  replications?: number;
  /** Confidence level of the intervals; default 0.95. */
  level?: number;
}

/** The scalar KPIs every replication reports, summarised with confidence intervals. */
export const PLANT_KPIS = [
  'lotsPerDay', 'unitsPerDay', 'ordersPerDay', 'leadTimeMean', 'leadTimeP50', 'leadTimeP90', 'leadTimeMax',
  'onTimeRate', 'totalTardiness', 'meanTardiness', 'weightedTardiness', 'wipLots', 'wipUnits', 'energyKWh',
] as const;
export type PlantKpi = (typeof PLANT_KPIS)[number];

export interface EquipmentSummary {
  id: string;
  utilisation: Interval;
  availability: Interval | null;
  performance: Interval | null;
  quality: Interval | null;
  oee: Interval | null;
  /** Share of the window as bottleneck (sole + shifting). */
  bottleneckShare: Interval;
  energyKWh: Interval;
}

export interface ReplicationSummary {
  scenario: string;
  seed: number;
  replications: number;
  level: number;
  kpis: ExperimentResult<PlantKpi>;
  equipment: EquipmentSummary[];
  lines: { id: string; oee: Interval | null }[];
  /** How often each equipment was the top bottleneck of a replication, most often first. */
  bottlenecks: { id: string; replications: number; meanShare: number }[];
  /** Each replication's full result (no trace), in replication order. */
  runs: PlantResult[];
}

export function plantKpis(r: PlantResult): Record<PlantKpi, number> {
  return {
    lotsPerDay: r.throughput.lotsPerDay, unitsPerDay: r.throughput.unitsPerDay, ordersPerDay: r.throughput.ordersPerDay,
    leadTimeMean: r.leadTime.mean, leadTimeP50: r.leadTime.p50, leadTimeP90: r.leadTime.p90, leadTimeMax: r.leadTime.max,
    onTimeRate: r.delivery.onTimeRate, totalTardiness: r.delivery.totalTardiness, meanTardiness: r.delivery.meanTardiness,
    weightedTardiness: r.delivery.weightedTardiness, wipLots: r.wip.lotsMean, wipUnits: r.wip.unitsMean, energyKWh: r.energy.total,
  };
}

/**
 * Runs replications 0 … n−1 of a plant and summarises them with Student-t confidence intervals.
 * Replication r draws from streams keyed by (seed, r, purpose/equipment): replications are
 * independent, each gives the same numbers when run alone (in a worker, say), and two scenarios
 * run with the same seed share common random numbers — compare them with `compareReplications`.
 */
export function replicatePlant(plant: Plant, options: ReplicateOptions = {}): ReplicationSummary {
  const experiment = plant.scenario?.experiment;
  const n = options.replications ?? experiment?.replications ?? 10;
  const level = options.level ?? 0.95;
  const runs: PlantResult[] = [];
  for (let r = 0; r < n; r++) {
    const result = simulatePlant(plant, {
      ...options, replication: r, trace: false,
      onProgress: options.onProgress && ((f) => options.onProgress!((r + f) / n)),
    });
    runs.push(result);
    if (result.cancelled) break;
  }
  return summariseReplications(runs, level);
}

/** The summary of replications computed elsewhere (e.g. one per worker), in replication order. */
export function summariseReplications(runs: PlantResult[], level = 0.95): ReplicationSummary {
  const first = runs[0];
  if (!first) throw new RangeError('summariseReplications: no replications');
  const interval = (values: number[]): Interval => meanInterval(values, level);
  const equipment = first.equipment.map((e, i): EquipmentSummary => {
    const per = runs.map((r) => r.equipment[i]!);
    const factor = (f: (o: NonNullable<PlantResult['equipment'][number]['oee']>) => number) =>
      e.oee ? interval(per.map((p) => (p.oee ? f(p.oee) : NaN))) : null;
    return {
      id: e.id,
      utilisation: interval(per.map((p) => p.utilisation)),
      availability: factor((o) => o.availability),
      performance: factor((o) => o.performance),
      quality: factor((o) => o.quality),
      oee: factor((o) => o.oee),
      bottleneckShare: interval(per.map((p) => p.bottleneck.sole + p.bottleneck.shifting)),
      energyKWh: interval(per.map((p) => p.energyKWh.total)),
    };
  });
  const lines = first.lines.map((l, i) => ({
    id: l.id, oee: l.oee ? interval(runs.map((r) => r.lines[i]!.oee?.oee ?? NaN)) : null,
  }));
  const top = new Map<string, number>();
  for (const r of runs) if (r.bottleneck.equipment) top.set(r.bottleneck.equipment, (top.get(r.bottleneck.equipment) ?? 0) + 1);
  const bottlenecks = [...top].map(([id, count]) => ({
    id, replications: count,
    meanShare: equipment.find((e) => e.id === id)?.bottleneckShare.mean ?? 0,
  })).sort((a, b) => b.replications - a.replications || b.meanShare - a.meanShare);
  return {
    scenario: first.scenario, seed: first.seed, replications: runs.length, level,
    kpis: summarise(first.seed, runs.map(plantKpis), level),
    equipment, lines, bottlenecks, runs,
  };
}

/**
 * Paired differences candidate − base per KPI. With the same seed and replication count the
 * pairs share random numbers (common random numbers), so the intervals are much narrower than
 * the two separate intervals suggest.
 */
export function compareReplications(base: ReplicationSummary, candidate: ReplicationSummary): Record<PlantKpi, Interval> {
  return compareScenarios(base.kpis, candidate.kpis, base.level);
}

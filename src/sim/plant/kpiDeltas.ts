import type { Interval } from '../confidence.ts';
import { compareScenarios, summarise } from '../experiment.ts';
import { plantKpis, type PlantKpi, type ReplicationSummary } from './replicatePlant.ts';
import type { PlantResult } from './results.ts';

/** A KPI of the before/after table: the two means and the paired difference candidate − base. */
export interface KpiDelta {
  key: string;
  label: string;
  unit: string;
  base: Interval;
  candidate: Interval;
  /** Mean and confidence interval of the paired differences, replication by replication. */
  delta: Interval;
  /** The interval excludes 0: the change is more than the replications' noise. */
  significant: boolean;
}

const SCENARIO_KPIS: { key: PlantKpi; label: string; unit: string }[] = [
  { key: 'unitsPerDay', label: 'Throughput', unit: 'units/day' },
  { key: 'onTimeRate', label: 'On-time rate', unit: 'share' },
  { key: 'leadTimeMean', label: 'Mean lead time', unit: 'min' },
  { key: 'wipLots', label: 'WIP', unit: 'lots' },
];

/** Whether an interval lies wholly on one side of 0 (NaN bounds never do). */
export function excludesZero(interval: Interval): boolean {
  return interval.lower > 0 || interval.upper < 0;
}

/**
 * The before/after table of two scenarios run with the same seed and replication count (common
 * random numbers): throughput, on-time rate, mean lead time, WIP and vehicle travel (when there
 * is any), plus the base's bottleneck
 * equipment's utilisation and OEE when the candidate still has it. Every difference is paired by
 * replication through `compareScenarios` — the same math as `compareReplications`.
 */
export function kpiDeltas(base: ReplicationSummary, candidate: ReplicationSummary): KpiDelta[] {
  const level = base.level;
  const rows: KpiDelta[] = [];
  const add = (key: string, label: string, unit: string, b: (r: PlantResult) => number, c: (r: PlantResult) => number) => {
    const before = summarise(base.seed, base.runs.map((r) => ({ [key]: b(r) })), level);
    const after = summarise(candidate.seed, candidate.runs.map((r) => ({ [key]: c(r) })), level);
    const delta = compareScenarios(before, after, level)[key]!;
    rows.push({ key, label, unit, base: before.intervals[key]!, candidate: after.intervals[key]!, delta, significant: excludesZero(delta) });
  };
  for (const kpi of SCENARIO_KPIS) add(kpi.key, kpi.label, kpi.unit, (r) => plantKpis(r)[kpi.key], (r) => plantKpis(r)[kpi.key]);
  const travels = (s: ReplicationSummary) => s.runs.some((r) => r.transport.trips > 0);
  if (travels(base) || travels(candidate)) {
    const travel = (r: PlantResult) => r.transport.metresPerDay;
    add('travelMetresPerDay', 'Vehicle travel', 'm/day', travel, travel);
  }

  const bottleneck = base.bottlenecks[0]?.id;
  const inBoth = bottleneck !== undefined && candidate.runs.every((r) => r.equipment.some((e) => e.id === bottleneck));
  if (bottleneck !== undefined && inBoth) {
    const of = (r: PlantResult) => r.equipment.find((e) => e.id === bottleneck);
    const utilisation = (r: PlantResult) => of(r)?.utilisation ?? NaN;
    const oee = (r: PlantResult) => of(r)?.oee?.oee ?? NaN;
    add('bottleneckUtilisation', `Utilisation of ${bottleneck} (bottleneck)`, 'share', utilisation, utilisation);
    add('bottleneckOee', `OEE of ${bottleneck} (bottleneck)`, 'share', oee, oee);
  }
  return rows;
}

import type { PlantResult } from '../sim/plant/results.ts';
import type { Lesson, ScoreKpi } from './lessonSchema.ts';

/** What a lesson run achieved by its end, in the units the lesson scores. */
export interface LessonKpis {
  /** Orders finished late plus orders open past their due date. */
  'late-orders': number;
  'on-time-orders': number;
  'weighted-tardiness-hours': number;
  'setup-hours': number;
  /** Time-average lots in the plant. */
  'wip-lots': number;
  'good-units': number;
  /** Mean lead time of the orders finished. */
  'lead-time-hours': number;
  'refused-orders': number;
}

export const KPI_LABELS: Record<keyof LessonKpis, string> = {
  'late-orders': 'late orders',
  'on-time-orders': 'on-time orders',
  'weighted-tardiness-hours': 'weighted tardiness (h)',
  'setup-hours': 'setup (h)',
  'wip-lots': 'WIP (lots)',
  'good-units': 'good units',
  'lead-time-hours': 'lead time (h)',
  'refused-orders': 'refused orders',
};

export function kpisOf(result: PlantResult, refused: number): LessonKpis {
  const d = result.delivery;
  let setup = 0;
  for (const e of result.equipment) setup += e.states.setup;
  const lead = result.leadTime.count > 0 ? result.leadTime.mean : 0;
  return {
    'late-orders': d.late + d.openPastDue,
    'on-time-orders': d.onTime,
    'weighted-tardiness-hours': d.weightedTardiness / 60,
    'setup-hours': setup / 60,
    'wip-lots': result.wip.lotsMean,
    'good-units': result.throughput.units,
    'lead-time-hours': lead / 60,
    'refused-orders': refused,
  };
}

/** The mean of each KPI over runs (replications on common random numbers). */
export function meanKpis(list: readonly LessonKpis[]): LessonKpis {
  const keys = Object.keys(list[0]!) as (keyof LessonKpis)[];
  const mean = {} as LessonKpis;
  for (const k of keys) mean[k] = list.reduce((s, x) => s + x[k], 0) / list.length;
  return mean;
}

/** good-units counts in favour, every other scored KPI against. */
const FAVOURABLE: ReadonlySet<ScoreKpi> = new Set(['good-units']);

/**
 * The lesson's cost of an outcome: Σ weight × KPI, good units negative. Lower is better. It is
 * linear, so the cost of the mean outcome is the mean of the runs' costs.
 */
export function costOf(kpis: LessonKpis, scoring: Lesson['scoring']): number {
  let cost = 0;
  for (const { kpi, weight } of scoring.kpis) cost += (FAVOURABLE.has(kpi) ? -1 : 1) * weight * kpis[kpi];
  return cost;
}

import './forms.css';
import type { Interval } from '../sim/confidence.ts';

/** How the app shows one KPI: one unit everywhere, a definition for the tooltip, and why it can be missing. */
export interface KpiSpec {
  label: string;
  /** The unit shown; values are converted from the simulator's (minutes, shares) by `scale`. */
  unit: string;
  scale: number;
  digits: number;
  definition: string;
  /** Said instead of a number when there is none (never "NaN"). */
  missing: string;
}

/** The app's KPIs (docs/SIMULATION.md, "Results"); lead times are in hours in every panel. */
export const KPIS = {
  unitsPerDay: { label: 'Throughput', unit: 'units/day', scale: 1, digits: 0, definition: 'Good units finished per day (1440 min) of the measured window, after warm-up.', missing: 'no unit finished in the measured window' },
  lotsPerDay: { label: 'Throughput', unit: 'lots/day', scale: 1, digits: 1, definition: 'Lots finished per day of the measured window.', missing: 'no lot finished in the measured window' },
  onTimeRate: { label: 'On time', unit: '%', scale: 100, digits: 1, definition: 'Orders finished by their due date ÷ decided orders (finished in the window, or open and already past due).', missing: 'no order was finished or overdue in the window, so none was on time or late' },
  leadTimeMean: { label: 'Lead time', unit: 'h', scale: 1 / 60, digits: 1, definition: 'Mean of completion − release over the orders finished in the window.', missing: 'no order was finished in the window' },
  wipLots: { label: 'WIP', unit: 'lots', scale: 1, digits: 1, definition: 'Lots in the plant (order pool included), time-averaged over the window.', missing: 'the window is empty' },
  wipUnits: { label: 'WIP', unit: 'units', scale: 1, digits: 0, definition: 'Units in the plant (order pool included), time-averaged over the window.', missing: 'the window is empty' },
  travelMetresPerDay: { label: 'Vehicle travel', unit: 'm/day', scale: 1, digits: 0, definition: 'Metres driven by vehicles, loaded and empty, per day of the window.', missing: 'no vehicle moved' },
  oee: { label: 'OEE', unit: '%', scale: 100, digits: 1, definition: 'Overall equipment effectiveness = availability × performance × quality (ISO 22400).', missing: 'it needs processing in the window and the routing\'s ideal cycle time' },
  availability: { label: 'Availability', unit: '%', scale: 100, digits: 1, definition: 'Actual production time (processing) ÷ planned busy time (the window less maintenance, off shift and off).', missing: 'no planned busy time in the window' },
  performance: { label: 'Performance', unit: '%', scale: 100, digits: 1, definition: 'Ideal cycle time × units made ÷ actual production time.', missing: 'no ideal cycle time, or no production' },
  quality: { label: 'Quality', unit: '%', scale: 100, digits: 1, definition: 'Good units ÷ units made (good + scrap).', missing: 'no unit made' },
  utilisation: { label: 'Utilisation', unit: '%', scale: 100, digits: 1, definition: '(Processing + setup) ÷ planned production time.', missing: 'no planned production time' },
} satisfies Record<string, KpiSpec>;

export type KpiKey = keyof typeof KPIS;

/** "12.3 ± 0.4 h" (no ± from one value); "—" when there is no number. */
export function kpiText(spec: KpiSpec, interval: Interval | null | undefined, options: { unit?: boolean; signed?: boolean } = {}): string {
  if (!interval || !Number.isFinite(interval.mean)) return '—';
  const f = (v: number) => `${options.signed && v * spec.scale > 0 ? '+' : ''}${(v * spec.scale).toFixed(spec.digits)}`;
  const unit = options.unit === false ? '' : ` ${spec.unit === '%' && options.signed ? 'pt' : spec.unit}`;
  return `${f(interval.mean)}${Number.isFinite(interval.halfWidth) ? ` ± ${(interval.halfWidth * spec.scale).toFixed(spec.digits)}` : ''}${unit}`;
}

/** A KPI's value with its definition as the tooltip; "—" with the reason when there is no number. */
export function KpiValue({ kpi, interval, testId, unit = true }: { kpi: KpiSpec; interval: Interval | null | undefined; testId?: string; unit?: boolean }) {
  const missing = !interval || !Number.isFinite(interval.mean);
  return (
    <span className={missing ? 'kpi-missing' : undefined} data-testid={testId} title={missing ? `No value: ${kpi.missing}.` : undefined}>
      {kpiText(kpi, interval, { unit })}
      {missing && <span className="kpi-why"> ({kpi.missing})</span>}
    </span>
  );
}

/** A KPI's name with its definition on hover and focus. */
export function KpiLabel({ kpi, children }: { kpi: KpiSpec; children?: string }) {
  return <abbr className="kpi-label" title={kpi.definition}>{children ?? kpi.label}</abbr>;
}

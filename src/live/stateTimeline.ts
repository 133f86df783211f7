import { MACHINE_STATES, type MachineState } from '../model/machineState.ts';
import { NO_STATE, NO_TEXT, stateCode, type StateColumns } from './stateColumns.ts';
import { STATE_TO_OEE } from './stateMapping.ts';

/**
 * The one KPI implementation for simulated, live and recorded states: time in state, downtime
 * Pareto by reason and OEE over a window [t0, t1], computed from state events in columns.
 * A state holds from its event until the next state event of the same equipment; before an
 * equipment's first state event its state is unknown. Counts (good, scrap) are cumulative
 * counters; increments are counted while the data is continuous, not across an unknown gap. Events may come in any order: each
 * equipment's events are taken in timestamp order (ties in arrival order).
 */

export type TimeInState = Record<MachineState, number>;

export interface KpiOptions {
  /** Window, milliseconds since the epoch. */
  t0: number;
  t1: number;
  /** Ideal cycle time per unit (ms), for all equipment or per equipment id; performance needs it. */
  idealCycleMs?: number | Readonly<Record<string, number>>;
  /** Which states' time the Pareto ranks by reason; default down only. */
  paretoStates?: readonly MachineState[];
}

export interface Oee {
  /** Actual production time / planned busy time (ISO 22400). */
  availability?: number;
  /** Ideal cycle × units produced / actual production time. */
  performance?: number;
  /** Good / (good + scrap). */
  quality?: number;
  oee?: number;
}

export interface EquipmentKpis extends Oee {
  equipment: string;
  /** Milliseconds in each state within the window. */
  timeInState: TimeInState;
  plannedBusyMs: number;
  operatingMs: number;
  good: number;
  scrap: number;
  /** How often the equipment entered `down`. */
  breakdowns: number;
}

export interface ParetoEntry {
  state: MachineState;
  reason: string;
  ms: number;
  occurrences: number;
}

export interface KpiResult extends Oee {
  t0: number;
  t1: number;
  equipment: EquipmentKpis[];
  /** Summed over all equipment. */
  timeInState: TimeInState;
  /** Largest loss first. */
  pareto: ParetoEntry[];
}

export const NO_REASON = '(no reason given)';

function zeroTimes(): TimeInState {
  return Object.fromEntries(MACHINE_STATES.map((s) => [s, 0])) as TimeInState;
}

/** Row indices grouped by equipment, each group in timestamp order. */
function rowsByEquipment(c: StateColumns): Int32Array[] {
  const counts = new Int32Array(c.equipmentIds.length);
  for (let i = 0; i < c.length; i++) counts[c.equipment[i]!]!++;
  const groups = Array.from(counts, (n) => new Int32Array(n));
  const fill = new Int32Array(c.equipmentIds.length);
  for (let i = 0; i < c.length; i++) {
    const k = c.equipment[i]!;
    groups[k]![fill[k]!++] = i;
  }
  for (const g of groups) {
    let sorted = true;
    for (let j = 1; j < g.length && sorted; j++) sorted = c.time[g[j - 1]!]! <= c.time[g[j]!]!;
    if (!sorted) g.sort((a, b) => c.time[a]! - c.time[b]! || a - b);
  }
  return groups;
}

/** Cumulative counter increments; a counter that goes down was reset and counts from zero again. */
class Counter {
  private last = Number.NaN;
  total = 0;

  /** After a gap in the data the next value is a new baseline: what was made in the gap is not attributable. */
  restart(): void {
    this.last = Number.NaN;
  }

  see(value: number, inWindow: boolean): void {
    if (Number.isNaN(value)) return;
    if (!Number.isNaN(this.last) && inWindow) this.total += value >= this.last ? value - this.last : value;
    this.last = value;
  }
}

function idealCycleOf(options: KpiOptions, equipment: string): number | undefined {
  const ideal = options.idealCycleMs;
  if (typeof ideal === 'number') return ideal;
  return ideal?.[equipment];
}

function oeeOf(operatingMs: number, plannedBusyMs: number, good: number, scrap: number, idealMs: number | undefined): Oee {
  const out: Oee = {};
  if (plannedBusyMs > 0) out.availability = operatingMs / plannedBusyMs;
  if (idealMs !== undefined && operatingMs > 0) out.performance = (idealMs * (good + scrap)) / operatingMs;
  if (good + scrap > 0) out.quality = good / (good + scrap);
  if (out.availability !== undefined && out.performance !== undefined && out.quality !== undefined) {
    out.oee = out.availability * out.performance * out.quality;
  }
  return out;
}

export function stateKpis(c: StateColumns, options: KpiOptions): KpiResult {
  const { t0, t1 } = options;
  const paretoCodes = new Set((options.paretoStates ?? ['down']).map(stateCode));
  const pareto = new Map<string, ParetoEntry>();
  const total = zeroTimes();
  const equipment: EquipmentKpis[] = [];
  const unknown = stateCode('unknown');
  const down = stateCode('down');
  let idealWork = 0;
  let idealKnown = true;

  rowsByEquipment(c).forEach((rows, k) => {
    const id = c.equipmentIds[k]!;
    const times = new Float64Array(MACHINE_STATES.length);
    const good = new Counter();
    const scrap = new Counter();
    let state = unknown;
    let reason = NO_TEXT;
    let since = t0;
    let breakdowns = 0;
    const close = (until: number): void => {
      const from = Math.max(since, t0);
      const to = Math.min(until, t1);
      if (to <= from) return;
      times[state]! += to - from;
      if (paretoCodes.has(state)) {
        const state_ = MACHINE_STATES[state]!;
        const text = reason === NO_TEXT ? NO_REASON : c.texts[reason]!;
        const key = `${state_}\u0000${text}`;
        const entry = pareto.get(key) ?? { state: state_, reason: text, ms: 0, occurrences: 0 };
        entry.ms += to - from;
        if (since >= t0) entry.occurrences++;
        pareto.set(key, entry);
      }
    };
    for (const i of rows) {
      const t = c.time[i]!;
      const inWindow = t >= t0 && t <= t1;
      const s = c.state[i]!;
      if (s !== NO_STATE && (s !== state || c.reason[i] !== reason)) {
        close(t);
        if (s === down && state !== s && inWindow) breakdowns++;
        if (s === unknown && state !== s) {
          good.restart();
          scrap.restart();
        }
        state = s;
        reason = c.reason[i]!;
        since = t;
      }
      good.see(c.good[i]!, inWindow);
      scrap.see(c.scrap[i]!, inWindow);
    }
    close(t1);
    const timeInState = zeroTimes();
    let plannedBusyMs = 0;
    let operatingMs = 0;
    MACHINE_STATES.forEach((name, j) => {
      const ms = times[j]!;
      timeInState[name] = ms;
      total[name] += ms;
      const category = STATE_TO_OEE[name];
      if (category === 'operating') operatingMs += ms;
      if (category !== 'excluded' && category !== 'no data') plannedBusyMs += ms;
    });
    const ideal = idealCycleOf(options, id);
    if (ideal === undefined) idealKnown = idealKnown && good.total + scrap.total === 0;
    else idealWork += ideal * (good.total + scrap.total);
    equipment.push({
      equipment: id, timeInState, plannedBusyMs, operatingMs, good: good.total, scrap: scrap.total, breakdowns,
      ...oeeOf(operatingMs, plannedBusyMs, good.total, scrap.total, ideal),
    });
  });

  const sum = (f: (e: EquipmentKpis) => number): number => equipment.reduce((a, e) => a + f(e), 0);
  const operating = sum((e) => e.operatingMs);
  const plant = oeeOf(operating, sum((e) => e.plannedBusyMs), sum((e) => e.good), sum((e) => e.scrap), undefined);
  if (idealKnown && operating > 0 && idealWork > 0) {
    plant.performance = idealWork / operating;
    if (plant.availability !== undefined && plant.quality !== undefined) plant.oee = plant.availability * plant.performance * plant.quality;
  }
  return {
    t0, t1, equipment, timeInState: total,
    pareto: [...pareto.values()].sort((a, b) => b.ms - a.ms || a.reason.localeCompare(b.reason)),
    ...plant,
  };
}

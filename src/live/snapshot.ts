import { minutesBetween } from '../model/calendar.ts';
import type { Layout } from '../model/layoutSchema.ts';
import { MACHINE_STATES, type MachineState } from '../model/machineState.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import type { EquipmentLive } from './liveStates.ts';
import { recordedJobAt, recordedStateAt, type RecordingIndex } from './recordingIndex.ts';
import { NO_STATE } from './stateColumns.ts';

export type Snapshot = Extract<Scenario['startState'], { kind: 'snapshot' }>;

/** What one piece of equipment was seen doing at the snapshot's instant. */
export interface Observed {
  id: string;
  state: MachineState;
  order?: string;
  operation?: string;
}

/** Each recorded equipment's state, order and operation at `ms` (equipment with no state yet left out). */
export function observedInRecording(index: RecordingIndex, ms: number): Observed[] {
  const out: Observed[] = [];
  index.equipmentIds.forEach((id, k) => {
    const code = recordedStateAt(index, k, ms);
    if (code === NO_STATE) return;
    out.push({ id, state: MACHINE_STATES[code]!, ...recordedJobAt(index, k, ms) });
  });
  return out;
}

/** The live states that are fresh: a stale state is a guess, and a snapshot must not start from guesses. */
export function observedLive(states: readonly EquipmentLive[]): Observed[] {
  return states.filter((s) => !s.stale && s.state !== undefined).map((s) => ({
    id: s.equipment, state: s.state!,
    ...(s.order !== undefined ? { order: s.order } : {}),
    ...(s.operation !== undefined ? { operation: s.operation } : {}),
  }));
}

/** Every equipment id of a layout, in tree order. */
export function layoutEquipmentIds(layout: Layout): string[] {
  return layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment.map((e) => e.id))));
}

export interface SnapshotResult {
  snapshot: Snapshot;
  /** What was seen but cannot go into the scenario, one line each (unknown equipment, order or operation). */
  dropped: string[];
}

/**
 * A scenario start state from observed machine states. Equipment the layout lacks and unknown
 * states are left out; an order the scenario lacks, or an operation not in its order's routing,
 * is dropped from that equipment (the state stays). The setup is that of the order's product (the
 * last job run stays set up). The observations hold no remaining times or queue contents: the
 * simulation draws remaining times and starts with empty queues.
 */
export function buildSnapshot(scenario: Scenario, layout: Layout, observed: readonly Observed[], timeIso: string): SnapshotResult {
  const equipment = new Set(layoutEquipmentIds(layout));
  const routings = new Map(scenario.routings.map((r) => [r.id, new Set(r.operations.map((op) => op.id))]));
  const products = new Map(scenario.products.map((p) => [p.id, p.routing]));
  const operationsOf = new Map(scenario.orders.map((o) => [o.id, routings.get(products.get(o.product) ?? '') ?? new Set<string>()]));
  const productOf = new Map(scenario.orders.map((o) => [o.id, scenario.products.find((p) => p.id === o.product)]));
  const dropped: string[] = [];
  const seen = new Set<string>();
  const entries: Snapshot['equipment'] = [];
  for (const o of observed) {
    if (!equipment.has(o.id)) {
      dropped.push(`${o.id}: not in the layout`);
      continue;
    }
    if (o.state === 'unknown' || seen.has(o.id)) continue;
    seen.add(o.id);
    const entry: Snapshot['equipment'][number] = { id: o.id, state: o.state };
    const operations = o.order === undefined ? undefined : operationsOf.get(o.order);
    if (o.order !== undefined && !operations) dropped.push(`${o.id}: order ${o.order} is not in the scenario`);
    if (operations && o.order !== undefined) {
      entry.order = o.order;
      const key = setupKeyOf(scenario, o.id, productOf.get(o.order));
      if (key !== undefined) entry.setupKey = key;
      if (o.operation !== undefined && operations.has(o.operation)) entry.operation = o.operation;
      else if (o.operation !== undefined) dropped.push(`${o.id}: operation ${o.operation} is not in the routing of order ${o.order}`);
    }
    entries.push(entry);
  }
  return { snapshot: { kind: 'snapshot', time: timeIso, equipment: entries, wip: [] }, dropped };
}

type Product = Scenario['products'][number];

/** The key the equipment's (first) changeover matrix gives the product: its family or the matrix's attribute. */
function setupKeyOf(scenario: Scenario, equipment: string, product: Product | undefined): string | undefined {
  const matrix = product && scenario.setupMatrices.find((m) => m.equipment.includes(equipment));
  if (!matrix || !product) return undefined;
  const value = matrix.attribute === 'family' ? product.family : product.attributes[matrix.attribute];
  return value !== undefined && matrix.keys.includes(value) ? value : undefined;
}

/**
 * The scenario started from `snapshot` and simulated `hours` beyond it. The scenario's start stays
 * (orders, calendars and maintenance are dated from it); the horizon, counted from that start,
 * reaches `hours` past the snapshot, and nothing before the snapshot is warm-up.
 */
export function scenarioFromSnapshot(scenario: Scenario, snapshot: Snapshot, hours: number): Scenario {
  const from = Math.max(0, minutesBetween(scenario.start, snapshot.time));
  return {
    ...scenario,
    startState: snapshot,
    experiment: { ...scenario.experiment, horizon: from + hours * 60, warmup: 0 },
  };
}

import { minutesBetween } from '../../model/calendar.ts';
import { distributionMean, type Distribution } from '../../model/common.ts';
import type { Plant } from '../../model/load.ts';
import type { EquipmentType, Layout } from '../../model/layoutSchema.ts';
import type { Scenario } from '../../model/scenarioSchema.ts';
import { PathGraph } from './pathGraph.ts';
import { keysFromSnapshot } from './setups.ts';

/**
 * A scenario turned into arrays indexed by number, built once per plant and shared by every
 * replication: the simulation then never looks an id up in a map on its hot path.
 *
 * It is also the one reading of a plant that the simulator and the scheduler share (solver/
 * imports it): which equipment may run what and how long it takes (`plannedTimes.ts`), what a
 * changeover costs (`setups.ts`, `setupFamilies.ts`), when equipment and operators may work
 * (`availability.ts`), what a move costs (`moves.ts`). Two engines reading the scenario each in
 * its own way would disagree on some plant; one compiled form cannot.
 */
export interface CompiledPlant {
  scenario: Scenario;
  layout: Layout;
  equipment: EquipmentSpec[];
  equipmentIndex: ReadonlyMap<string, number>;
  lines: LineSpec[];
  products: ProductSpec[];
  routings: RoutingSpec[];
  orders: OrderSpec[];
  orderIndex: ReadonlyMap<string, number>;
  /** Calendar ids in scenario order; equipment and operator pools refer to them by index. */
  calendars: Scenario['calendars'];
  operatorPools: OperatorPoolSpec[];
  /** The fleet every move uses, or undefined when the scenario has no transport (moves take no time). */
  fleet: FleetSpec | undefined;
  paths: PathGraph;
  /** Setup families: products with the same key in every setup matrix share one (see setupFamilies.ts). */
  setupFamilies: { of: Int32Array; count: number };
  /** Minute the plant starts from: 0, or a snapshot's time. */
  startTime: number;
}

export interface LineSpec {
  id: string;
  name: string;
  area: string;
}

export interface EquipmentSpec {
  index: number;
  id: string;
  name: string;
  type: EquipmentType;
  line: number;
  /** Path-graph node where lots are picked up and dropped off. */
  node: number;
  /** Units; Infinity when the layout sets no limit. */
  inputCapacity: number;
  outputCapacity: number;
  calendar: number;
  batch: BatchSpec | undefined;
  setups: SetupSpec[];
  energy: Scenario['energy'][number]['kW'] | undefined;
  failures: Scenario['failures'];
  /** Planned maintenance as [start, end) minute windows from the scenario start, repeats expanded lazily. */
  maintenance: { start: number; duration: number; repeatEvery: number }[];
  /** Whether some routing can send work here; unused equipment (stores, racks) only idles. */
  used: boolean;
  /** What it is set up for at the start, one key index per entry of `setups` (NO_KEY = nothing yet). */
  startKeys: Int32Array;
}

export interface BatchSpec {
  capacity: number;
  /** Minutes a partial batch may wait for more units; Infinity = start a partial batch at once. */
  maxWait: number;
  /** Product index → batch key (equal keys may share a batch). */
  keyOf: Int32Array;
}

export interface SetupSpec {
  matrix: string;
  keys: readonly string[];
  /** Product index → row/column of its attribute value; -1 when the product never runs here. */
  keyOf: Int32Array;
  /** times[from * n + to] */
  times: Float64Array;
  n: number;
  initial: number;
}

export interface EligibleSpec {
  equipment: number;
  time: Distribution;
  mean: number;
}

export interface OperationSpec {
  id: string;
  routing: number;
  index: number;
  eligible: EligibleSpec[];
  setupSkill: string | undefined;
  runSkill: string | undefined;
  yield: number;
  /** Must run within one window of working time without maintenance (it starts only where it fits). */
  uninterruptible: boolean;
  /** Index of the rework operation in the same routing, or -1. */
  reworkTo: number;
  reworkFraction: number;
  /** Expected work from this operation to the end of the routing: perUnit × quantity + fixed (batches). */
  remainingPerUnit: number;
  remainingFixed: number;
}

export interface RoutingSpec {
  id: string;
  operations: OperationSpec[];
  operationIndex: ReadonlyMap<string, number>;
}

export interface ProductSpec {
  index: number;
  id: string;
  family: string;
  attributes: Readonly<Record<string, string>>;
  routing: number;
}

export interface OrderSpec {
  index: number;
  id: string;
  product: number;
  quantity: number;
  /** Minutes from the scenario start. */
  release: number;
  due: number;
  priority: number;
  /** Late material: the chance and size of a delay of the release, or undefined (released on time). */
  releaseDelay: { probability: number; delay: Distribution } | undefined;
}

export interface OperatorPoolSpec {
  id: string;
  count: number;
  skills: readonly string[];
  /** Calendar index, or -1 when the pool is always there. */
  calendar: number;
}

export interface FleetSpec {
  id: string;
  count: number;
  /** Metres per minute. */
  speed: number;
  handlingTime: number;
  capacity: number;
}

const compiled = new WeakMap<Plant, CompiledPlant>();

/** The compiled form of a loaded plant with a scenario; cached per plant object. */
export function compilePlant(plant: Plant): CompiledPlant {
  const cached = compiled.get(plant);
  if (cached) return cached;
  const scenario = plant.scenario;
  if (!scenario) throw new Error('compilePlant: the plant has no scenario (load a scenario, not only a layout)');
  const result = compile(scenario, plant.layout);
  compiled.set(plant, result);
  return result;
}

/** Indices of the operator pools that have `skill`, in scenario order (the order requests try them in). */
export function poolsWithSkill(plant: CompiledPlant, skill: string): number[] {
  return plant.operatorPools.flatMap((p, i) => (p.skills.includes(skill) ? [i] : []));
}

export function attributeValue(product: ProductSpec, attribute: string): string | undefined {
  return attribute === 'family' ? product.family : Object.hasOwn(product.attributes, attribute) ? product.attributes[attribute] : undefined;
}

function compile(scenario: Scenario, layout: Layout): CompiledPlant {
  const paths = new PathGraph(layout.paths);
  const lines: LineSpec[] = [];
  const equipment: EquipmentSpec[] = [];
  const calendarIndex = new Map(scenario.calendars.map((c, i) => [c.id, i]));
  const defaultCalendar = calendarIndex.get(scenario.equipmentCalendars.default) ?? 0;
  for (const area of layout.site.areas) {
    for (const line of area.lines) {
      lines.push({ id: line.id, name: line.name, area: area.id });
      for (const cell of line.cells) {
        for (const e of cell.equipment) {
          const override = scenario.equipmentCalendars.overrides[e.id];
          equipment.push({
            index: equipment.length, id: e.id, name: e.name, type: e.type, line: lines.length - 1,
            node: paths.nodeOfEquipment(e.id, e.position),
            inputCapacity: e.inputBuffer ?? Infinity,
            outputCapacity: e.outputBuffer ?? Infinity,
            calendar: (override !== undefined ? calendarIndex.get(override) : undefined) ?? defaultCalendar,
            batch: undefined, setups: [], energy: undefined, failures: [], maintenance: [], used: false, startKeys: new Int32Array(0),
          });
        }
      }
    }
  }
  const equipmentIndex = new Map(equipment.map((e) => [e.id, e.index]));
  const products: ProductSpec[] = scenario.products.map((p, index) => ({
    index, id: p.id, family: p.family, attributes: p.attributes, routing: scenario.routings.findIndex((r) => r.id === p.routing),
  }));

  for (const b of scenario.batchEquipment) {
    const e = equipment[equipmentIndex.get(b.equipment) ?? -1];
    if (!e) continue;
    const keys = new Map<string, number>();
    const keyOf = Int32Array.from(products, (p) => {
      const value = attributeValue(p, b.by) ?? '';
      let key = keys.get(value);
      if (key === undefined) keys.set(value, (key = keys.size));
      return key;
    });
    e.batch = { capacity: b.capacity, maxWait: b.maxWait ?? Infinity, keyOf };
  }
  for (const m of scenario.setupMatrices) {
    const n = m.keys.length;
    const keyIndex = new Map(m.keys.map((k, i) => [k, i]));
    const spec: SetupSpec = {
      matrix: m.id, keys: m.keys, n, initial: m.initial,
      keyOf: Int32Array.from(products, (p) => keyIndex.get(attributeValue(p, m.attribute) ?? '') ?? -1),
      times: Float64Array.from({ length: n * n }, (_, k) => m.times[Math.floor(k / n)]?.[k % n] ?? 0),
    };
    for (const id of m.equipment) equipment[equipmentIndex.get(id) ?? -1]?.setups.push(spec);
  }
  const snapshot = scenario.startState.kind === 'snapshot' ? scenario.startState : undefined;
  for (const e of equipment) e.startKeys = keysFromSnapshot(e.setups, snapshot?.equipment.find((s) => s.id === e.id)?.setupKey);
  for (const f of scenario.failures) for (const id of f.equipment) equipment[equipmentIndex.get(id) ?? -1]?.failures.push(f);
  for (const profile of scenario.energy) {
    for (const id of profile.equipment) {
      const e = equipment[equipmentIndex.get(id) ?? -1];
      if (e) e.energy = profile.kW;
    }
  }
  for (const m of scenario.maintenance) {
    equipment[equipmentIndex.get(m.equipment) ?? -1]?.maintenance.push({
      start: minutesBetween(scenario.start, m.start), duration: m.duration, repeatEvery: m.repeatEvery ?? Infinity,
    });
  }

  const routings = scenario.routings.map((r, routingIndex) => compileRouting(r, routingIndex, equipment, equipmentIndex));
  const orders: OrderSpec[] = scenario.orders.map((o, index) => {
    const delay = scenario.releaseDelays.find((d) => d.products === undefined || d.products.includes(o.product));
    return {
      index, id: o.id, product: products.findIndex((p) => p.id === o.product), quantity: o.quantity,
      release: minutesBetween(scenario.start, o.release), due: minutesBetween(scenario.start, o.due), priority: o.priority,
      releaseDelay: delay && delay.probability > 0 ? { probability: delay.probability, delay: delay.delay } : undefined,
    };
  });
  const operatorPools = scenario.operators.map((p) => ({
    id: p.id, count: p.count, skills: p.skills, calendar: p.calendar === undefined ? -1 : calendarIndex.get(p.calendar) ?? -1,
  }));
  const fleetInput = scenario.transport?.fleets.find((f) => f.id === scenario.transport?.default);
  const fleet = fleetInput && {
    id: fleetInput.id, count: fleetInput.count, speed: fleetInput.speed * 60, handlingTime: fleetInput.handlingTime, capacity: fleetInput.capacity,
  };
  return {
    scenario, layout, equipment, equipmentIndex, lines, products, routings, orders,
    orderIndex: new Map(orders.map((o) => [o.id, o.index])),
    calendars: scenario.calendars, operatorPools, fleet, paths,
    setupFamilies: familiesOf(products, scenario.setupMatrices.map((m) => m.attribute), scenario.setupMatrices.map((m) => m.keys)),
    startTime: snapshot ? Math.max(0, minutesBetween(scenario.start, snapshot.time)) : 0,
  };
}

/** Products with the same key (or the same lack of one) in every setup matrix form one family. */
function familiesOf(products: readonly ProductSpec[], attributes: readonly string[], keys: readonly (readonly string[])[]): { of: Int32Array; count: number } {
  const signatures = new Map<string, number>();
  const of = Int32Array.from(products, (p) => {
    const signature = attributes.map((a, m) => keys[m]!.indexOf(attributeValue(p, a) ?? '\u0000')).join(',');
    let family = signatures.get(signature);
    if (family === undefined) signatures.set(signature, (family = signatures.size));
    return family;
  });
  return { of, count: signatures.size };
}

function compileRouting(
  routing: Scenario['routings'][number], routingIndex: number, equipment: EquipmentSpec[], equipmentIndex: ReadonlyMap<string, number>,
): RoutingSpec {
  const operationIndex = new Map(routing.operations.map((op, i) => [op.id, i]));
  const operations = routing.operations.map((op, index): OperationSpec => {
    const eligible = op.equipment.flatMap((e) => {
      const spec = equipment[equipmentIndex.get(e.equipment) ?? -1];
      if (!spec) return [];
      spec.used = true;
      return [{ equipment: spec.index, time: e.time, mean: distributionMean(e.time) }];
    });
    return {
      id: op.id, routing: routingIndex, index, eligible, setupSkill: op.setupSkill, runSkill: op.runSkill,
      uninterruptible: op.uninterruptible, yield: op.yield, reworkTo: op.rework ? operationIndex.get(op.rework.operation) ?? -1 : -1,
      reworkFraction: op.rework?.fraction ?? 0, remainingPerUnit: 0, remainingFixed: 0,
    };
  });
  // Expected remaining work (for ATCS slack): each operation's mean time averaged over its
  // eligible equipment; batch equipment counts one batch, whatever the quantity.
  let perUnit = 0;
  let fixed = 0;
  for (let i = operations.length - 1; i >= 0; i--) {
    const op = operations[i]!;
    let u = 0;
    let f = 0;
    for (const e of op.eligible) {
      if (equipment[e.equipment]?.batch) f += e.mean;
      else u += e.mean;
    }
    const count = Math.max(1, op.eligible.length);
    perUnit += u / count;
    fixed += f / count;
    op.remainingPerUnit = perUnit;
    op.remainingFixed = fixed;
  }
  return { id: routing.id, operations, operationIndex };
}

import { expandWindows, isoAt, minutesBetween, subtractWindows, workingIntervals, type Interval } from '../../src/model/calendar.ts';
import { indexLayout } from '../../src/model/layoutIndex.ts';
import type { Plant } from '../../src/model/load.ts';
import type { Schedule } from '../../src/model/scheduleSchema.ts';
import { compilePlant, type CompiledPlant, type EquipmentSpec, type SetupSpec } from '../../src/sim/plant/compiledPlant.ts';
import { emptyDriveMinutes, moveMinutes, needsVehicle } from '../../src/sim/plant/moves.ts';
import { familyChangeovers } from '../../src/sim/plant/setupFamilies.ts';
import type { Job, Mode, Operation, SchedulingProblem } from '../problem.ts';
import { WorkingTime, type IntervalSource } from './workingTime.ts';

/** An operation the solver must leave where it is: running now (frozen) or placed by hand (locked). */
export interface FixedOperation {
  kind: 'frozen' | 'locked';
  machine: number;
  /** Frozen: the plan start. Locked: the planned begin (its changeover's start, else its start). */
  begin: number;
  /** Frozen: minutes of changeover left (snapshot in setup), else 0 — then the run follows. */
  setupLeft: number;
}

/** What the plant adds to a machine beyond the job-shop model. */
export interface PlantMachine {
  id: string;
  /** Working time: the calendar minus planned maintenance (and a snapshot's repair or maintenance left). */
  availability: WorkingTime;
  /** Maintenance windows and the calendar's intervals, for the checker and displays. */
  maintenanceWindows: (from: number, to: number) => Interval[];
  calendarIntervals: (from: number, to: number) => Interval[];
  /** Batch equipment: units per batch, minutes a lot may wait for partners, batch key per product. */
  batch: { capacity: number; maxWait: number; keyOf: Int32Array } | null;
  /** The compiled plant's setup matrices of this equipment (the simulator's setupTime/applySetup read them). */
  setups: readonly SetupSpec[];
  /** Keys it is set up for at the plan start, per matrix (-1: nothing yet). */
  initialKeys: Int32Array;
  /** Units; Infinity when unlimited. */
  inputCapacity: number;
  outputCapacity: number;
  /** ISA-95 line (index in the layout), for keeping a lot on its line when choosing equipment. */
  line: number;
  /** Where it is in the layout (`file: site.areas[0]…equipment[2]`), for messages; "" when there is no layout. */
  layoutPath: string;
}

export interface PlantPool {
  id: string;
  count: number;
  /** Null when the pool is always there. */
  availability: WorkingTime | null;
  calendarIntervals: ((from: number, to: number) => Interval[]) | null;
}

/** Plant constraints per operation and per resource, beside the job-shop model. */
export interface PlantData {
  /** Per operation: product index (setup and batch keys), units, skills (-1: none), uninterruptible. */
  product: Int32Array;
  quantity: Float64Array;
  setupSkill: Int32Array;
  runSkill: Int32Array;
  uninterruptible: Uint8Array;
  /**
   * Per operation: where its lot comes from when it has no predecessor in the plan — -1 when it
   * is released (or waits in front of its machine already), else the machine it finished on
   * (a snapshot's blocked lot), which sets the transport lag.
   */
  origin: Int32Array;
  /** Per operation: 1 when a snapshot's lot waits in front of its machine at the plan start. */
  waiting: Uint8Array;
  machines: PlantMachine[];
  pools: PlantPool[];
  skills: string[];
  /** Per skill: the pools that have it, in scenario order (the order operators are asked for). */
  skillPools: Int32Array[];
  /** Planned minutes of a move from machine a to b: lag[a * m + b]. */
  lag: Float64Array;
  /** Minutes after a move is granted until the lot leaves its output buffer (a vehicle has come). */
  pickup: Float64Array;
  /** Vehicles of the fleet moves with a lag take (0 without transport): moves wait for a free one, oldest request first. */
  vehicles: number;
}

/**
 * A plant's open orders as the solver's problem: the job-shop model (`problem`: operations with
 * their eligible machines and working minutes, routing precedence, release, due date, priority,
 * setup families for estimates and bounds) plus the plant constraints (`plant`), the fixed
 * operations and the names to write a schedule back. Times are minutes from the scenario start.
 */
export interface PlantProblem {
  problem: SchedulingProblem;
  plant: PlantData;
  scenario: string;
  startIso: string;
  /** Earliest start of any work: the snapshot's time, or 0. */
  planStart: number;
  equipment: string[];
  /** Per job: the order it makes. */
  orders: { id: string; product: string; quantity: number }[];
  /** Per operation: the routing operation's id. */
  operationIds: string[];
  /** Per machine and setup family: the changeover key(s) shown in schedules ("" when the machine has no matrix). */
  familyLabels: string[][];
  /** Per operation: null, or where it must stay. */
  fixed: (FixedOperation | null)[];
  /** Locks of the previous schedule that could not be kept as they were, with the reason. */
  droppedLocks: string[];
}

export interface PlantProblemOptions {
  /** A previous schedule whose `locked` operations stay where they are. */
  previous?: Schedule;
}

/** A problem the plant as given cannot be scheduled with (refused before solving). */
export class PlantProblemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlantProblemError';
  }
}

const RUNNING = new Set(['processing', 'setup']);

/**
 * Builds the problem from a loaded plant (layout + scenario) through the compiled plant the
 * simulator uses, so both agree on eligibility, times, setups, batches, calendars, maintenance,
 * operators and transport.
 *
 * - One operation per (order, routing operation) still to do; every unit of the order goes
 *   through every operation (with randomness off the simulator makes every unit good).
 * - Duration on a machine: mean unit time × quantity, or one batch time on batch equipment.
 * - Setup families are the distinct combinations of a product's keys over all matrices; their
 *   matrices (for estimates and bounds) add up where several matrices list a machine. The exact
 *   changeover is computed from the keys, as in the simulator.
 * - A snapshot: operations running on a machine are frozen there; lots waiting in front of a
 *   machine must run there; a blocked lot moves on from its machine; earlier operations are done.
 */
export function plantProblem(plantInput: Plant, options: PlantProblemOptions = {}): PlantProblem {
  const cp = compilePlant(plantInput);
  const scenario = cp.scenario;
  const snapshot = scenario.startState.kind === 'snapshot' ? scenario.startState : null;
  const planStart = snapshot ? Math.max(0, minutesBetween(scenario.start, snapshot.time)) : 0;

  // Machines: every piece of equipment some routing operation may use, in layout order.
  const machineOfSpec = new Int32Array(cp.equipment.length).fill(-1);
  const specs: EquipmentSpec[] = [];
  for (const e of cp.equipment) if (e.used) { machineOfSpec[e.index] = specs.length; specs.push(e); }
  const m = specs.length;
  const equipment = specs.map((e) => e.id);

  // Setup families (products with the same key in every matrix) and their changeovers, as the simulator charges them.
  const familyOfProduct = cp.setupFamilies.of;
  const F = Math.max(1, cp.setupFamilies.count);
  const productOfFamily = new Int32Array(F);
  familyOfProduct.forEach((f, p) => { productOfFamily[f] = p; });
  const changeovers = specs.map((e) => familyChangeovers(cp, e.index));
  const matrix = changeovers.map((x) => Array.from(x.minutes));
  const familyLabels = specs.map((e) => Array.from({ length: F }, (_, f) => e.setups.map((s) => s.keys[s.keyOf[productOfFamily[f] as number] as number] ?? '').filter((x) => x !== '').join('+')));

  // Snapshot: operations done, running, waiting or blocked.
  const firstOpen = new Map<number, number>();
  const raise = (order: number, k: number): void => { if (k > (firstOpen.get(order) ?? 0)) firstOpen.set(order, k); };
  const opIndexOf = (orderId: string | undefined, opId: string | undefined): [number, number] => {
    const o = orderId === undefined ? undefined : cp.orderIndex.get(orderId);
    if (o === undefined || opId === undefined) return [-1, -1];
    const routing = cp.routings[cp.products[cp.orders[o]!.product]!.routing]!;
    return [o, routing.operationIndex.get(opId) ?? -1];
  };
  const running = new Map<string, { machine: number; state: string; remaining: number | undefined }>();
  const waitingAt = new Map<string, number>();
  const blockedAt = new Map<string, number>();
  for (const w of snapshot?.wip ?? []) {
    const [o, k] = opIndexOf(w.order, w.operation);
    if (k < 0) continue;
    raise(o, k);
    const at = cp.equipmentIndex.get(w.at);
    if (at !== undefined && machineOfSpec[at]! >= 0) waitingAt.set(`${o}/${k}`, machineOfSpec[at]!);
  }
  for (const e of snapshot?.equipment ?? []) {
    const [o, k] = opIndexOf(e.order, e.operation);
    if (k < 0) continue;
    const spec = cp.equipmentIndex.get(e.id);
    const km = spec === undefined ? -1 : machineOfSpec[spec]!;
    if (RUNNING.has(e.state)) {
      raise(o, k);
      if (km >= 0) running.set(`${o}/${k}`, { machine: km, state: e.state, remaining: e.remaining });
    } else if (e.state === 'blocked') {
      raise(o, k + 1);
      if (km >= 0) blockedAt.set(`${o}/${k + 1}`, km);
    }
  }

  const locked = new Map((options.previous?.operations ?? []).filter((o) => o.locked).map((o) => [`${o.order}/${o.operation}`, o]));
  const droppedLocks: string[] = [];
  const jobs: Job[] = [];
  const operations: Operation[] = [];
  const operationIds: string[] = [];
  const orders: PlantProblem['orders'] = [];
  const fixed: (FixedOperation | null)[] = [];
  const product: number[] = [];
  const quantity: number[] = [];
  const setupSkill: number[] = [];
  const runSkill: number[] = [];
  const uninterruptible: number[] = [];
  const origin: number[] = [];
  const waiting: number[] = [];
  const skills: string[] = [];
  const skillIndex = new Map<string, number>();
  const skillOf = (s: string | undefined): number => {
    if (s === undefined || !cp.operatorPools.some((p) => p.skills.includes(s))) return -1;
    let i = skillIndex.get(s);
    if (i === undefined) { i = skills.length; skills.push(s); skillIndex.set(s, i); }
    return i;
  };
  // Operations of one routing step and lot size share one modes list (never changed once made):
  // at 100,000 orders that is ~100 MB less than a list per operation.
  const modesBySpec = new Map<object, Map<number, Mode[]>>();
  const sharedModes = (spec: object, q: number, make: () => Mode[]): Mode[] => {
    let byQuantity = modesBySpec.get(spec);
    if (byQuantity === undefined) { byQuantity = new Map(); modesBySpec.set(spec, byQuantity); }
    let modes = byQuantity.get(q);
    if (modes === undefined) { modes = make(); byQuantity.set(q, modes); }
    return modes;
  };
  for (const order of cp.orders) {
    const prod = cp.products[order.product];
    const routing = prod && cp.routings[prod.routing];
    if (!prod || !routing) continue;
    const j = jobs.length;
    const ids: number[] = [];
    const release = Math.max(planStart, order.release);
    // The order's lots: one at first; batch equipment smaller than a lot splits it (as the simulator does on arrival).
    let lots: { quantity: number; prev: number }[] = [{ quantity: order.quantity, prev: -1 }];
    for (let k = firstOpen.get(order.index) ?? 0; k < routing.operations.length; k++) {
      const spec = routing.operations[k]!;
      const key = `${order.index}/${k}`;
      const eligible = spec.eligible.filter((e) => (machineOfSpec[e.equipment] as number) >= 0);
      if (eligible.length === 0) throw new PlantProblemError(`operation ${spec.id} of order ${order.id} has no equipment in the layout`);
      const capacity = splitCapacity(order.id, spec.id, eligible.map((e) => specs[machineOfSpec[e.equipment] as number]!), Math.max(...lots.map((l) => l.quantity)));
      const next: { quantity: number; prev: number }[] = [];
      for (const lot of lots) for (const q of pieces(lot.quantity, capacity)) {
        const first = next.length === 0;
        let modes = sharedModes(spec, q, () => eligible.map((e) => {
          const km = machineOfSpec[e.equipment] as number;
          return { machine: km, duration: specs[km]!.batch ? e.mean : e.mean * q };
        }));
        const run = first ? running.get(key) : undefined;
        const at = first ? waitingAt.get(key) : undefined;
        const lock = first ? locked.get(`${order.id}/${spec.id}`) : undefined;
        let fix: FixedOperation | null = null;
        if (run) {
          const own = modes.find((x) => x.machine === run.machine);
          const setupLeft = run.state === 'setup' ? (run.remaining ?? 0) : 0;
          const runLeft = run.state === 'setup' || run.remaining === undefined ? (own?.duration ?? 0) : run.remaining;
          modes = [{ machine: run.machine, duration: runLeft }];
          fix = { kind: 'frozen', machine: run.machine, begin: planStart, setupLeft };
        } else if (at !== undefined && modes.some((x) => x.machine === at)) {
          modes = modes.filter((x) => x.machine === at);
        }
        if (!run && lock) {
          const lm = cp.equipmentIndex.get(lock.equipment);
          const km = lm === undefined ? -1 : machineOfSpec[lm]!;
          const begin = minutesBetween(scenario.start, lock.setup?.start ?? lock.start);
          if (km >= 0 && modes.some((x) => x.machine === km) && begin >= planStart) {
            modes = modes.filter((x) => x.machine === km);
            fix = { kind: 'locked', machine: km, begin, setupLeft: 0 };
          } else {
            droppedLocks.push(`${order.id}/${spec.id}: ${km < 0 || !modes.some((x) => x.machine === km) ? `${lock.equipment} may not run it now` : 'its time is before the plan start'}`);
          }
        }
        operations.push({ job: j, index: k, modes, predecessors: lot.prev < 0 ? [] : [lot.prev], release: run || at !== undefined ? planStart : release });
        operationIds.push(spec.id);
        fixed.push(fix);
        product.push(prod.index);
        quantity.push(q);
        setupSkill.push(skillOf(spec.setupSkill));
        runSkill.push(skillOf(spec.runSkill));
        uninterruptible.push(spec.uninterruptible ? 1 : 0);
        origin.push(lot.prev < 0 ? (blockedAt.get(key) ?? -1) : -1);
        waiting.push(lot.prev < 0 && at !== undefined ? 1 : 0);
        ids.push(operations.length - 1);
        next.push({ quantity: q, prev: operations.length - 1 });
      }
      lots = next;
    }
    if (ids.length === 0) continue;
    jobs.push({ name: order.id, operations: ids, due: order.due, weight: order.priority });
    orders.push({ id: order.id, product: prod.id, quantity: order.quantity });
  }

  const layoutIndex = indexLayout(plantInput.layout);
  const layoutPath = (id: string): string => `${plantInput.layoutFile}: ${layoutIndex.equipmentById.get(id)?.path ?? id}`;
  const machines = specs.map((e) => plantMachine(cp, e, planStart, snapshot?.equipment.find((x) => x.id === e.id), layoutPath(e.id)));
  const pools: PlantPool[] = cp.operatorPools.map((p) => {
    const cal = p.calendar >= 0 ? cp.calendars[p.calendar] : undefined;
    const source: IntervalSource | null = cal && !roundTheClock(cal, scenario.start) ? (from, to) => workingIntervals(cal, scenario.start, to, from) : null;
    return { id: p.id, count: p.count, availability: source ? new WorkingTime(source, planStart, `operator pool ${p.id}`) : null, calendarIntervals: source };
  });
  const skillPools = skills.map((s) => Int32Array.from(cp.operatorPools.flatMap((p, i) => (p.skills.includes(s) ? [i] : []))));
  const { lag, pickup } = transportLags(cp, specs);
  const problem: SchedulingProblem = {
    name: scenario.id,
    machineCount: m,
    jobs,
    operations,
    setups: { familyCount: F, family: product.map((p) => familyOfProduct[p] as number), matrix, initial: changeovers.map((x) => Array.from(x.initial)) },
  };
  return {
    problem,
    plant: {
      product: Int32Array.from(product), quantity: Float64Array.from(quantity), setupSkill: Int32Array.from(setupSkill), runSkill: Int32Array.from(runSkill),
      uninterruptible: Uint8Array.from(uninterruptible), origin: Int32Array.from(origin), waiting: Uint8Array.from(waiting),
      machines, pools, skills, skillPools, lag, pickup, vehicles: cp.fleet?.count ?? 0,
    },
    scenario: scenario.id,
    startIso: scenario.start,
    planStart,
    equipment,
    orders,
    operationIds,
    familyLabels,
    fixed,
    droppedLocks,
  };
}

/**
 * Whether a calendar works around the clock (every day, all day, no holidays): the engine then
 * uses a clock without pauses, so a plant of such machines is timed like a job shop.
 */
function roundTheClock(cal: CompiledPlant['calendars'][number], startIso: string): boolean {
  if (cal.holidays.length > 0) return false;
  const week = workingIntervals(cal, startIso, 8 * 1440);
  return week.length === 1 && week[0]![0] === 0 && week[0]![1] === 8 * 1440;
}

/**
 * The batch size a lot of `largest` units is split into at this operation, or Infinity for no
 * split. The simulator splits a lot bigger than the batch equipment it reaches; the plan fixes the
 * pieces in advance, so that must not depend on the machine chosen: every eligible machine is
 * then batch equipment of one capacity, or the plant is refused with a way out.
 */
function splitCapacity(order: string, op: string, eligible: EquipmentSpec[], largest: number): number {
  const small = eligible.filter((e) => e.batch && e.batch.capacity < largest);
  if (small.length === 0) return Infinity;
  const capacity = small[0]!.batch!.capacity;
  if (small.length !== eligible.length || eligible.some((e) => e.batch?.capacity !== capacity)) {
    throw new PlantProblemError(`order ${order} (${largest} units) would be split into batches at operation ${op} on ${small.map((e) => e.id).join(', ')} but not on ${eligible.filter((e) => !small.includes(e)).map((e) => e.id).join(', ')}; the scheduler plans lots split one way only — give the operation batch equipment of one capacity, or split the order`);
  }
  return capacity;
}

/** A lot split into more batches than this is refused (a plan of that many batches per order is not a plan). */
const MAX_PIECES = 10_000;

/** Lot sizes after the simulator's split on arrival: pieces of the capacity first, then what is left. */
function pieces(quantity: number, capacity: number): number[] {
  if (!(quantity > capacity)) return [quantity];
  if (quantity / capacity > MAX_PIECES) throw new PlantProblemError(`a lot of ${quantity} units would be split into ${Math.ceil(quantity / capacity)} batches of ${capacity}; more than ${MAX_PIECES} batches per lot are refused — split the order`);
  const out: number[] = [];
  let left = quantity;
  while (left > capacity) { out.push(capacity); left -= capacity; }
  out.push(left);
  return out;
}

function plantMachine(cp: CompiledPlant, e: EquipmentSpec, planStart: number, snap: { state: string; remaining?: number | undefined } | undefined, layoutPath: string): PlantMachine {
  const cal = cp.calendars[e.calendar] ?? cp.calendars[0]!;
  const start = cp.scenario.start;
  const calendarIntervals = (from: number, to: number): Interval[] => workingIntervals(cal, start, to, from);
  // A snapshot's machine under repair or in maintenance is unavailable for the time it has left.
  const held: Interval[] = snap && (snap.state === 'down' || snap.state === 'maintenance') && snap.remaining !== undefined && snap.remaining > 0 ? [[planStart, planStart + snap.remaining]] : [];
  const maintenanceWindows = (from: number, to: number): Interval[] => [...held.filter(([, he]) => he > from), ...expandWindows(e.maintenance, from, to)].sort((a, b) => a[0] - b[0]);
  const source: IntervalSource = (from, to) => subtractWindows(calendarIntervals(from, to), maintenanceWindows(from, to));
  const always = held.length === 0 && e.maintenance.length === 0 && roundTheClock(cal, cp.scenario.start);
  return {
    id: e.id,
    availability: new WorkingTime(always ? null : source, planStart, e.id),
    maintenanceWindows,
    calendarIntervals,
    batch: e.batch ? { capacity: e.batch.capacity, maxWait: e.batch.maxWait, keyOf: e.batch.keyOf } : null,
    setups: e.setups,
    initialKeys: Int32Array.from(e.startKeys),
    inputCapacity: e.inputCapacity,
    outputCapacity: e.outputCapacity,
    line: e.line,
    layoutPath,
  };
}

/**
 * Planned transport minutes between machines, as the simulator moves lots: none on the same
 * machine, without a transport section, or along a chain of conveyors; else the default fleet's
 * loaded trip (handling + path distance / speed) after the longest empty trip a vehicle might
 * need to reach the pick-up point — an upper bound when a vehicle is free, so the simulator's lot
 * is there no later than planned. `pickup` is that empty trip (the lot leaves its output buffer then).
 */
function transportLags(cp: CompiledPlant, specs: readonly EquipmentSpec[]): { lag: Float64Array; pickup: Float64Array } {
  const m = specs.length;
  const lag = new Float64Array(m * m);
  const pickup = new Float64Array(m);
  if (!cp.fleet) return { lag, pickup };
  const station = cp.equipment.find((e) => e.type === 'agv-station');
  const stops = [...new Set([station ? station.node : 0, ...cp.equipment.map((e) => e.node)])];
  for (let a = 0; a < m; a++) {
    let empty = 0;
    for (const s of stops) empty = Math.max(empty, emptyDriveMinutes(cp, s, specs[a]!.node));
    pickup[a] = empty;
    for (let b = 0; b < m; b++) {
      if (needsVehicle(cp, specs[a]!.index, specs[b]!.index)) lag[a * m + b] = empty + moveMinutes(cp, specs[a]!.index, specs[b]!.index);
    }
  }
  return { lag, pickup };
}

/** ISO date-time of a minute offset in a plant problem. */
/**
 * Which lots may share a batch on machine k (a string equal for compatible operations): the same
 * batch key, the same changeover keys on k (the batch is set up once, for all of them), the same
 * skills and both (un)interruptible. Products that differ only on other machines' changeovers may
 * share a load, as the simulator lets them.
 */
export function batchGroup(plant: PlantData, k: number, v: number): string {
  const machine = plant.machines[k]!;
  const p = plant.product[v] as number;
  let s = `${machine.batch?.keyOf[p] ?? -1}`;
  for (const x of machine.setups) s += `/${x.keyOf[p]}`;
  return `${s}/${plant.setupSkill[v]}/${plant.runSkill[v]}/${plant.uninterruptible[v]}`;
}

export function plantIso(pp: PlantProblem, minutes: number): string {
  return isoAt(pp.startIso, minutes);
}

import { isoAt, minutesBetween, workingIntervals, type Interval } from '../src/model/calendar.ts';
import { distributionMean } from '../src/model/common.ts';
import type { Scenario } from '../src/model/scenarioSchema.ts';
import type { Schedule } from '../src/model/scheduleSchema.ts';
import type { Job, Operation, SchedulingProblem } from './problem.ts';
import { WorkingTime } from './plant/workingTime.ts';

/** An operation the solver must leave where it is: running now (frozen) or placed by hand (locked). */
export interface FixedOperation {
  kind: 'frozen' | 'locked';
  machine: number;
  start: number;
  end: number;
}

/**
 * A plant scenario's open orders as the solver's problem, plus what the job-shop model does not
 * hold: equipment calendars, the first changeover of each machine, fixed operations, and the
 * names to write a schedule back. Times are minutes from the scenario start; durations are
 * working minutes (whole minutes, rounded up) — an operation pauses outside its equipment's
 * working time and resumes in the next shift.
 */
export interface PlantProblem {
  problem: SchedulingProblem;
  scenario: string;
  startIso: string;
  /** Earliest start of any work: the snapshot's time, or 0. */
  planStart: number;
  equipment: string[];
  /** Working intervals per machine, up to `horizon`. */
  calendars: Interval[][];
  horizon: number;
  /** Per job: the order it makes. */
  orders: { id: string; product: string; quantity: number }[];
  /** Per operation: the routing operation's id. */
  operationIds: string[];
  /** Per machine and setup family: the changeover key(s) shown in schedules ("" when the machine has no matrix). */
  familyLabels: string[][];
  /** Per machine and family: minutes of the first changeover (from empty, or from the snapshot's setup key). */
  initialSetup: number[][];
  /** Per operation: null, or where it must stay. */
  fixed: (FixedOperation | null)[];
  /** Per machine: batch capacity on batch equipment, else null. */
  batchCapacity: (number | null)[];
}

export interface ScenarioProblemOptions {
  /** A previous schedule whose `locked` operations stay where they are. */
  previous?: Schedule;
}

const RUNNING = new Set(['processing', 'setup']);

/**
 * Builds the problem: one operation per (order, routing operation) still to do, with
 * quantity × mean unit time on each eligible machine. On batch equipment an order's lot runs as
 * ceil(quantity / capacity) batches of the batch time; different orders are not put into one
 * batch (co-batching is not exploited yet, so furnaces look busier than they are).
 * Setup families are the distinct combinations of the product's keys in every setup matrix;
 * where several matrices list one machine their times add up, as in the simulator.
 */
export function scenarioProblem(scenario: Scenario, options: ScenarioProblemOptions = {}): PlantProblem {
  const equipment: string[] = [];
  const machineOf = new Map<string, number>();
  const machine = (id: string): number => {
    let k = machineOf.get(id);
    if (k === undefined) { k = equipment.length; equipment.push(id); machineOf.set(id, k); }
    return k;
  };
  for (const r of scenario.routings) for (const op of r.operations) for (const e of op.equipment) machine(e.equipment);
  const m = equipment.length;
  const routings = new Map(scenario.routings.map((r) => [r.id, r]));
  const products = new Map(scenario.products.map((p, i) => [p.id, { p, i }]));
  const batchCapacity: (number | null)[] = equipment.map((id) => scenario.batchEquipment.find((b) => b.equipment === id)?.capacity ?? null);

  // Setup families: one per distinct tuple of matrix keys.
  const keyOf = (mi: number, productIndex: number): number => {
    const spec = scenario.setupMatrices[mi]!;
    const p = scenario.products[productIndex]!;
    const value = spec.attribute === 'family' ? p.family : p.attributes[spec.attribute];
    return value === undefined ? -1 : spec.keys.indexOf(value);
  };
  const signatures = new Map<string, number>();
  const familyKeys: number[][] = [];
  const productFamily = scenario.products.map((_, pi) => {
    const keys = scenario.setupMatrices.map((_, mi) => keyOf(mi, pi));
    const sig = keys.join(',');
    let f = signatures.get(sig);
    if (f === undefined) { f = familyKeys.length; familyKeys.push(keys); signatures.set(sig, f); }
    return f;
  });
  const F = familyKeys.length;
  const matricesOf = equipment.map((id) => scenario.setupMatrices.flatMap((s, mi) => (s.equipment.includes(id) ? [mi] : [])));
  const snapshot = scenario.startState.kind === 'snapshot' ? scenario.startState : null;
  const matrix = matricesOf.map((list) => {
    const row = new Array<number>(F * F).fill(0);
    for (let a = 0; a < F; a++) for (let b = 0; b < F; b++) {
      let t = 0;
      for (const mi of list) {
        const spec = scenario.setupMatrices[mi]!;
        const ka = familyKeys[a]![mi]!;
        const kb = familyKeys[b]![mi]!;
        // A product without this matrix's key needs no such changeover; coming from one, the
        // machine's previous key is unknown here, so the matrix's initial time stands in.
        if (kb >= 0) t += ka >= 0 ? spec.times[ka]![kb]! : spec.initial;
      }
      row[a * F + b] = Math.ceil(t - 1e-9);
    }
    return row;
  });
  const familyLabels = matricesOf.map((list) => familyKeys.map((keys) => list.map((mi) => scenario.setupMatrices[mi]!.keys[keys[mi]!] ?? '').filter((s) => s !== '').join('+')));
  const initialSetup = matricesOf.map((list, k) => {
    const setupKey = snapshot?.equipment.find((e) => e.id === equipment[k])?.setupKey;
    return familyKeys.map((keys) => {
      let t = 0;
      for (const mi of list) {
        const spec = scenario.setupMatrices[mi]!;
        const kb = keys[mi]!;
        if (kb < 0) continue;
        const from = setupKey === undefined ? -1 : spec.keys.indexOf(setupKey);
        t += from >= 0 ? spec.times[from]![kb]! : spec.initial;
      }
      return Math.ceil(t - 1e-9);
    });
  });

  const planStart = snapshot ? Math.max(0, minutesBetween(scenario.start, snapshot.time)) : 0;
  // Done operations and running ones, from the snapshot: a lot waiting for op k, or an operation
  // running or finished (blocked), has everything before it done.
  const firstOpen = new Map<string, number>();
  const running = new Map<string, { machine: number; remaining: number | undefined }>();
  const opIndex = (orderId: string, opId: string | undefined): number => {
    const order = scenario.orders.find((o) => o.id === orderId);
    const product = order && products.get(order.product);
    const routing = product && routings.get(product.p.routing);
    return opId === undefined || !routing ? -1 : routing.operations.findIndex((o) => o.id === opId);
  };
  const raise = (orderId: string, k: number): void => {
    if (k > (firstOpen.get(orderId) ?? 0)) firstOpen.set(orderId, k);
  };
  for (const w of snapshot?.wip ?? []) raise(w.order, opIndex(w.order, w.operation));
  for (const e of snapshot?.equipment ?? []) {
    if (e.order === undefined) continue;
    const k = opIndex(e.order, e.operation);
    if (k < 0) continue;
    if (RUNNING.has(e.state)) {
      raise(e.order, k);
      const km = machineOf.get(e.id);
      if (km !== undefined) running.set(`${e.order}/${k}`, { machine: km, remaining: e.remaining });
    } else if (e.state === 'blocked') raise(e.order, k + 1);
  }

  const dates = scenario.orders.flatMap((o) => [minutesBetween(scenario.start, o.release), minutesBetween(scenario.start, o.due)]);
  let work = 0;
  const jobs: Job[] = [];
  const operations: Operation[] = [];
  const operationIds: string[] = [];
  const orders: PlantProblem['orders'] = [];
  const fixedDraft: ({ kind: 'frozen'; remaining: number } | { kind: 'locked'; start: number } | null)[] = [];
  const locked = new Map((options.previous?.operations ?? []).filter((o) => o.locked).map((o) => [`${o.order}/${o.operation}`, o]));
  for (const order of scenario.orders) {
    const product = products.get(order.product);
    const routing = product && routings.get(product.p.routing);
    if (!product || !routing) continue;
    const j = jobs.length;
    const ids: number[] = [];
    const release = Math.max(planStart, minutesBetween(scenario.start, order.release));
    routing.operations.forEach((spec, k) => {
      if (k < (firstOpen.get(order.id) ?? 0)) return;
      const id = operations.length;
      const modes = spec.equipment.map((e) => {
        const km = machine(e.equipment);
        const cap = batchCapacity[km] ?? null;
        const mean = distributionMean(e.time);
        const duration = Math.ceil((cap === null ? order.quantity * mean : Math.ceil(order.quantity / cap) * mean) - 1e-9);
        return { machine: km, duration };
      });
      const run = running.get(`${order.id}/${k}`);
      const lock = locked.get(`${order.id}/${spec.id}`);
      const lockMachine = lock ? machineOf.get(lock.equipment) : undefined;
      let draft: (typeof fixedDraft)[number] = null;
      let chosen = modes;
      if (run) {
        const own = modes.find((x) => x.machine === run.machine);
        const remaining = Math.ceil((run.remaining ?? own?.duration ?? 0) - 1e-9);
        chosen = [{ machine: run.machine, duration: remaining }];
        draft = { kind: 'frozen', remaining };
      } else if (lock && lockMachine !== undefined && modes.some((x) => x.machine === lockMachine)) {
        chosen = modes.filter((x) => x.machine === lockMachine);
        draft = { kind: 'locked', start: minutesBetween(scenario.start, lock.start) };
      }
      work += Math.max(...chosen.map((x) => x.duration));
      const prev = ids[ids.length - 1];
      operations.push({ job: j, index: k, modes: chosen, predecessors: prev === undefined ? [] : [prev], release: run ? planStart : release });
      operationIds.push(spec.id);
      fixedDraft.push(draft);
      ids.push(id);
    });
    if (ids.length === 0) continue;
    jobs.push({ name: order.id, operations: ids, due: minutesBetween(scenario.start, order.due), weight: order.priority });
    orders.push({ id: order.id, product: order.product, quantity: order.quantity });
  }
  let maxSetup = 0;
  for (const row of matrix) for (const v of row) maxSetup = Math.max(maxSetup, v);
  // Generous: every operation one after another, with the largest changeover, on a calendar that
  // works a tenth of the time, after the last date of the file.
  const horizon = Math.ceil(Math.max(planStart, ...dates, scenario.experiment.horizon) + 14 * 1440 + 10 * (work + operations.length * maxSetup));
  const calendars = equipment.map((id) => {
    const calId = scenario.equipmentCalendars.overrides[id] ?? scenario.equipmentCalendars.default;
    const cal = scenario.calendars.find((c) => c.id === calId) ?? scenario.calendars[0]!;
    return workingIntervals(cal, scenario.start, horizon);
  });
  const clocks = calendars.map((c) => new WorkingTime(c));
  const fixed = fixedDraft.map((d, i): FixedOperation | null => {
    if (d === null) return null;
    const mode = operations[i]!.modes[0]!;
    const clock = clocks[mode.machine]!;
    const start = d.kind === 'frozen' ? planStart : d.start;
    const end = mode.duration > 0 ? clock.endAt(clock.work(start) + mode.duration) : start;
    return { kind: d.kind, machine: mode.machine, start, end };
  });
  return {
    problem: { name: scenario.id, machineCount: m, jobs, operations, setups: { familyCount: F, family: operations.map((op) => productFamily[products.get(orders[op.job]!.product)!.i]!), matrix } },
    scenario: scenario.id,
    startIso: scenario.start,
    planStart,
    equipment,
    calendars,
    horizon,
    orders,
    operationIds,
    familyLabels,
    initialSetup,
    fixed,
    batchCapacity,
  };
}

/** ISO date-time of a minute offset in a plant problem. */
export function plantIso(pp: PlantProblem, minutes: number): string {
  return isoAt(pp.startIso, minutes);
}

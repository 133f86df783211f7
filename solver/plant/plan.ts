import { minutesBetween } from '../../src/model/calendar.ts';
import type { Schedule } from '../../src/model/scheduleSchema.ts';
import { compile, type CompiledProblem } from '../compile.ts';
import { PlantFlow, type FlowSequences } from './flow.ts';
import type { FixedOperation, PlantProblem } from './plantProblem.ts';
import { plantTimetable, type PlantTimetable } from './plantTimetable.ts';

/**
 * A plan in the engine's terms: which machine runs each operation, in which order, which
 * operations run together in a batch, and which are pinned (placed by hand) at a begin time.
 * Its times are never taken from anywhere: `timetable` is the plan timed by the engine's rules
 * (PlantFlow — the very timing the solver and the simulator's follower use), so an edited plan
 * is judged exactly as a solved one.
 */
export interface Plan {
  /** Per machine: its operations in the order they begin (members of a batch next to each other). */
  sequences: number[][];
  /** Per operation: 1 when it runs in one batch with the operation before it on its machine. */
  batchLink: Uint8Array;
  /** Per operation: the planned begin (changeover start, else start) it is pinned at, or null. */
  pins: (number | null)[];
  /** The plan timed by the engine's rules. */
  timetable: PlantTimetable;
  /** Pinned operations that could not begin at their pin (order/operation): the timing moved them later. */
  movedPins: string[];
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; problems: string[] };

const compiled = new WeakMap<PlantProblem, CompiledProblem>();

function compiledOf(pp: PlantProblem): CompiledProblem {
  let c = compiled.get(pp);
  if (c === undefined) { c = compile(pp.problem); compiled.set(pp, c); }
  return c;
}

const nameOf = (pp: PlantProblem, v: number): string => `${pp.orders[pp.problem.operations[v]!.job]!.id}/${pp.operationIds[v]}`;

function eligible(c: CompiledProblem, v: number, k: number): boolean {
  for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) if (c.modeMachine[e] === k) return true;
  return false;
}

/**
 * Reads a schedule file onto the problem: each entry becomes an operation on its equipment, each
 * machine's entries in the order they begin (setup.start, else start), entries sharing a `batch`
 * id one batch, `locked` entries pins at their begin; then the plan is timed by the engine's
 * rules. An order split into pieces (`quantity`) matches its entries to the problem's pieces of
 * the same size first. Problems (an entry the plant does not know, equipment that may not run
 * it, an open operation missing, a plan that cannot be followed) are listed, nothing is guessed.
 */
export function planFromSchedule(pp: PlantProblem, schedule: Schedule): PlanResult {
  const c = compiledOf(pp);
  const n = c.n;
  const problems: string[] = [];
  const byKey = new Map<string, number[]>();
  for (let v = 0; v < n; v++) {
    const key = nameOf(pp, v);
    const list = byKey.get(key);
    if (list) list.push(v); else byKey.set(key, [v]);
  }
  const equipment = new Map(pp.equipment.map((id, k) => [id, k]));
  const entryOf = new Int32Array(n).fill(-1);
  const begin = new Float64Array(n);
  const pins: (number | null)[] = pp.fixed.map((f) => (f?.kind === 'locked' ? f.begin : null));
  const machine = new Int32Array(n).fill(-1);
  schedule.operations.forEach((o, i) => {
    const where = `entry ${i + 1} (${o.order}/${o.operation})`;
    const ops = byKey.get(`${o.order}/${o.operation}`);
    if (ops === undefined) { problems.push(`${where}: no such open operation in the plant`); return; }
    const k = equipment.get(o.equipment);
    if (k === undefined) { problems.push(`${where}: equipment ${o.equipment} is not in the plant`); return; }
    const free = ops.filter((v) => entryOf[v] === -1);
    const quantity = o.quantity ?? pp.orders[pp.problem.operations[ops[0]!]!.job]!.quantity;
    const v = free.find((w) => pp.plant.quantity[w] === quantity) ?? free[0];
    if (v === undefined) { problems.push(`${where}: more entries than the plant has pieces of this operation`); return; }
    if (!eligible(c, v, k)) { problems.push(`${where}: ${o.equipment} may not run it`); return; }
    const f = pp.fixed[v];
    if (f?.kind === 'frozen' && f.machine !== k) { problems.push(`${where}: it is running on ${pp.equipment[f.machine]} and cannot move`); return; }
    entryOf[v] = i;
    machine[v] = k;
    begin[v] = minutesBetween(pp.startIso, o.setup?.start ?? o.start);
    if (o.locked && f?.kind !== 'frozen') pins[v] = begin[v] as number;
  });
  for (let v = 0; v < n; v++) if (entryOf[v] === -1) problems.push(`${nameOf(pp, v)}: not in the schedule`);
  if (problems.length > 0) return { ok: false, problems };

  // Batches: entries with the same batch id on the same machine; each sorts by its earliest begin.
  const lead = new Int32Array(n);
  const batchLead = new Map<string, number>();
  const batchKey = (v: number): string | undefined => {
    const id = schedule.operations[entryOf[v] as number]!.batch;
    return id === undefined ? undefined : `${machine[v]}\u0000${id}`;
  };
  // The batch's first entry in file order leads (its changeover is into that product).
  for (let v = 0; v < n; v++) {
    const key = batchKey(v);
    if (key === undefined) continue;
    const l = batchLead.get(key);
    if (l === undefined || (entryOf[v] as number) < (entryOf[l] as number)) batchLead.set(key, v);
  }
  for (let v = 0; v < n; v++) {
    const key = batchKey(v);
    lead[v] = key === undefined ? v : (batchLead.get(key) as number);
  }
  const leadBegin = new Float64Array(n).fill(Infinity);
  for (let v = 0; v < n; v++) leadBegin[lead[v] as number] = Math.min(leadBegin[lead[v] as number] as number, begin[v] as number);
  const sequences: number[][] = pp.equipment.map(() => []);
  for (let v = 0; v < n; v++) sequences[machine[v] as number]!.push(v);
  const batchLink = new Uint8Array(n);
  for (const seq of sequences) {
    seq.sort((a, b) => (leadBegin[lead[a] as number] as number) - (leadBegin[lead[b] as number] as number) || (lead[a] as number) - (lead[b] as number)
      || (a === lead[a] ? -1 : b === lead[b] ? 1 : (entryOf[a] as number) - (entryOf[b] as number)));
    for (const v of seq) batchLink[v] = lead[v] !== v ? 1 : 0;
  }
  return timed(pp, sequences, batchLink, pins);
}

/**
 * The plan with operation `op` moved to `machine`, pinned to begin at `start` (minutes from the
 * scenario start), everything else kept in its order and re-timed around it by the engine's
 * rules. On batch equipment the operation joins a batch of its key that begins within a minute
 * of `start` and has room, else runs alone. The pin is kept if the plant's rules allow it there;
 * if not, `movedPins` names it with the time it got instead.
 */
export function placeOperation(pp: PlantProblem, plan: Plan, op: number, machine: number, start: number): PlanResult {
  const c = compiledOf(pp);
  if (!(op >= 0 && op < c.n)) return { ok: false, problems: [`operation ${op} is not in the plan`] };
  if (!(machine >= 0 && machine < c.m) || !eligible(c, op, machine)) return { ok: false, problems: [`${nameOf(pp, op)}: ${pp.equipment[machine] ?? `machine ${machine}`} may not run it`] };
  if (pp.fixed[op]?.kind === 'frozen') return { ok: false, problems: [`${nameOf(pp, op)}: it is running and cannot move`] };
  if (!Number.isFinite(start) || start < pp.planStart) return { ok: false, problems: [`${nameOf(pp, op)}: it cannot begin before the plan start`] };
  const t = plan.timetable;
  const batchLink = plan.batchLink.slice();
  const sequences = plan.sequences.map((s) => s.slice());
  // Out of its old place: the next member of its batch leads the batch now.
  const from = sequences[t.machine[op] as number]!;
  const at = from.indexOf(op);
  if (batchLink[op] === 0 && at + 1 < from.length && batchLink[from[at + 1]!] === 1) batchLink[from[at + 1]!] = 0;
  from.splice(at, 1);
  batchLink[op] = 0;
  const seq = sequences[machine]!;
  const spec = pp.plant.machines[machine]!.batch;
  let joined = false;
  if (spec !== null) {
    const key = spec.keyOf[pp.plant.product[op] as number];
    for (let i = 0; i < seq.length && !joined; i++) {
      const l = seq[i]!;
      if (batchLink[l] === 1 || Math.abs((t.setupStart[l] as number) - start) > 1 || spec.keyOf[pp.plant.product[l] as number] !== key) continue;
      let j = i + 1;
      let units = pp.plant.quantity[l] as number;
      while (j < seq.length && batchLink[seq[j]!] === 1) units += pp.plant.quantity[seq[j++]!] as number;
      if (units + (pp.plant.quantity[op] as number) > spec.capacity) continue;
      seq.splice(j, 0, op);
      batchLink[op] = 1;
      joined = true;
    }
  }
  if (!joined) {
    // Before the first job (a batch's first operation) that begins after the dropped time.
    let i = 0;
    while (i < seq.length && (batchLink[seq[i]!] === 1 || (t.setupStart[seq[i]!] as number) < start)) i++;
    seq.splice(i, 0, op);
  }
  const pins = plan.pins.slice();
  // A member of a batch begins with its batch: the pin sits on the batch's first operation.
  let pinned = op;
  if (joined) { const i = seq.indexOf(op); let j = i; while (batchLink[seq[j]!] === 1) j--; pinned = seq[j]!; pins[op] = null; }
  pins[pinned] = start;
  return timed(pp, sequences, batchLink, pins);
}

/** Times sequences and pins by the engine's rules. */
function timed(pp: PlantProblem, sequences: number[][], batchLink: Uint8Array, pins: (number | null)[]): PlanResult {
  const c = compiledOf(pp);
  const s: FlowSequences = { mach: new Int32Array(c.n), mFirst: new Int32Array(c.m).fill(-1), mNext: new Int32Array(c.n).fill(-1), batchLink };
  sequences.forEach((seq, k) => {
    let prev = -1;
    for (const v of seq) {
      s.mach[v] = k;
      if (prev < 0) s.mFirst[k] = v; else s.mNext[prev] = v;
      prev = v;
    }
  });
  const fixed: (FixedOperation | null)[] = pp.fixed.map((f, v) => {
    if (f?.kind === 'frozen') return f;
    const pin = pins[v];
    return pin === null || pin === undefined ? null : { kind: 'locked', machine: s.mach[v] as number, begin: pin, setupLeft: 0 };
  });
  // One timing, never resumed: no checkpoints (they cost most of a run's time).
  const flow = new PlantFlow({ ...pp, fixed }, c);
  if (!flow.follow(s, false)) return { ok: false, problems: ['the plan cannot be followed: an order would wait for itself (its operations in the opposite order on a machine) or the buffers deadlock'] };
  const movedPins: string[] = [];
  for (let v = 0; v < c.n; v++) if (flow.violation[v] === 2) movedPins.push(nameOf(pp, v));
  return { ok: true, plan: { sequences, batchLink, pins, timetable: plantTimetable(flow), movedPins } };
}

import { subtractIntervals, type Interval } from '../../src/model/calendar.ts';
import { applySetup, setupTime } from '../../src/sim/plant/setups.ts';
import { batchGroup, type PlantProblem } from './plantProblem.ts';
import type { PlantTimetable } from './plantTimetable.ts';

/**
 * Feasibility of a plant timetable, judged from the plant's data alone: it imports no solving
 * method (not the timing rules of flow.ts either), so a bug in the search cannot hide itself here.
 * Working time is recomputed from the raw calendar, maintenance and operator-pool intervals.
 *
 * - Each run has exactly its working minutes (the batch's longest member time) in its machine's
 *   calendar minus planned maintenance, and in its operator pool's calendar, between start and
 *   end, and ends with its last working minute; an uninterruptible run has no pause at all.
 * - Changeovers: the minutes the simulator's rule gives on the machine's keys (walking its jobs in
 *   order), worked from the job's begin in the machine's and the setter's working time, before
 *   the run starts; a job begins at a working instant of its machine.
 * - Machines run one job at a time; batches share one begin, start and end, one batch group
 *   (batchGroup: batch key, changeover keys on the machine, skills), and fit the capacity; no lot waits longer than maxWait for its
 *   batch partners while the machine is free.
 * - Release, routing order, transport lag (a lot gets room in front of its next machine after its
 *   previous operation ends, then travels), input-buffer room (a lot fits when it gets its room,
 *   or goes into an empty buffer; the pieces a lot is cut into for a batch machine ask as one).
 * - Operator pools: never more tasks at once than operators; each task's pool has the skill and
 *   is on shift when the task begins.
 * - Frozen operations begin at the plan start on their machine, locked ones at their time.
 */
export type PlantViolationKind =
  | 'shape' | 'eligibility' | 'frozen' | 'locked' | 'release' | 'precedence' | 'transport' | 'overlap'
  | 'calendar' | 'uninterruptible' | 'setup' | 'operator' | 'batch' | 'maxWait' | 'buffer';

export interface PlantViolation {
  kind: PlantViolationKind;
  operations: number[];
  message: string;
}

const EPS = 1e-6;

export function checkPlantTimetable(pp: PlantProblem, t: PlantTimetable): PlantViolation[] {
  const problem = pp.problem;
  const plant = pp.plant;
  const n = problem.operations.length;
  const out: PlantViolation[] = [];
  const fields = [t.machine, t.start, t.end, t.setup, t.setupStart, t.batch, t.setupPool, t.runPool, t.room];
  if (fields.some((f) => f.length !== n)) return [{ kind: 'shape', operations: [], message: `expected ${n} entries in every field, found ${fields.map((f) => f.length).join('/')}` }];
  for (let v = 0; v < n; v++) {
    if (!Number.isFinite(t.start[v]) || !Number.isFinite(t.end[v]) || !Number.isFinite(t.setupStart[v]) || !Number.isFinite(t.room[v]) || (t.end[v] as number) < (t.start[v] as number) - EPS) {
      return [{ kind: 'shape', operations: [v], message: `operation ${v} has a bad time (room ${t.room[v]}, begin ${t.setupStart[v]}, start ${t.start[v]}, end ${t.end[v]})` }];
    }
  }
  const name = (v: number): string => `${pp.orders[problem.operations[v]!.job]!.id}/${pp.operationIds[v]}`;
  const add = (kind: PlantViolationKind, operations: number[], message: string): void => { out.push({ kind, operations, message }); };
  const duration = (v: number, k: number): number => problem.operations[v]!.modes.find((x) => x.machine === k)?.duration ?? -1;
  const windows = windowsOf(pp);

  // Jobs: members by leader; per machine in order of begin.
  const members = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    const lead = t.batch[v] as number;
    const list = members.get(lead);
    if (list === undefined) members.set(lead, [v]); else list.push(v);
  }
  const jobsOn: number[][] = pp.equipment.map(() => []);
  for (const [lead, list] of members) {
    const k = t.machine[lead] as number;
    if (!(k >= 0 && k < pp.equipment.length)) { add('eligibility', list, `operation ${name(lead)} runs on machine ${k}, which does not exist`); continue; }
    jobsOn[k]!.push(lead);
    for (const w of list) {
      if (t.machine[w] !== k || Math.abs((t.setupStart[w] as number) - (t.setupStart[lead] as number)) > EPS || Math.abs((t.start[w] as number) - (t.start[lead] as number)) > EPS || Math.abs((t.end[w] as number) - (t.end[lead] as number)) > EPS) {
        add('batch', [lead, w], `${name(w)} is in the batch of ${name(lead)} but does not share its machine, begin, start and end`);
      }
    }
  }

  for (let v = 0; v < n; v++) {
    const k = t.machine[v] as number;
    const op = problem.operations[v]!;
    if (duration(v, k) < 0) add('eligibility', [v], `${name(v)} runs on ${pp.equipment[k] ?? k}, which may not run it`);
    const begin = t.setupStart[v] as number;
    const f = pp.fixed[v];
    if (f?.kind === 'frozen' && (f.machine !== k || Math.abs(begin - pp.planStart) > EPS)) add('frozen', [v], `${name(v)} is running at the plan start on ${pp.equipment[f.machine]}; found on ${pp.equipment[k]} from ${begin}`);
    if (f?.kind === 'locked' && (f.machine !== k || Math.abs(begin - f.begin) > EPS)) add('locked', [v], `${name(v)} is locked on ${pp.equipment[f.machine]} at ${f.begin}; found on ${pp.equipment[k]} at ${begin}`);
    if (begin < op.release - EPS) add('release', [v], `${name(v)} begins at ${begin}, before its release ${op.release}`);
    const room = t.room[v] as number;
    if (begin < room - EPS) add('transport', [v], `${name(v)} begins at ${begin}, before its lot has room in front of ${pp.equipment[k]} (${room})`);
    for (const u of op.predecessors) {
      const ue = t.end[u] as number;
      if (room < ue - EPS) add('precedence', [u, v], `the lot of ${name(v)} moves on at ${room}, before ${name(u)} ends at ${ue}`);
      const lag = plant.lag[(t.machine[u] as number) * pp.equipment.length + k] as number;
      if (begin < room + lag - EPS) add('transport', [u, v], `${name(v)} begins at ${begin}, but its lot leaves ${pp.equipment[t.machine[u] as number]} at ${room} and travels ${lag} min`);
    }
    if (op.predecessors.length === 0 && f == null && plant.waiting[v] === 0) {
      const o = plant.origin[v] as number;
      const lag = o < 0 ? 0 : (plant.lag[o * pp.equipment.length + k] as number);
      if (room < Math.max(op.release, pp.planStart) - EPS) add('release', [v], `the lot of ${name(v)} is released at ${room}, before ${op.release}`);
      if (begin < room + lag - EPS) add('transport', [v], `${name(v)} begins at ${begin}, but its lot only gets room at ${room} and travels ${lag} min`);
    }
  }

  for (let k = 0; k < pp.equipment.length; k++) {
    const machine = plant.machines[k]!;
    const jobs = jobsOn[k]!.sort((a, b) => (t.setupStart[a] as number) - (t.setupStart[b] as number) || a - b);
    const keys = Int32Array.from(machine.initialKeys);
    let prevEnd = pp.planStart;
    let prev = -1;
    for (const lead of jobs) {
      const list = members.get(lead)!;
      const begin = t.setupStart[lead] as number;
      const frozen = pp.fixed[lead]?.kind === 'frozen';
      if (begin < prevEnd - EPS) add('overlap', prev < 0 ? [lead] : [prev, lead], `${name(lead)} begins on ${machine.id} at ${begin}, before the previous job ends at ${prevEnd}`);
      // Batch rules.
      if (list.length > 1) {
        const b = machine.batch;
        if (b === null) add('batch', list, `${machine.id} is not batch equipment but runs ${list.map(name).join(', ')} together`);
        else {
          const load = list.reduce((s, w) => s + (plant.quantity[w] as number), 0);
          if (load > b.capacity + EPS) add('batch', list, `batch of ${load} units on ${machine.id}, capacity ${b.capacity}`);
          const sig = (w: number): string => batchGroup(plant, k, w);
          if (list.some((w) => sig(w) !== sig(lead))) add('batch', list, `batch on ${machine.id} mixes batch keys, changeover keys or skills: ${list.map(name).join(', ')}`);
          if (b.maxWait < Infinity) {
            const arrivals = list.map((w) => arrival(pp, t, w));
            const first = Math.min(...arrivals);
            const last = Math.max(...arrivals);
            if (windows.finish(k, -1, Math.max(prevEnd, first + b.maxWait), 0) < last - EPS) add('maxWait', list, `a lot waits ${last - Math.max(prevEnd, first)} min for its batch partners on ${machine.id} while it could work, maxWait ${b.maxWait}`);
          }
        }
      }
      // Changeover.
      const expected = frozen ? (t.setup[lead] as number) : setupTime(machine.setups, keys, plant.product[lead] as number);
      const su = t.setup[lead] as number;
      if (Math.abs(su - expected) > EPS) add('setup', [lead], `${name(lead)} has a changeover of ${su} min on ${machine.id}, the matrices give ${expected}`);
      applySetup(machine.setups, keys, plant.product[lead] as number);
      if (!frozen && !windows.isWorking(k, -1, begin)) add('calendar', [lead], `${name(lead)} begins on ${machine.id} at ${begin}, outside its working time (shift, break or maintenance)`);
      let setupEnd = begin;
      if (su > 0) {
        const sp = t.setupPool[lead] as number;
        if (!poolServes(pp, sp, plant.setupSkill[lead] as number)) add('operator', [lead], `the changeover of ${name(lead)} needs an operator with skill ${plant.skills[plant.setupSkill[lead] as number] ?? '?'}, given pool ${sp}`);
        setupEnd = windows.finish(k, sp, begin, su);
      }
      // Run.
      const start = t.start[lead] as number;
      const end = t.end[lead] as number;
      if (start < setupEnd - EPS) add('setup', [lead], `${name(lead)} starts at ${start}, before its changeover ends at ${setupEnd}`);
      const d = Math.max(...list.map((w) => duration(w, k)));
      const rp = t.runPool[lead] as number;
      if (!poolServes(pp, rp, plant.runSkill[lead] as number)) add('operator', [lead], `${name(lead)} needs an operator with skill ${plant.skills[plant.runSkill[lead] as number] ?? '?'}, given pool ${rp}`);
      const worked = windows.worked(k, rp, start, end);
      if (Math.abs(worked - d) > EPS || (d > 0 && !windows.endsWork(k, rp, end))) add('calendar', [lead], `${name(lead)} works ${worked} min on ${machine.id} between ${start} and ${end}, needs ${d} ending with its last working minute`);
      if (plant.uninterruptible[lead] === 1 && d > 0 && Math.abs(end - start - d) > EPS) add('uninterruptible', [lead], `${name(lead)} may not be interrupted but runs from ${start} to ${end} for ${d} working minutes`);
      prevEnd = end;
      prev = lead;
    }
    checkInputBuffer(pp, t, k, members, jobs, name, add);
  }
  checkOperators(pp, t, windows, name, add);
  return out;
}

/** When a lot is in front of its machine: room granted, plus the transport lag from its previous machine. */
function arrival(pp: PlantProblem, t: PlantTimetable, v: number): number {
  const op = pp.problem.operations[v]!;
  const k = t.machine[v] as number;
  const m = pp.equipment.length;
  let from = op.predecessors.length > 0 ? (t.machine[op.predecessors[0] as number] as number) : (pp.plant.origin[v] as number);
  if (pp.plant.waiting[v] === 1 || pp.fixed[v]?.kind === 'frozen') from = -1;
  return (t.room[v] as number) + (from < 0 ? 0 : (pp.plant.lag[from * m + k] as number));
}

function poolServes(pp: PlantProblem, pool: number, skill: number): boolean {
  if (skill < 0) return pool < 0;
  const pools = pp.plant.skillPools[skill];
  if (pools === undefined || pools.length === 0) return pool < 0;
  return pools.includes(pool);
}

/** Lots hold room in front of their machine from the grant until their job begins; one fits when the buffer is empty or has room. */
function checkInputBuffer(pp: PlantProblem, t: PlantTimetable, k: number, members: Map<number, number[]>, jobs: number[], name: (v: number) => string, add: (kind: PlantViolationKind, ops: number[], msg: string) => void): void {
  const cap = pp.plant.machines[k]!.inputCapacity;
  if (cap === Infinity) return;
  const events: [number, number, number][] = []; // time, +1 grant / -1 release (releases first), op
  for (const lead of jobs) {
    for (const v of members.get(lead)!) {
      events.push([t.room[v] as number, 1, v]);
      events.push([t.setupStart[v] as number, -1, v]);
    }
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  // Pieces of one lot (its order cut for a batch machine: same job, step and predecessors) that
  // get room here at one instant ask for it as one lot, as the simulator moves them.
  const ops = pp.problem.operations;
  const piece = (u: number, v: number): boolean => u >= 0 && ops[u]!.job === ops[v]!.job && ops[u]!.index === ops[v]!.index
    && t.machine[u] === k && t.room[u] === t.room[v] && ops[u]!.predecessors.join() === ops[v]!.predecessors.join();
  let used = 0;
  for (const [, kind, v] of events) {
    let q = pp.plant.quantity[v] as number;
    if (kind < 0) { used -= q; continue; }
    used += q;
    if (piece(v - 1, v)) continue;
    for (let w = v + 1; w < ops.length && piece(w, v); w++) q += pp.plant.quantity[w] as number;
    const forced = pp.plant.waiting[v] === 1 || pp.fixed[v]?.kind === 'frozen';
    const before = used - (pp.plant.quantity[v] as number);
    if (!forced && before > EPS && before + q > cap + EPS) add('buffer', [v], `the lot of ${name(v)} (${q} units) gets room in front of ${pp.equipment[k]} holding ${before} of ${cap} units`);
  }
}

/** Tasks per operator pool (changeovers and runs) never exceed its operators; each begins on shift. */
function checkOperators(pp: PlantProblem, t: PlantTimetable, windows: Windows, name: (v: number) => string, add: (kind: PlantViolationKind, ops: number[], msg: string) => void): void {
  const pools = pp.plant.pools;
  if (pools.length === 0) return;
  const tasks: [number, number, number, number][][] = pools.map(() => []); // start, end, op, kind
  const seen = new Set<number>();
  for (let v = 0; v < t.machine.length; v++) {
    const lead = t.batch[v] as number;
    if (seen.has(lead)) continue;
    seen.add(lead);
    const k = t.machine[lead] as number;
    const sp = t.setupPool[lead] as number;
    const su = t.setup[lead] as number;
    if (sp >= 0 && su > 0) {
      const s = t.setupStart[lead] as number;
      tasks[sp]?.push([s, windows.finish(k, sp, s, su), lead, 0]);
    }
    const rp = t.runPool[lead] as number;
    if (rp >= 0) tasks[rp]?.push([t.start[lead] as number, t.end[lead] as number, lead, 1]);
  }
  tasks.forEach((list, p) => {
    const pool = pools[p]!;
    const events: [number, number, number][] = [];
    for (const [s, e, v, kind] of list) {
      if (!windows.poolOnShift(p, s) && pp.fixed[v]?.kind !== 'frozen') add('operator', [v], `${kind === 0 ? 'the changeover of ' : ''}${name(v)} takes an operator of ${pool.id} at ${s}, when the pool is off shift`);
      events.push([s, 1, v]);
      // Freed within rounding of the next task's start counts as free (the two sides compute the end each in their own arithmetic).
      events.push([e - EPS, -1, v]);
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let busy = 0;
    for (const [time, delta, v] of events) {
      busy += delta;
      if (busy > pool.count) add('operator', [v], `${busy} tasks need operators of ${pool.id} at ${time}, it has ${pool.count}`);
    }
  });
}

/** A problem's working intervals depend on the problem alone: kept between checks (a Gantt drag checks on every pointer move). */
const windowsCache = new WeakMap<PlantProblem, Windows>();
function windowsOf(pp: PlantProblem): Windows {
  let w = windowsCache.get(pp);
  if (w === undefined) { w = new Windows(pp); windowsCache.set(pp, w); }
  return w;
}

/** Working intervals recomputed from the raw calendars (the checker's own arithmetic). */
class Windows {
  private readonly cache = new Map<number | string, Interval[]>();
  private readonly span: number;
  /** Machines and pools + 1, for a numeric cache key (a string key per call cost more than the lookup). */
  private readonly m: number;
  private readonly q: number;

  constructor(private readonly pp: PlantProblem) {
    this.span = 7 * 1440;
    this.m = pp.equipment.length;
    this.q = pp.plant.pools.length + 1;
  }

  /** Working intervals of machine k (with pool p's calendar when p ≥ 0) within the week-aligned window around [from, to). */
  private intervals(k: number, p: number, from: number, to: number): Interval[] {
    const wa = Math.floor(from / this.span);
    const wb = Math.ceil((to + 1) / this.span);
    const a = wa * this.span;
    const b = wb * this.span;
    const d = wb - wa;
    const key = wa >= -4096 && wa < 1 << 20 && d < 8192 && this.m * this.q < 100_000
      ? (((wa + 4096) * 8192 + d) * this.q + (p + 1)) * this.m + k
      : `${k}/${p}/${a}/${b}`;
    let list = this.cache.get(key);
    if (list === undefined) {
      const machine = this.pp.plant.machines[k]!;
      list = cut(machine.calendarIntervals(a, b), machine.maintenanceWindows(a, b));
      const pool = p >= 0 ? this.pp.plant.pools[p] : undefined;
      if (pool?.calendarIntervals) list = both(list, pool.calendarIntervals(a, b));
      if (this.cache.size > 65_536) this.cache.clear();
      this.cache.set(key, list);
    }
    return list;
  }

  worked(k: number, p: number, from: number, to: number): number {
    let sum = 0;
    for (const [s, e] of this.intervals(k, p, from, to)) sum += Math.max(0, Math.min(e, to) - Math.max(s, from));
    return sum;
  }

  /** Whether `at` ends a working minute: some working interval runs up to it. */
  endsWork(k: number, p: number, at: number): boolean {
    return this.intervals(k, p, at - 1, at).some(([s, e]) => s < at - EPS && at <= e + EPS);
  }

  isWorking(k: number, p: number, at: number): boolean {
    return this.intervals(k, p, at, at + 1).some(([s, e]) => s <= at + EPS && at < e - EPS);
  }

  poolOnShift(p: number, at: number): boolean {
    const pool = this.pp.plant.pools[p];
    if (!pool?.calendarIntervals) return true;
    return pool.calendarIntervals(at - 1, at + 1).some(([s, e]) => s <= at + EPS && at < e - EPS);
  }

  /** Where `minutes` of work from `from` end, in machine k's (and pool p's) working time. */
  finish(k: number, p: number, from: number, minutes: number): number {
    let left = minutes;
    let a = from;
    for (let guard = 0; guard < 100000; guard++) {
      const b = a + this.span;
      for (const [s, e] of this.intervals(k, p, a, b)) {
        const lo = Math.max(s, a);
        const hi = Math.min(e, b);
        if (hi <= lo) continue;
        if (hi - lo >= left - EPS) return lo + left;
        left -= hi - lo;
      }
      a = b;
    }
    return Infinity;
  }
}

function cut(a: Interval[], windows: Interval[]): Interval[] {
  return a.flatMap((piece) => subtractIntervals(piece, windows));
}

function both(a: Interval[], b: Interval[]): Interval[] {
  const outList: Interval[] = [];
  for (const [as, ae] of a) for (const [bs, be] of b) {
    const s = Math.max(as, bs);
    const e = Math.min(ae, be);
    if (e > s) outList.push([s, e]);
  }
  return outList.sort((x, y) => x[0] - y[0]);
}

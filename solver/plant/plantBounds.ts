import { lowerBounds } from '../bounds.ts';
import { changeover, precedenceOrder, type CompiledProblem } from '../compile.ts';
import { loadLpBound } from '../loadLpBound.ts';
import type { ObjectiveKpis } from '../objective.ts';
import type { PlantProblem } from './plantProblem.ts';

export interface PlantBounds extends Omit<ObjectiveKpis, 'onTimeOrders'> {
  /** Which bound gave the makespan one. */
  makespanSource: string;
  /** Which bound gave the late-orders one. */
  lateSource: string;
  /** Which bound gave the weighted-tardiness one. */
  tardinessSource: string;
}

/** The assignment LP is solved only up to this many (operation, machine) pairs (a dense simplex). */
const LP_PAIRS = 1500;

/**
 * Lower bounds per criterion, each valid for every plan the plant's rules allow (calendars,
 * maintenance, operators, buffers and transport only make things later; changeovers only add):
 * - makespan: the job-shop bounds (longest path, one machine, average load; bounds.ts), the
 *   assignment LP when operations have a choice of machines, and per machine the calendar end of
 *   the work only it can do (batch equipment, which runs lots together, only in the path bound);
 * - totalSetup: every operation not running yet needs at least the smallest changeover into its
 *   family on any machine it may use;
 * - lateOrders and weightedTardiness: orders late even alone (release, shortest durations along
 *   the routing on each machine's calendar), and where machines are contended the one-machine
 *   relaxation of the machine that gives the most (oneMachineBound): late orders = those late
 *   alone + the fewest the machine must make late among the others; tardiness = the larger of
 *   the two bounds.
 */
export function plantLowerBounds(pp: PlantProblem, c: CompiledProblem, deadline = Infinity): PlantBounds {
  const plant = pp.plant;
  const shared = Uint8Array.from(plant.machines, (m) => (m.batch !== null ? 1 : 0));
  const batches = shared.some((x) => x === 1);
  const jobShop = lowerBounds(c, batches ? shared : null);
  let makespan = Math.max(jobShop.best, pp.planStart);
  let makespanSource = 'job-shop';
  const pairs = c.modeStart[c.n] as number;
  if (!batches && pairs !== c.n && pairs <= LP_PAIRS && performance.now() < deadline) {
    const lp = loadLpBound(c) + pp.planStart;
    if (lp > makespan) { makespan = lp; makespanSource = 'assignment LP'; }
  }
  // Work only machine k can do, on its calendar from the earliest release among it.
  const work = new Float64Array(c.m);
  const from = new Float64Array(c.m).fill(Infinity);
  for (let v = 0; v < c.n; v++) {
    if ((c.modeStart[v + 1] as number) - (c.modeStart[v] as number) !== 1) continue;
    const k = c.modeMachine[c.modeStart[v] as number] as number;
    work[k] = (work[k] as number) + (c.minDuration[v] as number);
    from[k] = Math.min(from[k] as number, c.release[v] as number);
  }
  for (let k = 0; k < c.m; k++) {
    if (!((work[k] as number) > 0) || shared[k] === 1) continue;
    const end = plant.machines[k]!.availability.finish(from[k] as number, work[k] as number);
    if (end > makespan) { makespan = end; makespanSource = `calendar of ${pp.equipment[k]}`; }
  }

  let totalSetup = 0;
  const least = new Map<number, number>();
  const families: number[] = [];
  const seen = new Set<number>();
  for (let v = 0; v < c.n; v++) if (!seen.has(c.family[v] as number)) { seen.add(c.family[v] as number); families.push(v); }
  for (let v = 0; v < c.n; v++) {
    if (pp.fixed[v]?.kind === 'frozen') continue;
    let best = Infinity;
    for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
      const k = c.modeMachine[e] as number;
      const key = k * c.familyCount + (c.family[v] as number);
      let into = least.get(key);
      if (into === undefined) {
        into = changeover(c, k, -1, v);
        for (const a of families) into = Math.min(into, changeover(c, k, a, v));
        least.set(key, into);
      }
      best = Math.min(best, into);
    }
    totalSetup += Number.isFinite(best) ? best : 0;
  }

  // Earliest completion of each operation alone: release, predecessors, its shortest duration on the best machine's calendar.
  const earliest = new Float64Array(c.n);
  for (const v of precedenceOrder(c)) {
    let r = c.release[v] as number;
    for (let e = c.predStart[v] as number; e < (c.predStart[v + 1] as number); e++) r = Math.max(r, earliest[c.predList[e] as number] as number);
    let end = Infinity;
    for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
      const k = c.modeMachine[e] as number;
      end = Math.min(end, plant.machines[k]!.availability.finish(r, c.modeDuration[e] as number));
    }
    earliest[v] = end;
  }
  let lateOrders = 0;
  let weightedTardiness = 0;
  const lateAlone = new Uint8Array(pp.problem.jobs.length);
  pp.problem.jobs.forEach((job, j) => {
    let done = 0;
    for (const v of job.operations) done = Math.max(done, earliest[v] as number);
    if (job.due === null) return;
    const late = done - job.due;
    if (late > 1e-9) { lateOrders++; weightedTardiness += job.weight * late; lateAlone[j] = 1; }
  });
  let lateSource = 'orders late alone';
  let tardinessSource = 'orders late alone';
  if (performance.now() < deadline) {
    // Heads (earliest starts) and tails (least work after) of each operation.
    const head = new Float64Array(c.n);
    const tail = new Float64Array(c.n);
    const order = precedenceOrder(c);
    for (const v of order) {
      let r = c.release[v] as number;
      for (let e = c.predStart[v] as number; e < (c.predStart[v + 1] as number); e++) r = Math.max(r, earliest[c.predList[e] as number] as number);
      head[v] = r;
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i] as number;
      let t = 0;
      for (let e = c.succStart[v] as number; e < (c.succStart[v + 1] as number); e++) t = Math.max(t, (c.minDuration[c.succList[e] as number] as number) + (tail[c.succList[e] as number] as number));
      tail[v] = t;
    }
    const only: number[][] = Array.from({ length: c.m }, () => []);
    for (let v = 0; v < c.n; v++) {
      if ((c.modeStart[v + 1] as number) - (c.modeStart[v] as number) !== 1) continue;
      const k = c.modeMachine[c.modeStart[v] as number] as number;
      if (shared[k] === 0) only[k]!.push(v);
    }
    let moreLate = 0;
    for (let k = 0; k < c.m && performance.now() < deadline; k++) {
      if ((only[k] as number[]).length < 2) continue;
      const b = oneMachineBound(pp, c, k, only[k] as number[], head, tail, lateAlone);
      if (b.late > moreLate) { moreLate = b.late; lateSource = `orders late alone + one-machine relaxation of ${pp.equipment[k]}`; }
      if (b.tardiness > weightedTardiness) { weightedTardiness = b.tardiness; tardinessSource = `one-machine relaxation of ${pp.equipment[k]}`; }
    }
    lateOrders += moreLate;
  }
  return { makespan, totalSetup, lateOrders, weightedTardiness, makespanSource, lateSource, tardinessSource };
}

/**
 * Late orders and weighted tardiness of one machine alone (the one-machine relaxation): the
 * operations only machine k can run, grouped per order (each order's work there in one piece,
 * due when its last piece must end so the rest of its routing still fits, `due − tail`), all
 * available from the earliest time any of them can start, without changeovers, on k's working
 * time. Any plan is such a sequence or slower, so:
 * - late orders ≥ Moore–Hodgson's minimum count of late pieces (exact for the relaxation);
 * - weighted tardiness ≥ the smallest weight × Σ (the i-th shortest-work completion − the i-th
 *   earliest due)⁺ (sorted completions pair with sorted dues; a convex cost is least that way).
 * Orders in `lateAnyway` are left out of the count (they are counted already).
 */
function oneMachineBound(pp: PlantProblem, c: CompiledProblem, k: number, ops: number[], head: Float64Array, tail: Float64Array, lateAnyway: Uint8Array): { late: number; tardiness: number } {
  const clock = pp.plant.machines[k]!.availability;
  const jobs = pp.problem.jobs;
  const work = new Map<number, number>();
  const due = new Map<number, number>();
  let from = Infinity;
  for (const v of ops) {
    const j = c.job[v] as number;
    const d = jobs[j]!.due;
    if (d === null) continue;
    from = Math.min(from, head[v] as number);
    work.set(j, (work.get(j) ?? 0) + (c.minDuration[v] as number));
    due.set(j, Math.max(due.get(j) ?? -Infinity, d - (tail[v] as number)));
  }
  if (work.size < 2) return { late: 0, tardiness: 0 };
  const w0 = clock.work(from);
  const ids = [...work.keys()];
  const p = Float64Array.from(ids, (j) => work.get(j) as number);
  // Dues in working minutes of k: a piece done by calendar time D has had at most work(D) minutes.
  const d = Float64Array.from(ids, (j) => clock.work(due.get(j) as number));
  let wMin = Infinity;
  for (const j of ids) wMin = Math.min(wMin, jobs[j]!.weight);
  // Moore–Hodgson on the orders not counted already.
  const byDue = ids.map((_, i) => i).filter((i) => lateAnyway[ids[i] as number] === 0).sort((a, b) => (d[a] as number) - (d[b] as number) || a - b);
  const heap = new MaxHeap(byDue.length);
  let total = w0;
  let late = 0;
  for (const i of byDue) {
    total += p[i] as number;
    heap.push(p[i] as number);
    if (total > (d[i] as number) + 1e-9) { total -= heap.pop(); late++; }
  }
  // Shortest work first gives the earliest i-th completion of any sequence; pair with sorted dues.
  const ps = Array.from(p).sort((a, b) => a - b);
  const ds = Array.from(d).sort((a, b) => a - b);
  let at = w0;
  let tardy = 0;
  for (let i = 0; i < ps.length; i++) {
    at += ps[i] as number;
    tardy += Math.max(0, at - (ds[i] as number));
  }
  return { late, tardiness: wMin > 0 && Number.isFinite(wMin) ? wMin * tardy : 0 };
}

/** A max-heap of numbers (Moore–Hodgson drops the longest piece kept so far). */
class MaxHeap {
  private readonly a: Float64Array;
  private size = 0;
  constructor(capacity: number) { this.a = new Float64Array(Math.max(1, capacity)); }
  push(x: number): void {
    const a = this.a;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((a[up] as number) >= x) break;
      a[i] = a[up] as number;
      i = up;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.a;
    const top = a[0] as number;
    const x = a[--this.size] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && (a[child + 1] as number) > (a[child] as number)) child++;
      if ((a[child] as number) <= x) break;
      a[i] = a[child] as number;
      i = child;
    }
    a[i] = x;
    return top;
  }
}

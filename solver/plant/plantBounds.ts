import { lowerBounds } from '../bounds.ts';
import { changeover, precedenceOrder, type CompiledProblem } from '../compile.ts';
import { loadLpBound } from '../loadLpBound.ts';
import type { ObjectiveKpis } from '../objective.ts';
import type { PlantProblem } from './plantProblem.ts';

export interface PlantBounds extends Omit<ObjectiveKpis, 'onTimeOrders'> {
  /** Which bound gave the makespan one. */
  makespanSource: string;
  /** Which bound gave the late-orders and tardiness ones. */
  lateSource: string;
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
 *   the routing on each machine's calendar).
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
  for (const job of pp.problem.jobs) {
    let done = 0;
    for (const v of job.operations) done = Math.max(done, earliest[v] as number);
    if (job.due === null) continue;
    const late = done - job.due;
    if (late > 1e-9) { lateOrders++; weightedTardiness += job.weight * late; }
  }
  return { makespan, totalSetup, lateOrders, weightedTardiness, makespanSource, lateSource: 'orders late alone' };
}

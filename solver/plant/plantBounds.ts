import { lowerBounds } from '../bounds.ts';
import { precedenceOrder } from '../compile.ts';
import type { ObjectiveKpis } from '../objective.ts';
import type { Decoder } from './decode.ts';

export interface PlantBounds extends Omit<ObjectiveKpis, 'onTimeOrders'> {
  /** Which bound gave the makespan: the combinatorial job-shop ones or the shift-bucket LP. */
  makespanSource: 'job-shop' | 'LP shifts';
}

/**
 * Lower bounds per criterion, each valid with calendars (pauses only make things later) and
 * changeovers:
 * - makespan: the job-shop bounds (longest path, one-machine, load) of `bounds.ts`, or the
 *   shift-bucket LP's (`plantLpBound.ts`, a relaxation too) when given and higher;
 * - totalSetup: every operation not running yet needs at least the smallest changeover into
 *   its family on any machine it may use (0 on machines without a matrix);
 * - lateOrders and weightedTardiness: orders whose earliest completion (release, fixed times and
 *   shortest durations along the routing, machines ignored) is past the due date. This is weak
 *   — often 0 — because it ignores machine contention.
 */
export function plantLowerBounds(d: Decoder, lpMakespan: number | null = null): PlantBounds {
  const c = d.c;
  const p = d.pp.problem;
  const combinatorial = Math.max(lowerBounds(c).best, d.pp.planStart);
  const makespanSource = lpMakespan !== null && lpMakespan > combinatorial ? 'LP shifts' : 'job-shop';
  const makespan = makespanSource === 'LP shifts' ? (lpMakespan as number) : combinatorial;
  // One representative operation per family is enough: changeovers depend on families only.
  const sample = new Map<number, number>();
  for (let v = 0; v < c.n; v++) if (!sample.has(c.family[v] as number)) sample.set(c.family[v] as number, v);
  const least = new Map<string, number>();
  let totalSetup = 0;
  for (let v = 0; v < c.n; v++) {
    if (d.pp.fixed[v]?.kind === 'frozen') continue;
    let best = Infinity;
    for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
      const k = c.modeMachine[e] as number;
      const key = `${k}/${c.family[v] as number}`;
      let into = least.get(key);
      if (into === undefined) {
        into = d.changeover(k, -1, v);
        for (const a of sample.values()) into = Math.min(into, d.changeover(k, a, v));
        least.set(key, into);
      }
      best = Math.min(best, into);
    }
    totalSetup += Number.isFinite(best) ? best : 0;
  }
  const earliest = new Float64Array(c.n);
  for (const v of precedenceOrder(c)) {
    const f = d.pp.fixed[v];
    if (f) { earliest[v] = f.end; continue; }
    let r = c.release[v] as number;
    for (let e = c.predStart[v] as number; e < (c.predStart[v + 1] as number); e++) r = Math.max(r, earliest[c.predList[e] as number] as number);
    earliest[v] = r + (c.minDuration[v] as number);
  }
  let lateOrders = 0;
  let weightedTardiness = 0;
  for (const job of p.jobs) {
    const lastOp = job.operations[job.operations.length - 1];
    if (lastOp === undefined || job.due === null) continue;
    const late = (earliest[lastOp] as number) - job.due;
    if (late > 1e-9) { lateOrders++; weightedTardiness += job.weight * late; }
  }
  return { makespan, totalSetup, lateOrders, weightedTardiness, makespanSource };
}

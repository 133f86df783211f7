import { bucketBound, type Bucket } from '../lp/bucketBound.ts';
import { precedenceOrder } from '../compile.ts';
import type { Decoder } from './decode.ts';

export interface PlantLpBound {
  /** A valid makespan bound from the shift-bucket LP, or null when the LP gave none. */
  makespan: number | null;
  /** A machine per operation, rounded from its group's LP split (fixed ones keep theirs). */
  machineOf: Int32Array;
}

/** Equal buckets between the plan start and the horizon estimate; ten keep the LP near 0.3 s on electronics-smt (2815 operations), twenty-four took 2 s. */
const BUCKETS = 10;

/**
 * The bucket LP (`bucketBound`) on a plant problem: machines' working minutes per time bucket as
 * capacity (less what fixed operations occupy), operations' earliest starts (release and the
 * shortest chain of predecessors; calendars only delay) as release buckets. Buckets are equal
 * slices of [plan start, `until`) plus one up to the end of every calendar, so they hold all the
 * working time there is. To stay small the LP has one job per (eligible machines, release
 * bucket) group, whose work on machine k is Σ w_i · s_k with w_i the operation's shortest
 * duration and s_k = min over the group of d_ik / w_i. That is a relaxation: every d_ik ≥ w_i s_k,
 * so any split of the real operations gives the group a split with loads no larger, and with
 * proportional durations grouping loses nothing. Changeovers only add working time. So any
 * schedule is (after shrinking its loads) a point of each LP, and the bound never exceeds a
 * feasible makespan.
 */
export function plantLpBound(d: Decoder, until: number): PlantLpBound {
  const c = d.c;
  const pp = d.pp;
  const machineOf = new Int32Array(c.n);
  for (let v = 0; v < c.n; v++) machineOf[v] = d.isFixed(v) ? (pp.fixed[v]?.machine ?? 0) : (c.modeMachine[c.modeStart[v] as number] as number);
  const end = Math.max(until, ...pp.calendars.map((iv) => iv[iv.length - 1]?.[1] ?? 0));
  const step = Math.ceil((until - pp.planStart) / BUCKETS);
  if (!(step > 0) || end <= pp.planStart) return { makespan: null, machineOf };
  const buckets: Bucket[] = [];
  for (let s = pp.planStart; s < until; s += step) buckets.push({ start: s, end: Math.min(until, s + step) });
  if (end > until) buckets.push({ start: until, end });
  const capacity = d.clocks.map((clock) => buckets.map((b) => clock.within(b.start, b.end)));
  pp.fixed.forEach((f) => {
    if (f === null) return;
    const clock = d.clocks[f.machine];
    const row = capacity[f.machine];
    if (!clock || !row) return;
    buckets.forEach((b, i) => { row[i] = Math.max(0, (row[i] as number) - clock.within(Math.max(b.start, f.start), Math.min(b.end, f.end))); });
  });

  const head = new Float64Array(c.n);
  const earliestEnd = new Float64Array(c.n);
  for (const v of precedenceOrder(c)) {
    const f = pp.fixed[v];
    if (f) { earliestEnd[v] = f.end; continue; }
    let r = c.release[v] as number;
    for (let e = c.predStart[v] as number; e < (c.predStart[v + 1] as number); e++) r = Math.max(r, earliestEnd[c.predList[e] as number] as number);
    head[v] = r;
    earliestEnd[v] = r + (c.minDuration[v] as number);
  }
  const groups = new Map<string, number[]>();
  for (let v = 0; v < c.n; v++) {
    if (d.isFixed(v)) continue;
    let b = buckets.findIndex((x) => x.end > (head[v] as number));
    if (b < 0) b = buckets.length - 1;
    const machines: number[] = [];
    for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) machines.push(c.modeMachine[e] as number);
    const key = `${machines.join(',')}/${b}`;
    const g = groups.get(key);
    if (g) g.push(v); else groups.set(key, [v]);
  }
  const members = [...groups.values()];
  if (members.length === 0) return { makespan: null, machineOf };
  const work: (number | null)[][] = [];
  const release: number[] = [];
  for (const ops of members) {
    const ratio = new Array<number>(c.m).fill(Infinity);
    let total = 0;
    let from = Infinity;
    for (const v of ops) {
      const w = c.minDuration[v] as number;
      total += w;
      from = Math.min(from, head[v] as number);
      for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
        const k = c.modeMachine[e] as number;
        ratio[k] = Math.min(ratio[k] as number, w > 0 ? (c.modeDuration[e] as number) / w : 1);
      }
    }
    work.push(ratio.map((r) => (Number.isFinite(r) ? total * r : null)));
    release.push(from);
  }
  const plan = bucketBound({ machines: c.m, work, buckets, capacity, release, balance: true });
  if (plan.lowerBound === null) return { makespan: null, machineOf };
  // A group's operations share its LP split: each, in index order, goes to the machine with the
  // largest share still unfilled (in shortest-duration minutes), so a split group stays split.
  members.forEach((ops, j) => {
    const row = work[j] as (number | null)[];
    const quota = row.map((t, k) => {
      if (t === null) return -Infinity;
      let x = 0;
      for (let b = 0; b < buckets.length; b++) x += t > 0 ? (plan.load[k]?.[b] ?? 0) / t : 0;
      return x;
    });
    const total = ops.reduce((sum, v) => sum + (c.minDuration[v] as number), 0);
    for (let k = 0; k < quota.length; k++) quota[k] = (quota[k] as number) * total;
    for (const v of ops) {
      let best = -1;
      for (let k = 0; k < quota.length; k++) if (quota[k] !== -Infinity && (best < 0 || (quota[k] as number) > (quota[best] as number) + 1e-9)) best = k;
      if (best < 0) continue;
      machineOf[v] = best;
      quota[best] = (quota[best] as number) - (c.minDuration[v] as number);
    }
  });
  return { makespan: plan.lowerBound, machineOf };
}

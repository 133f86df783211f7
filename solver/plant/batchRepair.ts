import type { SequenceGraph } from '../graph.ts';
import type { PlantFlow } from './flow.ts';
import { batchGroup, type PlantProblem } from './plantProblem.ts';

const EPS = 1e-9;

/**
 * Splits each batch the last timing flagged for maxWait (a lot waited longer than maxWait for
 * partners at a free, working machine) the way the simulator resolves it: the lots that were
 * there when the wait ran out go as the batch; each later one joins the next batch of its group
 * on that machine with room for it, or else the later ones go together right after (in their
 * listed order). The sequences in `g` change; `flow` must hold the timing of `g`'s current
 * sequences. Returns how many batches were split (0: nothing to repair).
 *
 * Why: dispatching waits up to maxWait for a fuller load, but the followed sequences start some
 * batches earlier, and a partner then comes later than the wait allows elsewhere. Such a plan
 * ranks below every plan without violations, however good; repaired, it keeps its order, and a
 * later load takes the late lot where it can instead of a cycle of its own.
 */
export function splitLateBatchLots(pp: PlantProblem, g: SequenceGraph, flow: PlantFlow): number {
  const plant = pp.plant;
  let split = 0;
  const seqs: number[][] = [];
  const link = g.batchLink.slice();
  for (let k = 0; k < g.c.m; k++) {
    const machine = plant.machines[k]!;
    const batch = machine.batch;
    const jobs: number[][] = [];
    for (let v = g.mFirst[k] as number; v >= 0;) {
      const members: number[] = [v];
      let w = g.mNext[v] as number;
      while (w >= 0 && g.batchLink[w] === 1) { members.push(w); w = g.mNext[w] as number; }
      jobs.push(members);
      v = w;
    }
    if (batch !== null) {
      const units = (job: number[]): number => job.reduce((q, x) => q + (plant.quantity[x] as number), 0);
      for (let i = 0; i < jobs.length; i++) {
        const members = jobs[i]!;
        const v = members[0]!;
        if (flow.violation[v] !== 1 || members.length < 2) continue;
        let first = Infinity;
        for (const x of members) first = Math.min(first, flow.arrived[x] as number);
        const couldStart = machine.availability.nextWorking(Math.max(flow.jobIdle[v] as number, first + batch.maxWait));
        const there = members.filter((x) => (flow.arrived[x] as number) <= couldStart + EPS);
        const later = members.filter((x) => (flow.arrived[x] as number) > couldStart + EPS);
        if (there.length === 0 || later.length === 0) continue;
        split++;
        jobs[i] = there;
        const alone: number[] = [];
        for (const x of later) {
          const group = batchGroup(plant, k, x);
          const q = plant.quantity[x] as number;
          let j = i + 1;
          while (j < jobs.length && !(batchGroup(plant, k, jobs[j]![0]!) === group && units(jobs[j]!) + q <= batch.capacity + EPS)) j++;
          if (j < jobs.length) jobs[j]!.push(x); else alone.push(x);
        }
        if (alone.length > 0) jobs.splice(i + 1, 0, alone);
      }
    }
    const seq: number[] = [];
    for (const job of jobs) job.forEach((x, i) => { link[x] = i === 0 ? 0 : 1; seq.push(x); });
    seqs.push(seq);
  }
  if (split > 0) {
    g.load(seqs);
    g.batchLink.set(link);
  }
  return split;
}

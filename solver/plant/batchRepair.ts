import type { SequenceGraph } from '../graph.ts';
import type { PlantFlow } from './flow.ts';
import type { PlantProblem } from './plantProblem.ts';

const EPS = 1e-9;

/**
 * Splits each batch the last timing flagged for maxWait (a lot waited longer than maxWait for
 * partners at a free, working machine) the way the simulator resolves it: the lots that were
 * there when the wait ran out go as the batch, the later ones as a batch of their own right
 * after it (in their listed order). The sequences in `g` change; `flow` must hold the timing of
 * `g`'s current sequences. Returns how many batches were split (0: nothing to repair).
 *
 * Why: dispatching waits up to maxWait for a fuller load, but the followed sequences start some
 * batches earlier, and a partner then comes later than the wait allows elsewhere. Such a plan
 * ranks below every plan without violations, however good; split, it keeps its order.
 */
export function splitLateBatchLots(pp: PlantProblem, g: SequenceGraph, flow: PlantFlow): number {
  let split = 0;
  const seqs: number[][] = [];
  const link = g.batchLink.slice();
  for (let k = 0; k < g.c.m; k++) {
    const seq: number[] = [];
    const machine = pp.plant.machines[k]!;
    for (let v = g.mFirst[k] as number; v >= 0;) {
      const members: number[] = [v];
      let w = g.mNext[v] as number;
      while (w >= 0 && g.batchLink[w] === 1) { members.push(w); w = g.mNext[w] as number; }
      const batch = machine.batch;
      if (flow.violation[v] === 1 && batch !== null && members.length > 1) {
        let first = Infinity;
        for (const x of members) first = Math.min(first, flow.arrived[x] as number);
        const couldStart = machine.availability.nextWorking(Math.max(flow.jobIdle[v] as number, first + batch.maxWait));
        const there = members.filter((x) => (flow.arrived[x] as number) <= couldStart + EPS);
        const later = members.filter((x) => (flow.arrived[x] as number) > couldStart + EPS);
        if (there.length > 0 && later.length > 0) {
          split++;
          for (const group of [there, later]) group.forEach((x, i) => { link[x] = i === 0 ? 0 : 1; seq.push(x); });
          v = w;
          continue;
        }
      }
      seq.push(...members);
      v = w;
    }
    seqs.push(seq);
  }
  if (split > 0) {
    g.load(seqs);
    g.batchLink.set(link);
  }
  return split;
}

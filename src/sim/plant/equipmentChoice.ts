import type { Lot } from './lots.ts';
import { estimateOf, type Machine } from './machine.ts';
import { applySetup, setupTime } from './setups.ts';

/**
 * Which of the eligible machines gets a lot, decided when the lot is ready for the operation
 * (released, or done with the previous one): the least expected finish time, estimated as
 *   what is left of the current job + the backlog already sent there
 *   + the changeover from the last lot sent there + this lot's mean time there.
 * Ties go to the machine listed first (the routing's preferred one). Breakdowns and shifts are
 * not foreseen: a dispatcher does not know when the next failure comes either.
 *
 * The estimate is committed: it is added to the machine's backlog until the lot starts there.
 */
export function chooseEquipment(lot: Lot, machines: readonly Machine[], now: number, fixed: number | undefined): number {
  const op = lot.routing.operations[lot.op]!;
  let best: Machine | undefined;
  if (fixed !== undefined) best = machines[fixed];
  if (!best && op.eligible.length === 1) best = machines[op.eligible[0]!.equipment];
  let bestScore = Infinity;
  if (!best) {
    for (const e of op.eligible) {
      const m = machines[e.equipment]!;
      const score = Math.max(0, m.expectedEnd - now) + m.backlog + setupTime(m.spec.setups, m.tailKeys, lot.product) + estimateOf(lot, m);
      if (score < bestScore) {
        bestScore = score;
        best = m;
      }
    }
  }
  const machine = best!;
  lot.target = machine.spec.index;
  lot.estimate = setupTime(machine.spec.setups, machine.tailKeys, lot.product) + estimateOf(lot, machine);
  machine.backlog += lot.estimate;
  applySetup(machine.spec.setups, machine.tailKeys, lot.product);
  return machine.spec.index;
}

import { OUTSIDE, type Lot } from './lots.ts';
import { estimateOf } from './jobChoice.ts';
import type { Machine } from './machine.ts';
import { plannedRunMinutes } from './plannedTimes.ts';
import { applySetup, setupTime } from './setups.ts';

/**
 * Which of the eligible machines gets a lot, decided when the lot is ready for the operation
 * (released, or done with the previous one): the least expected finish time, estimated as
 *   what is left of the current job + the backlog already sent there
 *   + the changeover from the last lot sent there + this lot's mean time there.
 * Ties go to the machine listed first (the routing's preferred one). Breakdowns and shifts are
 * not foreseen: a dispatcher does not know when the next failure comes either.
 *
 * A lot stays on its line: when the equipment it leaves belongs to an ISA-95 line that has
 * eligible equipment for the next operation, only that line's equipment is considered. A board
 * printed on SMT line 2 is placed, soldered and inspected on line 2, not carted to line 3.
 *
 * An uninterruptible operation does not go where its planned run fits in no working window
 * (`fitsSomeWindow`; with a run skill, none shared with a crew's shift), unless it fits nowhere.
 *
 * The estimate is committed: it is added to the machine's backlog until the lot starts there.
 */
export function chooseEquipment(
  lot: Lot, machines: readonly Machine[], now: number, fixed: number | undefined,
  fitsSomeWindow: (machine: Machine, minutes: number, runSkill: string | undefined) => boolean,
): number {
  const op = lot.routing.operations[lot.op]!;
  let best: Machine | undefined;
  if (fixed !== undefined) best = machines[fixed];
  if (!best && op.eligible.length === 1) best = machines[op.eligible[0]!.equipment];
  let bestScore = Infinity;
  if (!best) {
    const from = lot.from === OUTSIDE ? undefined : machines[lot.from];
    const line = from ? from.spec.line : -1;
    // Equipment the run fits nowhere on is left out, unless that leaves none.
    let fits = op.uninterruptible ? op.eligible.map((e) => fitsSomeWindow(machines[e.equipment]!, plannedRunMinutes(op, machines[e.equipment]!.spec, lot.quantity), op.runSkill)) : undefined;
    if (fits && !fits.includes(true)) fits = undefined;
    let stay = false;
    if (line >= 0) for (let k = 0; k < op.eligible.length; k++) if ((!fits || fits[k]) && machines[op.eligible[k]!.equipment]!.spec.line === line) stay = true;
    for (let k = 0; k < op.eligible.length; k++) {
      const m = machines[op.eligible[k]!.equipment]!;
      if ((fits && !fits[k]) || (stay && m.spec.line !== line)) continue;
      const score = Math.max(0, m.expectedEnd - now) + m.backlog + setupTime(m.spec.setups, m.tailKeys, lot.product) + estimateOf(lot, m.spec);
      if (score < bestScore) {
        bestScore = score;
        best = m;
      }
    }
  }
  const machine = best!;
  lot.target = machine.spec.index;
  lot.estimate = setupTime(machine.spec.setups, machine.tailKeys, lot.product) + estimateOf(lot, machine.spec);
  machine.backlog += lot.estimate;
  applySetup(machine.spec.setups, machine.tailKeys, lot.product);
  return machine.spec.index;
}

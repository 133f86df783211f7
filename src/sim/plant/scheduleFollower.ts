import type { Schedule } from '../../model/scheduleSchema.ts';
import type { CompiledPlant } from './compiledPlant.ts';
import type { Lot } from './lots.ts';

export interface ScheduleEntry {
  order: number;
  op: number;
  batch: string | undefined;
  done: boolean;
}

/**
 * Dispatching by a given schedule (or a dispatch list turned into one): each equipment works
 * its listed operations in the order of their planned start, and a listed lot waits until it is
 * next on its equipment's list. Only the sequence is followed, not the planned clock times.
 *
 * Rules where a schedule meets a stochastic plant:
 * - A lot's equipment is the one the schedule assigns its operation to (when eligible);
 *   operations the schedule does not mention choose equipment as under the other rules.
 * - An entry is used up when a lot of its order and operation starts there. Lots the list does
 *   not mention (rework, later pieces of a split lot, unplanned work) fill gaps FIFO while the
 *   next listed lot has not arrived, so unplanned work never waits for the list to run out.
 * - Entries of orders that are complete are skipped (their lots were all scrapped or rerouted).
 * - On batch equipment, entries sharing a batch id run together: the batch starts when all
 *   their lots are there, or when the oldest has waited the equipment's maxWait.
 */
export class ScheduleFollower {
  private readonly lists: ScheduleEntry[][];
  private readonly heads: Int32Array;
  private readonly assigned = new Map<string, number>();

  constructor(plant: CompiledPlant, schedule: Schedule) {
    this.lists = plant.equipment.map(() => []);
    const sorted = schedule.operations
      .map((op, k) => ({ op, k, start: Date.parse(op.start) }))
      .sort((a, b) => a.start - b.start || a.k - b.k);
    for (const { op } of sorted) {
      const order = plant.orderIndex.get(op.order);
      const equipment = plant.equipmentIndex.get(op.equipment);
      if (order === undefined || equipment === undefined) continue;
      const product = plant.products[plant.orders[order]!.product];
      const routing = product && plant.routings[product.routing];
      const opIndex = routing?.operationIndex.get(op.operation);
      if (opIndex === undefined || !routing!.operations[opIndex]!.eligible.some((e) => e.equipment === equipment)) continue;
      this.lists[equipment]!.push({ order, op: opIndex, batch: op.batch, done: false });
      if (!this.assigned.has(`${order}/${opIndex}`)) this.assigned.set(`${order}/${opIndex}`, equipment);
    }
    this.heads = new Int32Array(this.lists.length);
  }

  /** The equipment the schedule puts this order's operation on, if any. */
  equipmentFor(order: number, op: number): number | undefined {
    return this.assigned.get(`${order}/${op}`);
  }

  /**
   * The entries next in line on `equipment` (one, or all of the next batch), or undefined when
   * its list is used up. `isComplete(order)` skips entries of finished orders.
   */
  nextListed(equipment: number, isComplete: (order: number) => boolean): ScheduleEntry[] | undefined {
    const list = this.lists[equipment]!;
    let head = this.heads[equipment]!;
    while (head < list.length && (list[head]!.done || isComplete(list[head]!.order))) head++;
    this.heads[equipment] = head;
    const next = list[head];
    if (!next) return undefined;
    if (next.batch === undefined) return [next];
    return list.filter((e, k) => k >= head && !e.done && e.batch === next.batch && !isComplete(e.order));
  }

  /** Index in `queue` of the lot an entry asks for, or -1. */
  find(entry: ScheduleEntry, queue: readonly Lot[]): number {
    let best = -1;
    for (let i = 0; i < queue.length; i++) {
      const lot = queue[i]!;
      if (lot.order.spec.index !== entry.order || lot.op !== entry.op) continue;
      if (best < 0 || lot.queuedAt < queue[best]!.queuedAt) best = i;
    }
    return best;
  }

  consume(entry: ScheduleEntry): void {
    entry.done = true;
  }

  /** Whether some entry still waiting on `equipment` names this lot's order and operation. */
  isListed(equipment: number, lot: Lot): boolean {
    const list = this.lists[equipment]!;
    for (let k = this.heads[equipment]!; k < list.length; k++) {
      const e = list[k]!;
      if (!e.done && e.order === lot.order.spec.index && e.op === lot.op) return true;
    }
    return false;
  }
}

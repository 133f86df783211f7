import type { OrderSpec, RoutingSpec } from './compiledPlant.ts';
import type { ScheduleEntry } from './scheduleFollower.ts';

/** Equipment index meaning "outside the plant": where released lots come from and finished ones go. */
export const OUTSIDE = 0xffff;

/**
 * An order while it runs. Its units are released as one lot; yield losses, rework and batch
 * splits can turn that lot into several. The order is complete when every released unit has
 * left the plant, as a good unit after the last operation or as scrap.
 */
export interface OrderRun {
  spec: OrderSpec;
  /** Units released into the plant so far (the order quantity, or what a snapshot holds of it). */
  released: number;
  /** Units still to be released (0 once released, and for orders a snapshot holds). */
  unreleased: number;
  /** Released units still in the plant. */
  outstanding: number;
  good: number;
  scrap: number;
  /** Minutes from the scenario start; NaN until complete. */
  completedAt: number;
}

/**
 * The unit of flow: some units of one order at one operation of its routing. A lot is processed
 * as one job (quantity × unit time), or as part of a batch on batch equipment.
 */
export interface Lot {
  id: number;
  order: OrderRun;
  product: number;
  routing: RoutingSpec;
  /** Index of the operation the lot is at (waiting for, or running). */
  op: number;
  quantity: number;
  /** When the lot entered the plant (release, snapshot start, rework or split). */
  enteredAt: number;
  /** When the lot joined the queue it waits in now; FIFO order and batch waiting count from here. */
  queuedAt: number;
  /** Equipment chosen for the operation the lot is at. */
  target: number;
  /** Equipment whose output buffer the lot waits in for transport, or OUTSIDE. */
  from: number;
  /** Expected minutes the lot adds to its target's backlog until it starts there. */
  estimate: number;
  /** Following a schedule: the entry this lot was cut for at its current equipment, if any. */
  entry: ScheduleEntry | undefined;
}

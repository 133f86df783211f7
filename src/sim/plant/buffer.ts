import { Fifo } from '../fifo.ts';
import type { Lot } from './lots.ts';

/**
 * Room counted in units (the layout gives buffer capacities in parts). A lot takes room for all
 * its units; a lot bigger than the whole buffer is let into an empty one, since refusing it
 * forever would stall the plant for no physical reason (it simply fills the place).
 */
function fits(used: number, quantity: number, capacity: number): boolean {
  return used === 0 || used + quantity <= capacity;
}

/**
 * The queue in front of equipment. A lot reserves its room before it travels (so a vehicle
 * never arrives at a full buffer) and gives it back when it starts on the equipment. Lots that
 * find no room wait in request order and are served head-of-line: the oldest request first,
 * even if a later, smaller lot would fit, so big lots are never starved. The rule is the same
 * when following a schedule (and in the solver's flow, solver/plant/flow.ts releaseRoom): a
 * plan made by it, or a dispatching run written as an as-run schedule, is then repeated grant
 * for grant. "Room to the lot planned first" could not repeat a dispatching run, which grants
 * room in request order and then starts lots in its rule's order. `priority` (the planned time
 * of the lot's job here, when following) does not reorder grants: it tells the follower which
 * planned lot is kept out (`earliestWaiting`) and lets a deadlock be broken (`overfill`).
 */
export class InputBuffer {
  /** Units reserved or present. */
  used = 0;
  private readonly waitingLots = new Fifo<Lot>();
  /** With a priority: the waiting lots in request order (listed for deadlock breaking). */
  private readonly listed: Lot[] = [];

  constructor(
    readonly capacity: number,
    private readonly onGranted: (lot: Lot) => void,
    private readonly priority?: (lot: Lot) => number,
  ) {}

  /** Reserves room and returns true, or queues the request (onGranted follows later) and returns false. */
  request(lot: Lot): boolean {
    if (this.waiting === 0 && fits(this.used, lot.quantity, this.capacity)) {
      this.used += lot.quantity;
      return true;
    }
    if (this.priority) this.listed.push(lot);
    else this.waitingLots.push(lot);
    return false;
  }

  /** Lots waiting for room, in request order, when the buffer has a priority (else empty). */
  get listedWaiting(): readonly Lot[] {
    return this.listed;
  }

  /** Lets a lot waiting for room in although there is none (breaking a deadlock); with a priority only. */
  overfill(lot: Lot): void {
    const k = this.listed.indexOf(lot);
    if (k < 0) return;
    this.listed.splice(k, 1);
    this.used += lot.quantity;
    this.onGranted(lot);
  }

  /** The lowest priority among the lots waiting for room (Infinity for none, or without priorities). */
  earliestWaiting(): number {
    let best = Infinity;
    if (this.priority) for (const lot of this.listed) best = Math.min(best, this.priority(lot));
    return best;
  }

  /** Puts units in without asking (a snapshot's work in process, a batch split in place). */
  force(quantity: number): void {
    this.used += quantity;
  }

  /** Lots waiting for room. */
  get waiting(): number {
    return this.waitingLots.length + this.listed.length;
  }

  release(quantity: number): void {
    this.used -= quantity;
    for (;;) {
      const next = this.priority ? this.listed[0] : this.waitingLots.peek();
      if (!next || !fits(this.used, next.quantity, this.capacity)) return;
      if (this.priority) this.listed.shift(); else this.waitingLots.shift();
      this.used += next.quantity;
      this.onGranted(next);
    }
  }
}

/**
 * The place finished lots wait for transport. When it is full the equipment keeps its finished
 * lot and is blocked (blocking after service).
 */
export class OutputBuffer {
  used = 0;

  constructor(readonly capacity: number) {}

  tryPut(quantity: number): boolean {
    if (!fits(this.used, quantity, this.capacity)) return false;
    this.used += quantity;
    return true;
  }

  /** Puts units in without asking (a snapshot's finished lot waiting to leave). */
  force(quantity: number): void {
    this.used += quantity;
  }

  take(quantity: number): void {
    this.used -= quantity;
  }
}

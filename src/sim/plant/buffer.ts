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
 * find no room wait in request order; the oldest request is served first even if a later,
 * smaller lot would fit, so big lots are never starved. Following a schedule, `priority` (the
 * planned time of the lot's job here) orders them instead: room goes to the lot planned first.
 */
export class InputBuffer {
  /** Units reserved or present. */
  used = 0;
  private readonly waitingLots = new Fifo<Lot>();
  /** With a priority: the waiting lots in request order, served lowest priority first. */
  private readonly ranked: Lot[] = [];

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
    if (this.priority) this.ranked.push(lot);
    else this.waitingLots.push(lot);
    return false;
  }

  /** Lots waiting for room, when waiting is ranked by priority (else empty). */
  get rankedWaiting(): readonly Lot[] {
    return this.ranked;
  }

  /** Lets a lot waiting for room in although there is none (breaking a deadlock); ranked waiting only. */
  overfill(lot: Lot): void {
    const k = this.ranked.indexOf(lot);
    if (k < 0) return;
    this.ranked.splice(k, 1);
    this.used += lot.quantity;
    this.onGranted(lot);
  }

  /** The lowest priority among the lots waiting for room (Infinity for none, or without priorities). */
  earliestWaiting(): number {
    let best = Infinity;
    if (this.priority) for (const lot of this.ranked) best = Math.min(best, this.priority(lot));
    return best;
  }

  /** Puts units in without asking (a snapshot's work in process, a batch split in place). */
  force(quantity: number): void {
    this.used += quantity;
  }

  /** Lots waiting for room. */
  get waiting(): number {
    return this.waitingLots.length + this.ranked.length;
  }

  release(quantity: number): void {
    this.used -= quantity;
    if (this.priority) {
      this.releaseRanked(this.priority);
      return;
    }
    for (;;) {
      const next = this.waitingLots.peek();
      if (!next || !fits(this.used, next.quantity, this.capacity)) return;
      this.waitingLots.shift();
      this.used += next.quantity;
      this.onGranted(next);
    }
  }

  private releaseRanked(priority: (lot: Lot) => number): void {
    for (;;) {
      let k = -1;
      for (let i = 0; i < this.ranked.length; i++) if (k < 0 || priority(this.ranked[i]!) < priority(this.ranked[k]!)) k = i;
      const next = this.ranked[k];
      if (!next || !fits(this.used, next.quantity, this.capacity)) return;
      this.ranked.splice(k, 1);
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

/**
 * The future event list: a binary min-heap ordered by (time, insertion order).
 *
 * Why this shape:
 * - Ties break by insertion order (as SimPy's event id does), so a seed gives the same event
 *   sequence on every run and every engine.
 * - Heap keys live in parallel typed arrays (time, sequence number, slot) rather than in one object
 *   per event: a simulation schedules millions of events, and allocation-free sifting over
 *   unboxed doubles is several times faster in V8 than sifting objects.
 * - An event's handler and data sit in a *slot* that stays put while its heap key moves. The
 *   handle given to callers names the slot and the slot's generation, so a handle to an event
 *   that already fired (whose slot was reused since) can never cancel someone else's event.
 *   A slot's generation is odd while its event is live and even once it fired or was cancelled,
 *   so one number answers both "is it live?" and "is it still the event this handle names?".
 * - Cancellation is lazy: the slot is marked dead and the heap entry is dropped when it reaches
 *   the top. That makes cancel O(1), and preemption (failures, shift ends) cancels often.
 */

/** What happens when an event fires; `data` says to whom (a machine, a part, an index). */
export type Handler<T> = (data: T) => void;

/** Names one scheduled event, for cancelling it or asking when it is due. */
export type EventHandle = number & { readonly __brand: 'EventHandle' };

/** A handle that names no event; cancelling it does nothing. */
export const NO_EVENT = -1 as EventHandle;

const SLOT_BITS = 24;
const SLOT_COUNT_LIMIT = 1 << SLOT_BITS;
const SLOT_MASK = SLOT_COUNT_LIMIT - 1;
// Generations wrap (keeping their parity) so that gen * 2^24 + slot stays an exact integer below 2^53.
const GENERATION_MASK = (1 << 28) - 1;

function noHandler(): void {
  throw new Error('EventQueue: no due event');
}

export class EventQueue {
  private capacity: number;
  private size = 0;
  private nextSeq = 0;
  private live = 0;

  private heapTime: Float64Array;
  private heapSeq: Float64Array;
  private heapSlot: Int32Array;

  private slotHandler: Array<Handler<unknown> | undefined>;
  private slotData: unknown[];
  private slotTime: Float64Array;
  private slotGeneration: Int32Array;
  private freeSlots: Int32Array;
  private freeCount: number;

  /** Handler and data of the event the last `popDue` removed. */
  dueHandler: Handler<unknown> = noHandler;
  dueData: unknown = undefined;
  private dueSlot = 0;

  constructor(initialCapacity = 64) {
    this.capacity = Math.max(4, initialCapacity);
    this.heapTime = new Float64Array(this.capacity);
    this.heapSeq = new Float64Array(this.capacity);
    this.heapSlot = new Int32Array(this.capacity);
    this.slotHandler = new Array<Handler<unknown> | undefined>(this.capacity).fill(undefined);
    this.slotData = new Array<unknown>(this.capacity).fill(undefined);
    this.slotTime = new Float64Array(this.capacity);
    this.slotGeneration = new Int32Array(this.capacity);
    this.freeSlots = new Int32Array(this.capacity);
    this.freeCount = 0;
    for (let s = this.capacity - 1; s >= 0; s--) this.freeSlots[this.freeCount++] = s;
  }

  /** Events scheduled and neither fired nor cancelled. */
  get pending(): number {
    return this.live;
  }

  /** Schedules `handler(data)` at `time`; later insertions at the same time fire later. */
  push(time: number, handler: Handler<unknown>, data: unknown): EventHandle {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount]!;
    const generation = (this.slotGeneration[slot]! + 1) & GENERATION_MASK; // odd: live
    this.slotGeneration[slot] = generation;
    this.slotHandler[slot] = handler;
    this.slotData[slot] = data;
    this.slotTime[slot] = time;
    this.live++;
    this.siftUp(slot);
    // `push` stays small so V8 inlines it: a caller that ignores the handle then never boxes it
    // (handles exceed the small-integer range, and a returned double costs an allocation).
    return (generation * SLOT_COUNT_LIMIT + slot) as EventHandle;
  }

  /** Marks the event dead; returns false if it already fired, was cancelled, or never existed. */
  cancel(handle: EventHandle): boolean {
    const slot = this.liveSlot(handle);
    if (slot < 0) return false;
    this.slotGeneration[slot] = (this.slotGeneration[slot]! + 1) & GENERATION_MASK; // even: dead
    this.slotHandler[slot] = undefined;
    this.slotData[slot] = undefined;
    this.live--;
    return true;
  }

  isPending(handle: EventHandle): boolean {
    return this.liveSlot(handle) >= 0;
  }

  /** When the event is due, or NaN if it is not pending. */
  timeOf(handle: EventHandle): number {
    const slot = this.liveSlot(handle);
    return slot < 0 ? NaN : this.slotTime[slot]!;
  }

  /**
   * Removes the earliest live event due at or before `until`; false when there is none. The
   * removed event's time, handler and data are then `dueTime`, `dueHandler` and `dueData`.
   * Dead entries met on the way are dropped.
   */
  popDue(until: number): boolean {
    while (this.size > 0) {
      if (this.heapTime[0]! > until) return false;
      const slot = this.heapSlot[0]!;
      this.removeRoot();
      this.freeSlots[this.freeCount++] = slot;
      const generation = this.slotGeneration[slot]!;
      if ((generation & 1) === 1) {
        this.slotGeneration[slot] = (generation + 1) & GENERATION_MASK;
        this.dueSlot = slot;
        this.dueHandler = this.slotHandler[slot]!;
        this.dueData = this.slotData[slot];
        this.slotHandler[slot] = undefined;
        this.slotData[slot] = undefined;
        this.live--;
        return true;
      }
    }
    return false;
  }

  /**
   * Time of the event the last `popDue` removed. Read from the slot (which keeps it until its
   * next use) rather than returned by `popDue`: a returned double crossed V8's representation
   * boundaries and cost a heap allocation per event.
   */
  get dueTime(): number {
    return this.slotTime[this.dueSlot]!;
  }

  /** Time of the earliest live event, or Infinity when none is pending. */
  peekTime(): number {
    while (this.size > 0) {
      const slot = this.heapSlot[0]!;
      if ((this.slotGeneration[slot]! & 1) === 1) return this.heapTime[0]!;
      this.removeRoot();
      this.freeSlots[this.freeCount++] = slot;
    }
    return Infinity;
  }

  private liveSlot(handle: EventHandle): number {
    if (!(handle >= 0)) return -1;
    const slot = handle & SLOT_MASK;
    if (slot >= this.capacity) return -1;
    const generation = this.slotGeneration[slot]!;
    // A dead slot's generation is even, and a handle's is always odd: no separate live flag.
    return generation === Math.floor(handle / SLOT_COUNT_LIMIT) ? slot : -1;
  }

  /** Adds the slot's event at the bottom of the heap and moves it up to its place. */
  private siftUp(slot: number): void {
    const time = this.slotTime[slot]!;
    const seq = this.nextSeq++;
    const heapTime = this.heapTime;
    const heapSeq = this.heapSeq;
    const heapSlot = this.heapSlot;
    let i = this.size++;
    // The new entry has the largest sequence number, so an equal-time parent always precedes it.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = heapTime[parent]!;
      if (parentTime <= time) break;
      heapTime[i] = parentTime;
      heapSeq[i] = heapSeq[parent]!;
      heapSlot[i] = heapSlot[parent]!;
      i = parent;
    }
    heapTime[i] = time;
    heapSeq[i] = seq;
    heapSlot[i] = slot;
  }

  private removeRoot(): void {
    const n = --this.size;
    if (n === 0) return;
    const heapTime = this.heapTime;
    const heapSeq = this.heapSeq;
    const heapSlot = this.heapSlot;
    const lastTime = heapTime[n]!;
    const lastSeq = heapSeq[n]!;
    const lastSlot = heapSlot[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let childTime = heapTime[child]!;
      let childSeq = heapSeq[child]!;
      const right = child + 1;
      if (right < n) {
        const rightTime = heapTime[right]!;
        if (rightTime < childTime || (rightTime === childTime && heapSeq[right]! < childSeq)) {
          child = right;
          childTime = rightTime;
          childSeq = heapSeq[right]!;
        }
      }
      if (lastTime < childTime || (lastTime === childTime && lastSeq < childSeq)) break;
      heapTime[i] = childTime;
      heapSeq[i] = childSeq;
      heapSlot[i] = heapSlot[child]!;
      i = child;
    }
    heapTime[i] = lastTime;
    heapSeq[i] = lastSeq;
    heapSlot[i] = lastSlot;
  }

  private grow(): void {
    const old = this.capacity;
    const capacity = old * 2;
    if (capacity > SLOT_COUNT_LIMIT) throw new RangeError(`EventQueue: more than ${SLOT_COUNT_LIMIT} pending events`);
    this.capacity = capacity;
    this.heapTime = copyInto(new Float64Array(capacity), this.heapTime);
    this.heapSeq = copyInto(new Float64Array(capacity), this.heapSeq);
    this.heapSlot = copyInto(new Int32Array(capacity), this.heapSlot);
    this.slotTime = copyInto(new Float64Array(capacity), this.slotTime);
    this.slotGeneration = copyInto(new Int32Array(capacity), this.slotGeneration);
    this.freeSlots = copyInto(new Int32Array(capacity), this.freeSlots);
    for (let s = old; s < capacity; s++) {
      this.slotHandler.push(undefined);
      this.slotData.push(undefined);
    }
    for (let s = capacity - 1; s >= old; s--) this.freeSlots[this.freeCount++] = s;
  }
}

function copyInto<A extends Float64Array | Int32Array>(target: A, source: A): A {
  target.set(source);
  return target;
}

/**
 * A first-in, first-out queue on a growable ring buffer: O(1) at both ends whatever its length
 * (Array#shift is O(n) once V8 stops left-trimming). Queues of parts in front of machines, of
 * machines waiting for an operator, of arrival times.
 */
export class Fifo<T> {
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;
  private mask: number;

  constructor(initialCapacity = 16) {
    let capacity = 4;
    while (capacity < initialCapacity) capacity *= 2;
    this.items = new Array<T | undefined>(capacity);
    this.mask = capacity - 1;
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count > this.mask) this.grow();
    this.items[(this.head + this.count) & this.mask] = item;
    this.count++;
  }

  /** Removes and returns the oldest item; undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    // The slot is not cleared: it is overwritten on reuse, and clearing would turn a queue of
    // numbers into boxed values in V8. At most `capacity` stale references stay reachable.
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return item;
  }

  /** The oldest item without removing it; undefined when empty. */
  peek(): T | undefined {
    return this.count === 0 ? undefined : this.items[this.head];
  }

  private grow(): void {
    const old = this.items;
    const capacity = old.length * 2;
    const items = new Array<T | undefined>(capacity);
    for (let i = 0; i < this.count; i++) items[i] = old[(this.head + i) & this.mask];
    this.items = items;
    this.head = 0;
    this.mask = capacity - 1;
  }
}

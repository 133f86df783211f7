/**
 * A binary min-heap of events in parallel typed arrays (no object per event): ordered by time,
 * then priority (smaller first), then insertion order, so equal-time events run in a fixed order.
 * Each event carries a kind and two integer arguments.
 */
export class EventHeap {
  size = 0;
  private time: Float64Array;
  private prio: Float64Array;
  private order: Float64Array;
  private kind: Int32Array;
  private argA: Int32Array;
  private argB: Int32Array;
  private counter = 0;
  // The event last popped.
  t = 0;
  k = 0;
  a = 0;
  b = 0;

  constructor(capacity = 64) {
    this.time = new Float64Array(capacity);
    this.prio = new Float64Array(capacity);
    this.order = new Float64Array(capacity);
    this.kind = new Int32Array(capacity);
    this.argA = new Int32Array(capacity);
    this.argB = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
    this.counter = 0;
  }

  /** Time of the next event (Infinity when none). */
  peekTime(): number {
    return this.size > 0 ? (this.time[0] as number) : Infinity;
  }

  /** Copies the pending events into `to` (grown as needed), to restore them later. */
  saveTo(to: HeapCopy): void {
    const n = this.size;
    if (to.time.length < n) {
      const cap = Math.max(n, 2 * to.time.length);
      to.time = new Float64Array(cap);
      to.prio = new Float64Array(cap);
      to.order = new Float64Array(cap);
      to.kind = new Int32Array(cap);
      to.argA = new Int32Array(cap);
      to.argB = new Int32Array(cap);
    }
    to.time.set(this.time.subarray(0, n));
    to.prio.set(this.prio.subarray(0, n));
    to.order.set(this.order.subarray(0, n));
    to.kind.set(this.kind.subarray(0, n));
    to.argA.set(this.argA.subarray(0, n));
    to.argB.set(this.argB.subarray(0, n));
    to.size = n;
    to.counter = this.counter;
  }

  restoreFrom(from: HeapCopy): void {
    const n = from.size;
    while (this.time.length < n) this.grow();
    this.time.set(from.time.subarray(0, n));
    this.prio.set(from.prio.subarray(0, n));
    this.order.set(from.order.subarray(0, n));
    this.kind.set(from.kind.subarray(0, n));
    this.argA.set(from.argA.subarray(0, n));
    this.argB.set(from.argB.subarray(0, n));
    this.size = n;
    this.counter = from.counter;
  }

  push(time: number, prio: number, kind: number, a: number, b: number): void {
    if (this.size === this.time.length) this.grow();
    let i = this.size++;
    const seq = this.counter++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(time, prio, seq, p)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, time, prio, seq, kind, a, b);
  }

  /** Removes the first event into t, k, a, b. */
  pop(): void {
    this.t = this.time[0] as number;
    this.k = this.kind[0] as number;
    this.a = this.argA[0] as number;
    this.b = this.argB[0] as number;
    const n = --this.size;
    if (n === 0) return;
    const time = this.time[n] as number;
    const prio = this.prio[n] as number;
    const seq = this.order[n] as number;
    const kind = this.kind[n] as number;
    const a = this.argA[n] as number;
    const b = this.argB[n] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.lessAt(c + 1, c)) c++;
      if (!this.lessThan(c, time, prio, seq)) break;
      this.move(c, i);
      i = c;
    }
    this.set(i, time, prio, seq, kind, a, b);
  }

  private less(time: number, prio: number, seq: number, j: number): boolean {
    const tj = this.time[j] as number;
    if (time !== tj) return time < tj;
    const pj = this.prio[j] as number;
    if (prio !== pj) return prio < pj;
    return seq < (this.order[j] as number);
  }

  /** Whether slot j comes before (time, prio, seq). */
  private lessThan(j: number, time: number, prio: number, seq: number): boolean {
    const tj = this.time[j] as number;
    if (tj !== time) return tj < time;
    const pj = this.prio[j] as number;
    if (pj !== prio) return pj < prio;
    return (this.order[j] as number) < seq;
  }

  private lessAt(i: number, j: number): boolean {
    return this.lessThan(i, this.time[j] as number, this.prio[j] as number, this.order[j] as number);
  }

  private move(from: number, to: number): void {
    this.set(to, this.time[from] as number, this.prio[from] as number, this.order[from] as number, this.kind[from] as number, this.argA[from] as number, this.argB[from] as number);
  }

  private set(i: number, time: number, prio: number, seq: number, kind: number, a: number, b: number): void {
    this.time[i] = time;
    this.prio[i] = prio;
    this.order[i] = seq;
    this.kind[i] = kind;
    this.argA[i] = a;
    this.argB[i] = b;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const grow64 = (x: Float64Array): Float64Array => { const y = new Float64Array(n); y.set(x); return y; };
    const grow32 = (x: Int32Array): Int32Array => { const y = new Int32Array(n); y.set(x); return y; };
    this.time = grow64(this.time);
    this.prio = grow64(this.prio);
    this.order = grow64(this.order);
    this.kind = grow32(this.kind);
    this.argA = grow32(this.argA);
    this.argB = grow32(this.argB);
  }
}

/** A saved heap (its array order is a valid heap as it was). */
export class HeapCopy {
  size = 0;
  counter = 0;
  time = new Float64Array(16);
  prio = new Float64Array(16);
  order = new Float64Array(16);
  kind = new Int32Array(16);
  argA = new Int32Array(16);
  argB = new Int32Array(16);
}

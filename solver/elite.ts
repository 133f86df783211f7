import type { CompiledProblem } from './compile.ts';
import { copySnapshot, newSnapshot, type Snapshot } from './graph.ts';
import { compareValues } from './objective.ts';
import type { Random } from './random.ts';

/**
 * Good and mutually different solutions met so far (the elite of i-TSAB, Nowicki & Smutnicki
 * 2005): restarts draw from them. A newcomer close to a member (few operations at another
 * machine position) competes with that member only, so the pool does not fill with copies of
 * one solution and crossovers keep finding different parents.
 */
export class ElitePool {
  private readonly slots: Snapshot[] = [];
  private readonly positions: Int32Array[] = [];
  private readonly capacity: number;
  private readonly c: CompiledProblem;
  private readonly scratch: Int32Array;
  private readonly closeness: number;

  constructor(c: CompiledProblem, capacity: number, private readonly levels = 1) {
    this.c = c;
    this.capacity = capacity;
    this.scratch = new Int32Array(c.n);
    this.closeness = Math.max(1, Math.floor(c.n / 10));
  }

  get size(): number {
    return this.slots.length;
  }

  offer(s: Snapshot): void {
    const pos = this.scratch;
    positionsOf(s, pos);
    let nearest = -1;
    let nearestDistance = Infinity;
    let worst = -1;
    for (let i = 0; i < this.slots.length; i++) {
      const d = distance(pos, this.positions[i] as Int32Array);
      if (d < nearestDistance) { nearestDistance = d; nearest = i; }
      if (worst < 0 || compareValues((this.slots[i] as Snapshot).value, (this.slots[worst] as Snapshot).value) > 0) worst = i;
    }
    if (nearest >= 0 && nearestDistance < this.closeness) {
      if (compareValues(s.value, (this.slots[nearest] as Snapshot).value) < 0) this.put(nearest, s);
    } else if (this.slots.length < this.capacity) {
      this.slots.push(newSnapshot(this.c, this.levels));
      this.positions.push(new Int32Array(this.c.n));
      this.put(this.slots.length - 1, s);
    } else if (compareValues(s.value, (this.slots[worst] as Snapshot).value) < 0) this.put(worst, s);
  }

  private put(i: number, s: Snapshot): void {
    copySnapshot(s, this.slots[i] as Snapshot);
    (this.positions[i] as Int32Array).set(this.scratch);
  }

  /** Two different members (needs size ≥ 2). */
  pickTwo(rng: Random): [Snapshot, Snapshot] {
    const i = rng.int(this.slots.length);
    const j = (i + 1 + rng.int(this.slots.length - 1)) % this.slots.length;
    return [this.slots[i] as Snapshot, this.slots[j] as Snapshot];
  }

  pick(rng: Random): Snapshot | undefined {
    return this.slots.length === 0 ? undefined : this.slots[rng.int(this.slots.length)];
  }
}

/** For each operation, machine * n + its index in that machine's sequence. */
function positionsOf(s: Snapshot, out: Int32Array): void {
  const n = out.length;
  for (let k = 0; k + 1 < s.seqStart.length; k++) {
    const from = s.seqStart[k] as number;
    for (let i = from; i < (s.seqStart[k + 1] as number); i++) out[s.seq[i] as number] = k * n + (i - from);
  }
}

/** Operations at a different machine position. */
function distance(a: Int32Array, b: Int32Array): number {
  let d = 0;
  for (let v = 0; v < a.length; v++) if (a[v] !== b[v]) d++;
  return d;
}

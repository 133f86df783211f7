import type { CompiledProblem } from './compile.ts';
import { copySnapshot, newSnapshot, type Snapshot } from './graph.ts';
import type { Random } from './random.ts';

/**
 * The best distinct solutions met so far (as in i-TSAB, Nowicki & Smutnicki 2005): restarts
 * draw from them, so the search keeps returning to good regions without circling in one.
 */
export class ElitePool {
  private readonly slots: Snapshot[] = [];
  private readonly hashes: number[] = [];
  private readonly capacity: number;
  private readonly c: CompiledProblem;

  constructor(c: CompiledProblem, capacity: number) {
    this.c = c;
    this.capacity = capacity;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Keeps a copy of s if it is new and better than the worst kept. */
  offer(s: Snapshot): void {
    const h = hashSnapshot(s);
    for (let i = 0; i < this.slots.length; i++) {
      if (this.hashes[i] === h && (this.slots[i] as Snapshot).makespan === s.makespan) return;
    }
    if (this.slots.length < this.capacity) {
      const copy = newSnapshot(this.c);
      copySnapshot(s, copy);
      this.slots.push(copy);
      this.hashes.push(h);
      return;
    }
    let worst = 0;
    for (let i = 1; i < this.slots.length; i++) if ((this.slots[i] as Snapshot).makespan > (this.slots[worst] as Snapshot).makespan) worst = i;
    const w = this.slots[worst] as Snapshot;
    if (s.makespan >= w.makespan) return;
    copySnapshot(s, w);
    this.hashes[worst] = h;
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

function hashSnapshot(s: Snapshot): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.seq.length; i++) h = Math.imul(h ^ (s.seq[i] as number), 0x01000193);
  for (let i = 0; i < s.seqStart.length; i++) h = Math.imul(h ^ (s.seqStart[i] as number), 0x01000193);
  return h >>> 0;
}

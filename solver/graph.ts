import { changeover, durationOn, type CompiledProblem } from './compile.ts';
import type { Timetable } from './timetable.ts';

/**
 * A machine assignment and machine sequences as a disjunctive graph: the precedence arcs are
 * fixed, the machine arcs follow the sequences (doubly linked lists, so moves are O(1)).
 * `evaluate` computes heads (earliest starts) and tails (longest path after an operation ends)
 * with one topological pass each; heads give the semi-active schedule.
 */
export class SequenceGraph {
  readonly c: CompiledProblem;
  readonly n: number;
  readonly mach: Int32Array;
  readonly dur: Float64Array;
  /** 1 when the operation runs in one batch with its machine predecessor (batch equipment). */
  readonly batchLink: Uint8Array;
  readonly mPrev: Int32Array;
  readonly mNext: Int32Array;
  readonly mFirst: Int32Array;
  readonly head: Float64Array;
  readonly tail: Float64Array;
  /** Earliest start from release and precedence predecessors only (not the machine arc). */
  readonly jobHead: Float64Array;
  /** Longest tail through precedence successors only. */
  readonly jobTail: Float64Array;
  readonly topo: Int32Array;
  private readonly indeg: Int32Array;
  makespan = 0;
  /** 1 when the search may move the operation (frozen ones stay first on their machine). */
  readonly movable: Uint8Array;
  /** True when some operation is frozen or some machine runs batches: moves then check `movable`, `isSingle`, `canInsert`. */
  guarded = false;

  constructor(c: CompiledProblem) {
    this.c = c;
    const n = c.n;
    this.n = n;
    this.mach = new Int32Array(n);
    this.dur = new Float64Array(n);
    this.batchLink = new Uint8Array(n);
    this.mPrev = new Int32Array(n).fill(-1);
    this.mNext = new Int32Array(n).fill(-1);
    this.mFirst = new Int32Array(c.m).fill(-1);
    this.head = new Float64Array(n);
    this.tail = new Float64Array(n);
    this.jobHead = new Float64Array(n);
    this.jobTail = new Float64Array(n);
    this.topo = new Int32Array(n);
    this.indeg = new Int32Array(n);
    this.movable = new Uint8Array(n).fill(1);
  }

  /** Whether v runs alone (not in a batch with its machine neighbours). */
  isSingle(v: number): boolean {
    if (this.batchLink[v] === 1) return false;
    const w = this.mNext[v] as number;
    return w < 0 || this.batchLink[w] === 0;
  }

  /** Whether an operation may go on machine k right after `after` as a job of its own: not before a frozen one, not inside a batch. */
  canInsert(k: number, after: number): boolean {
    const next = after >= 0 ? (this.mNext[after] as number) : (this.mFirst[k] as number);
    if (next >= 0 && this.batchLink[next] === 1) return false;
    return !(after < 0 && next >= 0 && this.movable[next] === 0);
  }

  /** Changeover on machine k between ops a and b (0 without setups). */
  setupOn(k: number, a: number, b: number): number {
    return changeover(this.c, k, a, b);
  }

  /** Sets the assignment and sequences: `sequences[k]` lists machine k's ops in order (no batches). */
  load(sequences: ArrayLike<ArrayLike<number>>): void {
    this.mFirst.fill(-1);
    this.batchLink.fill(0);
    for (let k = 0; k < this.c.m; k++) {
      const seq = sequences[k];
      if (seq === undefined) continue;
      let prev = -1;
      for (let i = 0; i < seq.length; i++) {
        const op = seq[i] as number;
        this.assign(op, k);
        this.mPrev[op] = prev;
        this.mNext[op] = -1;
        if (prev >= 0) this.mNext[prev] = op;
        else this.mFirst[k] = op;
        prev = op;
      }
    }
  }

  private assign(op: number, k: number): void {
    const d = durationOn(this.c, op, k);
    if (d < 0) throw new Error(`operation ${op} is not eligible on machine ${k}`);
    this.mach[op] = k;
    this.dur[op] = d;
  }

  /** Computes heads, tails and the makespan. Returns false when the graph has a cycle. */
  evaluate(): boolean {
    const { n, c, head, tail, jobHead, jobTail, topo, indeg, mPrev, mNext, dur, mach } = this;
    const { predStart, succStart, succList, release } = c;
    const hasSetup = c.setup !== null;
    const initial = c.initial;
    const link = this.batchLink;
    let len = 0;
    for (let v = 0; v < n; v++) {
      const d = (predStart[v + 1] as number) - (predStart[v] as number) + ((mPrev[v] as number) >= 0 ? 1 : 0);
      indeg[v] = d;
      head[v] = release[v] as number;
      jobHead[v] = release[v] as number;
      if (initial !== null && (mPrev[v] as number) < 0) head[v] = Math.max(head[v] as number, this.setupOn(mach[v] as number, -1, v));
      if (d === 0) topo[len++] = v;
    }
    let cmax = 0;
    for (let i = 0; i < len; i++) {
      const v = topo[i] as number;
      const end = (head[v] as number) + (dur[v] as number);
      if (end > cmax) cmax = end;
      for (let e = succStart[v] as number, stop = succStart[v + 1] as number; e < stop; e++) {
        const s = succList[e] as number;
        if (end > (jobHead[s] as number)) jobHead[s] = end;
        if (end > (head[s] as number)) head[s] = end;
        indeg[s] = (indeg[s] as number) - 1;
        if (indeg[s] === 0) topo[len++] = s;
      }
      const w = mNext[v] as number;
      if (w >= 0) {
        const t = link[w] === 1 ? (head[v] as number) : hasSetup ? end + this.setupOn(mach[v] as number, v, w) : end;
        if (t > (head[w] as number)) head[w] = t;
        indeg[w] = (indeg[w] as number) - 1;
        if (indeg[w] === 0) topo[len++] = w;
      }
    }
    if (len < n) return false;
    for (let i = n - 1; i >= 0; i--) {
      const v = topo[i] as number;
      let jq = 0;
      for (let e = succStart[v] as number, stop = succStart[v + 1] as number; e < stop; e++) {
        const s = succList[e] as number;
        const t = (dur[s] as number) + (tail[s] as number);
        if (t > jq) jq = t;
      }
      let q = jq;
      const w = mNext[v] as number;
      if (w >= 0) {
        const t = link[w] === 1 ? (dur[w] as number) + (tail[w] as number) - (dur[v] as number) : (hasSetup ? this.setupOn(mach[v] as number, v, w) : 0) + (dur[w] as number) + (tail[w] as number);
        if (t > q) q = t;
      }
      tail[v] = q;
      jobTail[v] = jq;
    }
    this.makespan = cmax;
    return true;
  }

  /**
   * Writes one critical path (source to sink order) into `out` and returns its length. Walking
   * back from the last operation it prefers the machine predecessor, which keeps blocks long.
   */
  criticalPath(out: Int32Array): number {
    const { n, c, head, dur, mPrev, mach } = this;
    let cur = -1;
    for (let v = 0; v < n; v++) {
      if ((head[v] as number) + (dur[v] as number) === this.makespan) { cur = v; break; }
    }
    let len = 0;
    while (cur >= 0) {
      out[len++] = cur;
      const h = head[cur] as number;
      const p = mPrev[cur] as number;
      let next = -1;
      if (p >= 0 && (head[p] as number) + (dur[p] as number) + this.setupOn(mach[p] as number, p, cur) === h) next = p;
      else {
        for (let e = c.predStart[cur] as number; e < (c.predStart[cur + 1] as number); e++) {
          const q = c.predList[e] as number;
          if ((head[q] as number) + (dur[q] as number) === h) { next = q; break; }
        }
      }
      cur = next;
    }
    for (let i = 0, j = len - 1; i < j; i++, j--) {
      const t = out[i] as number;
      out[i] = out[j] as number;
      out[j] = t;
    }
    return len;
  }

  /**
   * Moves `op` to machine k right after `after` (-1: first on k), as a batch member of `after`'s
   * job when `link` is 1. When op led a batch, the next member leads it from now on. The last
   * relocation can be taken back exactly with `undo`.
   */
  relocate(op: number, k: number, after: number, link = 0): void {
    const { mPrev, mNext, mFirst, batchLink } = this;
    const p = mPrev[op] as number;
    const nx = mNext[op] as number;
    this.undoOp = op;
    this.undoMachine = this.mach[op] as number;
    this.undoAfter = p;
    this.undoLink = batchLink[op] as number;
    this.undoLeader = -1;
    if (batchLink[op] === 0 && nx >= 0 && batchLink[nx] === 1) { batchLink[nx] = 0; this.undoLeader = nx; }
    if (p >= 0) mNext[p] = nx;
    else mFirst[this.mach[op] as number] = nx;
    if (nx >= 0) mPrev[nx] = p;
    if (k !== this.mach[op]) this.assign(op, k);
    const next = after >= 0 ? (mNext[after] as number) : (mFirst[k] as number);
    if (after >= 0) mNext[after] = op;
    else mFirst[k] = op;
    mPrev[op] = after;
    mNext[op] = next;
    if (next >= 0) mPrev[next] = op;
    batchLink[op] = link;
  }

  /** Takes back the last relocate. */
  undo(): void {
    const op = this.undoOp;
    const leader = this.undoLeader;
    const link = this.undoLink;
    this.relocate(op, this.undoMachine, this.undoAfter, link);
    if (leader >= 0) this.batchLink[leader] = 1;
  }

  private undoOp = -1;
  private undoMachine = -1;
  private undoAfter = -1;
  private undoLink = 0;
  private undoLeader = -1;

  /** Copies the assignment, sequences and batch links into a snapshot (allocated once by the caller); `value` is the caller's. */
  save(s: Snapshot): void {
    let i = 0;
    for (let k = 0; k < this.c.m; k++) {
      s.seqStart[k] = i;
      for (let v = this.mFirst[k] as number; v >= 0; v = this.mNext[v] as number) s.seq[i++] = v;
    }
    s.seqStart[this.c.m] = i;
    s.link.set(this.batchLink);
    s.makespan = this.makespan;
  }

  restore(s: Snapshot): void {
    this.load(snapshotSequences(s));
    this.batchLink.set(s.link);
  }

  /** The semi-active schedule of the current sequences (call after a successful evaluate). */
  toTimetable(): Timetable {
    const machine: number[] = [];
    const start: number[] = [];
    const end: number[] = [];
    for (let v = 0; v < this.n; v++) {
      machine.push(this.mach[v] as number);
      start.push(this.head[v] as number);
      end.push((this.head[v] as number) + (this.dur[v] as number));
    }
    return { machine, start, end };
  }
}

/**
 * One solution, flat: machine k holds seq[seqStart[k] .. seqStart[k+1]); batch links per
 * operation; its objective value (one number per lexicographic level) and makespan.
 */
export interface Snapshot {
  seq: Int32Array;
  seqStart: Int32Array;
  link: Uint8Array;
  value: Float64Array;
  makespan: number;
}

export function newSnapshot(c: CompiledProblem, levels = 1): Snapshot {
  return { seq: new Int32Array(c.n), seqStart: new Int32Array(c.m + 1), link: new Uint8Array(c.n), value: new Float64Array(levels).fill(Infinity), makespan: Infinity };
}

export function copySnapshot(from: Snapshot, to: Snapshot): void {
  to.seq.set(from.seq);
  to.seqStart.set(from.seqStart);
  to.link.set(from.link);
  to.value.set(from.value);
  to.makespan = from.makespan;
}

export function snapshotSequences(s: Snapshot): Int32Array[] {
  const out: Int32Array[] = [];
  for (let k = 0; k + 1 < s.seqStart.length; k++) out.push(s.seq.subarray(s.seqStart[k] as number, s.seqStart[k + 1] as number));
  return out;
}

import type { SequenceGraph } from './graph.ts';
import type { TabuMemory } from './tabuMemory.ts';

/** Moves, all of which relocate one operation: within a critical block, or to another machine. */
export const FORWARD = 0; // op a moves right after op b (a before b, same machine)
export const BACKWARD = 1; // op b moves right before op a (a before b, same machine)
export const REASSIGN = 2; // op a moves to machine `machine` right after `after`
export const RELOCATE = 3; // op a moves to machine `machine` (maybe its own) right after `after`, joining its batch when link = 1

/**
 * The candidate moves of one iteration, in preallocated typed arrays. `est` is the estimated
 * makespan after the move: the longest path through the moved operations, from heads and tails of
 * the current graph (the approximation of Balas & Vazacopoulos / Nowicki & Smutnicki; for
 * reassignment that of Mastrolilli & Gambardella).
 */
export class MoveList {
  count = 0;
  readonly kind: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly machine: Int32Array;
  readonly after: Int32Array;
  readonly link: Uint8Array;
  readonly est: Float64Array;
  readonly tabu: Uint8Array;

  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.machine = new Int32Array(capacity);
    this.after = new Int32Array(capacity);
    this.link = new Uint8Array(capacity);
    this.est = new Float64Array(capacity);
    this.tabu = new Uint8Array(capacity);
  }

  push(kind: number, a: number, b: number, machine: number, after: number, est: number, tabu: boolean, link = 0): void {
    if (this.count >= this.kind.length) return;
    const i = this.count++;
    this.link[i] = link;
    this.kind[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
    this.machine[i] = machine;
    this.after[i] = after;
    this.est[i] = est;
    this.tabu[i] = tabu ? 1 : 0;
  }
}

export function moveCapacity(g: SequenceGraph): number {
  return 4 * g.n + (g.c.modeStart[g.n] as number) + 64;
}

/**
 * Generates the N7 neighbourhood (Zhang et al. 2007: move an operation of a critical block to its
 * front or back, or the first/last one into its interior; it contains the N5 swaps) and, for
 * operations with other eligible machines, the best insertion on each of them.
 */
export class Neighbourhood {
  private readonly g: SequenceGraph;
  private readonly order: Int32Array;
  private readonly hBuf: Float64Array;
  readonly path: Int32Array;
  pathLength = 0;
  readonly flexible: boolean;

  constructor(g: SequenceGraph) {
    this.g = g;
    this.order = new Int32Array(g.n);
    this.hBuf = new Float64Array(g.n);
    this.path = new Int32Array(g.n);
    let flexible = false;
    for (let v = 0; v < g.n; v++) if ((g.c.modeStart[v + 1] as number) - (g.c.modeStart[v] as number) > 1) flexible = true;
    this.flexible = flexible;
  }

  generate(moves: MoveList, memory: TabuMemory, iter: number): void {
    moves.count = 0;
    this.generateOnPath(this.g.criticalPath(this.path), moves, memory, iter);
  }

  /** Appends the moves on the path this.path[0 .. len) (source to target). */
  generateOnPath(len: number, moves: MoveList, memory: TabuMemory, iter: number): void {
    const g = this.g;
    this.pathLength = len;
    const path = this.path;
    let start = 0;
    while (start < len) {
      let end = start;
      while (end + 1 < len && g.mNext[path[end] as number] === path[end + 1]) end++;
      if (end > start) this.blockMoves(start, end, moves, memory, iter);
      start = end + 1;
    }
    if (this.flexible) for (let i = 0; i < len; i++) {
      const v = path[i] as number;
      if (!g.guarded || (g.movable[v] === 1 && g.isSingle(v))) this.reassignMoves(v, moves, memory, iter);
    }
  }

  private blockMoves(s: number, e: number, moves: MoveList, memory: TabuMemory, iter: number): void {
    const path = this.path;
    const g = this.g;
    if (g.guarded) {
      // Frozen operations stay first on their machines; batches move only through the judge's batch moves.
      for (let i = s; i <= e; i++) if (!g.isSingle(path[i] as number)) return;
      while (s < e && g.movable[path[s] as number] === 0) s++;
      if (e - s < 1) return;
    }
    const first = path[s] as number;
    const last = path[e] as number;
    for (let i = s; i < e; i++) this.forward(path[i] as number, last, moves, memory, iter);
    for (let j = s + 1; j < e; j++) this.forward(first, path[j] as number, moves, memory, iter);
    for (let j = s + 2; j <= e; j++) this.backward(first, path[j] as number, moves, memory, iter);
    for (let i = s + 1; i < e - 1; i++) this.backward(path[i] as number, last, moves, memory, iter);
  }

  /** x moves right after y. Acyclic when no job successor of x reaches y (B&V's test on tails). */
  private forward(x: number, y: number, moves: MoveList, memory: TabuMemory, iter: number): void {
    const g = this.g;
    if ((g.dur[y] as number) + (g.tail[y] as number) < (g.jobTail[x] as number) || this.isSucc(x, y)) return;
    const order = this.order;
    let len = 0;
    let tabu = false;
    for (let z = g.mNext[x] as number; ; z = g.mNext[z] as number) {
      order[len++] = z;
      if (!tabu && memory.isPairTabu(z, x, iter)) tabu = true;
      if (z === y) break;
    }
    order[len++] = x;
    const est = this.estimate(len, g.mPrev[x] as number, g.mNext[y] as number, g.mach[x] as number);
    moves.push(FORWARD, x, y, g.mach[x] as number, y, est, tabu);
  }

  /** y moves right before x. Acyclic when x reaches no job predecessor of y (test on heads). */
  private backward(x: number, y: number, moves: MoveList, memory: TabuMemory, iter: number): void {
    const g = this.g;
    if ((g.head[x] as number) + (g.dur[x] as number) < (g.jobHead[y] as number) || this.isSucc(x, y)) return;
    const order = this.order;
    let len = 0;
    let tabu = false;
    order[len++] = y;
    for (let z = x; z !== y; z = g.mNext[z] as number) {
      order[len++] = z;
      if (!tabu && memory.isPairTabu(y, z, iter)) tabu = true;
    }
    const p = g.mPrev[x] as number;
    const est = this.estimate(len, p, g.mNext[y] as number, g.mach[x] as number);
    moves.push(BACKWARD, x, y, g.mach[x] as number, p, est, tabu);
  }

  private isSucc(x: number, y: number): boolean {
    const c = this.g.c;
    for (let e = c.succStart[x] as number; e < (c.succStart[x + 1] as number); e++) if (c.succList[e] === y) return true;
    return false;
  }

  /** Longest path through order[0..len) placed on machine k between p and nx (-1: none). */
  private estimate(len: number, p: number, nx: number, k: number): number {
    const g = this.g;
    const { head, tail, dur, jobHead, jobTail } = g;
    const order = this.order;
    const hBuf = this.hBuf;
    let prev = p;
    let hPrev = p >= 0 ? (head[p] as number) : 0;
    for (let i = 0; i < len; i++) {
      const z = order[i] as number;
      let h = jobHead[z] as number;
      if (prev >= 0) {
        const t = hPrev + (dur[prev] as number) + g.setupOn(k, prev, z);
        if (t > h) h = t;
      }
      hBuf[i] = h;
      hPrev = h;
      prev = z;
    }
    let next = nx;
    let tNext = nx >= 0 ? (tail[nx] as number) : 0;
    let est = 0;
    for (let i = len - 1; i >= 0; i--) {
      const z = order[i] as number;
      let t = jobTail[z] as number;
      if (next >= 0) {
        const u = g.setupOn(k, z, next) + (dur[next] as number) + tNext;
        if (u > t) t = u;
      }
      const v = (hBuf[i] as number) + (dur[z] as number) + t;
      if (v > est) est = v;
      tNext = t;
      next = z;
    }
    return est;
  }

  /**
   * Best insertion of v on each other eligible machine. A position after a and before b is
   * acyclic when a starts before every job successor of v and b's tail is shorter than every
   * job predecessor's (strict tests, so they hold with zero durations too).
   */
  private reassignMoves(v: number, moves: MoveList, memory: TabuMemory, iter: number): void {
    const g = this.g;
    const c = g.c;
    const { head, tail, dur, jobHead, jobTail, mNext } = g;
    let succHead = Infinity;
    for (let e = c.succStart[v] as number; e < (c.succStart[v + 1] as number); e++) succHead = Math.min(succHead, head[c.succList[e] as number] as number);
    let predTail = Infinity;
    for (let e = c.predStart[v] as number; e < (c.predStart[v + 1] as number); e++) predTail = Math.min(predTail, tail[c.predList[e] as number] as number);
    const own = g.mach[v] as number;
    for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
      const k = c.modeMachine[e] as number;
      if (k === own) continue;
      const d = c.modeDuration[e] as number;
      let bestEst = Infinity;
      let bestAfter = -2;
      let a = -1;
      let b = g.mFirst[k] as number;
      for (;;) {
        if (a >= 0 && (head[a] as number) >= succHead) break;
        if ((b < 0 || (tail[b] as number) < predTail) && (!g.guarded || g.canInsert(k, a))) {
          let h = jobHead[v] as number;
          if (a >= 0) h = Math.max(h, (head[a] as number) + (dur[a] as number) + g.setupOn(k, a, v));
          let t = jobTail[v] as number;
          if (b >= 0) t = Math.max(t, g.setupOn(k, v, b) + (dur[b] as number) + (tail[b] as number));
          const est = h + d + t;
          if (est < bestEst) { bestEst = est; bestAfter = a; }
        }
        if (b < 0) break;
        a = b;
        b = mNext[b] as number;
      }
      if (bestAfter !== -2) moves.push(REASSIGN, v, -1, k, bestAfter, bestEst, memory.isMachineTabu(v, k, iter));
    }
  }
}

import { applySetup, setupTime } from '../../src/sim/plant/setups.ts';
import type { CompiledProblem } from '../compile.ts';
import { EventHeap, HeapCopy } from './eventHeap.ts';
import { batchGroup, type PlantProblem } from './plantProblem.ts';
import { intersectIntervals } from '../../src/sim/plant/availability.ts';
import { WorkingTime } from './workingTime.ts';

/** Why an operation began when it did: the operation whose end (or release of a resource) held it. */
export const CAUSE_NONE = 0;
export const CAUSE_MACHINE = 1;
export const CAUSE_LOT = 2;
export const CAUSE_OPERATOR = 3;

/** Machine sequences to follow: linked lists per machine; `batchLink[v]` = v runs in one batch with its machine predecessor. */
export interface FlowSequences {
  mach: Int32Array;
  mFirst: Int32Array;
  mNext: Int32Array;
  batchLink: Uint8Array;
}

/** Picks the next job of a machine in dispatch mode: a score per waiting operation, higher first. */
export interface FlowRule {
  name: string;
  score(flow: PlantFlow, v: number, k: number, now: number, setup: number, duration: number): number;
  /**
   * The score depends on the operation and the machine only (neither the time nor the changeover):
   * dispatching then keeps each machine's waiting lots in a heap instead of scoring them all at
   * every decision — the same choices (best score, then the earliest arrival) at any queue length.
   */
  readonly fixedScore?: boolean;
}

const IDLE = 0;
const SETUP = 1;
const WAIT_RUN = 2;
const RUN = 3;
const BLOCKED = 4;

const EV_ARRIVE = 1; // a: op whose lot arrives at its machine
const EV_TRY = 2; // a: machine tries to begin its next job
const EV_SETUP_END = 3; // a: machine
const EV_TRY_RUN = 4; // a: machine tries to start the run of its job
const EV_RUN_END = 5; // a: machine
const EV_OUTPUT_FREE = 6; // a: machine, b: op whose units leave its output buffer

const EPS = 1e-9;

/** A checkpoint is kept about every this many events of a full run (at a change of time). */
const CHECKPOINT_EVERY = 48;
/**
 * Bytes of checkpoints a run may keep, and as many for the committed run's and for the spare
 * ones. A checkpoint copies the lots waiting in every queue: at 100,000 orders ~200 KB each, and
 * a run kept ~4,700 of them (900 MB, most of a 22 s timing spent copying). Over the budget, every
 * other one goes and the rest come twice as far apart; followFrom then restarts a little earlier,
 * with the same result.
 */
const CHECKPOINT_BYTES = 64 * 2 ** 20;

/** The flow's state before the first event at `time`: what an incremental run restarts from. */
class Checkpoint {
  time = 0;
  releaseNext = 0;
  violations = 0;
  finished = 0;
  readonly heap = new HeapCopy();
  /** Bytes held (as allocated, set when saved). */
  bytes = 0;
  constructor(
    readonly phase: Uint8Array,
    readonly jobLead: Int32Array,
    readonly idleSince: Float64Array,
    readonly lastOp: Int32Array,
    readonly waitingSince: Float64Array,
    readonly opWaitCause: Int32Array,
    readonly inUsed: Float64Array,
    readonly outUsed: Float64Array,
    readonly tryAt: Float64Array,
    readonly keys: Int32Array,
    readonly slotBusy: Float64Array,
    readonly slotOp: Int32Array,
    readonly vehicleFree: Float64Array,
    /** inWait then unloadQueue of every machine, flattened; listStart has 2m + 1 offsets. */
    public lists: Int32Array,
    readonly listStart: Int32Array,
  ) {}
}

/** Where a run is stuck: what PlantDeadlockError reports (machine and op indices). */
export interface FlowStuck {
  /** Machines whose finished lot `op` finds no room in their output buffer (`used` units there). */
  blocked: { machine: number; op: number; used: number }[];
  /** Input buffers holding `used` units with lots `ops` waiting for room (from machine `from[i]`, -1 = released). */
  waiting: { machine: number; used: number; ops: number[]; from: number[] }[];
  /** Operations not done. */
  unfinished: number;
}

/**
 * The plant's timing of a solution, by the simulator's rules with randomness off: each machine
 * works its sequence (follow mode), or picks from the lots in front of it by a rule (dispatch
 * mode, the constructions); lots move through the plant between them. Same rules as
 * src/sim/plant (docs/SIMULATION.md), so that the simulator following the resulting schedule
 * (holding each job until its planned begin and each run until its planned start) reproduces it:
 *
 * - A machine begins a job (takes its lots, starts the changeover or run) only at a working
 *   instant of its calendar minus planned maintenance, when the job's lots are all in front of
 *   it, and when an operator with the skill is free and on shift (first pool in scenario order).
 *   Machines waiting for operators are served longest-waiting first.
 * - Changeover: minutes from the simulator's setupTime on the machine's current keys (after the
 *   job the machine is set up for its product, even when the changeover took no time); it works in the machine's and its operator's working
 *   time, pausing outside either. Then the run asks for its own operator and works likewise.
 *   An uninterruptible operation's run starts only where its whole time runs without a pause
 *   (its changeover may pause; the machine then waits, set up, for such a stretch).
 * - A finished lot goes into the machine's output buffer (the machine is blocked while there is
 *   no room), asks for room in the next machine's input buffer (oldest request first; a lot
 *   bigger than the buffer enters an empty one), then travels the planned transport lag. Its
 *   room in front of the next machine is held until the job taking it begins.
 * - A batch (a run of batch-linked operations) begins when all its lots are there; it takes the
 *   longest member time. A lot that waits longer than maxWait for batch partners while the
 *   machine is free counts as a violation (the simulator would start without them).
 * - Frozen operations begin at the plan start on their machine; locked ones not before their
 *   planned begin (later counts as a moved lock).
 *
 * Times are minutes from the scenario start. Records per operation: begin (the lots are taken),
 * setup minutes and the changeover's start, start (of the run), end, the pools used, and the
 * cause of its begin (for critical paths).
 */
export class PlantFlow {
  readonly n: number;
  readonly m: number;
  // Results.
  readonly begin: Float64Array;
  readonly setup: Float64Array;
  readonly setupStart: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly setupPool: Int32Array;
  readonly runPool: Int32Array;
  /** When the lot of each operation got its room in front of its machine (it then travels). */
  readonly room: Float64Array;
  readonly cause: Int32Array;
  readonly causeKind: Uint8Array;
  /** Per operation: 1 when its lot waited for batch partners beyond maxWait, 2 when it began after its lock. */
  readonly violation: Uint8Array;
  violations = 0;
  /** Runs that restarted from a checkpoint (for tests and figures). */
  incrementalRuns = 0;
  /** Operations that ended (all of them after a successful run). */
  finished = 0;
  /**
   * A run stops at the first event after this performance.now() time, `paused` (its result is
   * then not known): `resume()` carries it on. So a construction on a large plant can yield to
   * the event loop (a worker's cancel message) between slices. Infinity: runs go to their end.
   */
  sliceUntil = Infinity;
  paused = false;
  private sinceCheckpoint = 0;
  private lastTime = -Infinity;
  /** Dispatch mode: the sequences it made (a graph loads them). */
  readonly mach: Int32Array;
  readonly mFirst: Int32Array;
  readonly mNext: Int32Array;
  readonly mLast: Int32Array;
  readonly batchLink: Uint8Array;

  private readonly heap = new EventHeap(256);
  /** Per operation: when its machine became free for the job it began in (what an incremental run restarts before). */
  readonly jobIdle: Float64Array;
  // The committed solution: its sequences and results, and checkpoints of its run.
  private readonly base: { mach: Int32Array; mNext: Int32Array; mFirst: Int32Array; link: Uint8Array; valid: boolean; violations: number; finished: number };
  private readonly baseArrays: [Float64Array | Int32Array | Uint8Array, Float64Array | Int32Array | Uint8Array][];
  private baseCheckpoints: Checkpoint[] = [];
  private scratchCheckpoints: Checkpoint[] = [];
  private spare: Checkpoint[] = [];
  private scratchBytes = 0;
  private spareBytes = 0;
  /** Events between checkpoints now: checkpointEvery, doubled each time a run went over the budget. */
  private every: number;
  /** Base checkpoints the last run kept (the ones before its restart point), and how many it recorded itself. */
  private keptCheckpoints = 0;
  private recorded = 0;
  private recording = false;
  /** Lots released into the plant, by time (then operation): kept apart from the heap, which stays small. */
  private readonly releaseOp: Int32Array;
  private readonly releaseAt: Float64Array;
  private releaseNext = 0;
  /** Assemblies (operations with several predecessors) rule out incremental runs. */
  private readonly assemblies: boolean;
  private readonly keyCount: number;
  private readonly clocks = new Map<number, WorkingTime>();
  // Per operation state.
  /** When each operation's lot was in front of its machine (read by the batch repair). */
  readonly arrived: Float64Array;
  private readonly from: Int32Array;
  /** Lots still to come before an operation can begin (its routing predecessors; assemblies have several). */
  private readonly lotsLeft: Int32Array;
  private readonly dur: Float64Array;
  /**
   * Pieces of one lot (an order cut for batch equipment smaller than the lot: operations n..m of
   * one job and step, same predecessors): `lotEnd[v]` is one past the last piece when v is the
   * first, else v + 1. The simulator moves such a lot whole and cuts it on arrival, so the pieces
   * ask for room together (all of it at once) and travel together when they share a machine.
   */
  private readonly lotEnd: Int32Array;
  private readonly lotFirst: Int32Array;
  private readonly lotUnits: Float64Array;
  // Per machine state.
  private readonly phase: Uint8Array;
  private readonly nextOp: Int32Array;
  private readonly jobLead: Int32Array;
  private readonly idleSince: Float64Array;
  private readonly lastOp: Int32Array;
  private readonly waitingSince: Float64Array;
  private readonly opWaitCause: Int32Array;
  private readonly inUsed: Float64Array;
  private readonly outUsed: Float64Array;
  private readonly inWait: number[][];
  private readonly unloadQueue: number[][];
  private readonly tryAt: Float64Array;
  private readonly keys: Int32Array[];
  // Operators: one slot per operator, busy until a time, held by an operation.
  private readonly slotStart: Int32Array;
  private readonly slotBusy: Float64Array;
  private readonly slotOp: Int32Array;
  /** When each vehicle of the fleet is free again (moves planned with the longest empty drive, so no later than the simulator's). */
  private readonly vehicleFree: Float64Array;
  // Dispatch mode.
  private rule: FlowRule | null = null;
  private fixedMachine: ArrayLike<number> | null = null;
  private waitForPartners = true;
  private readonly queue: number[][];
  /** Whether machine k's queue is a heap (a fixedScore rule, no batches, no locks): by qScore, then qSeq. */
  private readonly heapQueue: Uint8Array;
  private qScore: Float64Array | null = null;
  private qSeq: Float64Array | null = null;
  private qPushes = 0;
  private readonly backlog: Float64Array;
  private readonly tailKeys: Int32Array[];

  /** `checkpointEvery`: events between checkpoints of a recorded run (tests use small values). */
  constructor(readonly pp: PlantProblem, readonly c: CompiledProblem, private readonly checkpointEvery = CHECKPOINT_EVERY, private readonly checkpointBytes = CHECKPOINT_BYTES) {
    this.every = checkpointEvery;
    const n = c.n;
    const m = c.m;
    this.n = n;
    this.m = m;
    this.begin = new Float64Array(n);
    this.setup = new Float64Array(n);
    this.setupStart = new Float64Array(n);
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    this.setupPool = new Int32Array(n);
    this.runPool = new Int32Array(n);
    this.room = new Float64Array(n);
    this.cause = new Int32Array(n);
    this.causeKind = new Uint8Array(n);
    this.violation = new Uint8Array(n);
    this.mach = new Int32Array(n);
    this.mFirst = new Int32Array(m);
    this.mNext = new Int32Array(n);
    this.mLast = new Int32Array(m);
    this.batchLink = new Uint8Array(n);
    this.arrived = new Float64Array(n);
    this.from = new Int32Array(n);
    this.lotsLeft = new Int32Array(n);
    this.jobIdle = new Float64Array(n);
    this.lotEnd = new Int32Array(n);
    this.lotFirst = new Int32Array(n);
    this.lotUnits = Float64Array.from(pp.plant.quantity);
    const ops = pp.problem.operations;
    const loose = (v: number): boolean => pp.fixed[v] !== null || pp.plant.waiting[v] === 1;
    for (let v = 0; v < n;) {
      let e = v + 1;
      while (e < n && ops[e]!.job === ops[v]!.job && ops[e]!.index === ops[v]!.index && samePredecessors(c, v, e)) e++;
      let fixedPiece = false;
      for (let w = v; w < e; w++) if (loose(w)) fixedPiece = true;
      for (let w = v; w < e; w++) { this.lotEnd[w] = w + 1; this.lotFirst[w] = fixedPiece ? w : v; }
      if (!fixedPiece && e - v > 1) {
        this.lotEnd[v] = e;
        for (let w = v + 1; w < e; w++) this.lotUnits[v] = (this.lotUnits[v] as number) + (pp.plant.quantity[w] as number);
      }
      v = e;
    }
    const released: number[] = [];
    for (let v = 0; v < n; v++) {
      if ((c.predStart[v + 1] as number) > (c.predStart[v] as number)) continue;
      if (pp.fixed[v]?.kind === 'frozen' || pp.plant.waiting[v] === 1) continue;
      released.push(v);
    }
    const at = (v: number): number => Math.max(pp.planStart, c.release[v] as number);
    released.sort((a, b) => at(a) - at(b) || a - b);
    this.releaseOp = Int32Array.from(released);
    this.releaseAt = Float64Array.from(released, at);
    let assemblies = false;
    for (let v = 0; v < n; v++) if ((c.predStart[v + 1] as number) - (c.predStart[v] as number) > 1) assemblies = true;
    this.assemblies = assemblies;
    this.dur = new Float64Array(n);
    this.phase = new Uint8Array(m);
    this.nextOp = new Int32Array(m);
    this.jobLead = new Int32Array(m);
    this.idleSince = new Float64Array(m);
    this.lastOp = new Int32Array(m);
    this.waitingSince = new Float64Array(m);
    this.opWaitCause = new Int32Array(m);
    this.inUsed = new Float64Array(m);
    this.outUsed = new Float64Array(m);
    this.inWait = Array.from({ length: m }, () => []);
    this.unloadQueue = Array.from({ length: m }, () => []);
    this.queue = Array.from({ length: m }, () => []);
    this.heapQueue = new Uint8Array(m);
    this.tryAt = new Float64Array(m);
    this.backlog = new Float64Array(m);
    this.keys = pp.plant.machines.map((x) => new Int32Array(x.initialKeys.length));
    this.tailKeys = pp.plant.machines.map((x) => new Int32Array(x.initialKeys.length));
    const pools = pp.plant.pools;
    this.slotStart = new Int32Array(pools.length + 1);
    pools.forEach((p, i) => { this.slotStart[i + 1] = (this.slotStart[i] as number) + p.count; });
    const slots = this.slotStart[pools.length] as number;
    this.slotBusy = new Float64Array(slots);
    this.slotOp = new Int32Array(slots);
    this.vehicleFree = new Float64Array(pp.plant.vehicles);
    this.keyCount = this.keys.reduce((sum, k) => sum + k.length, 0);
    this.base = { mach: new Int32Array(n), mNext: new Int32Array(n), mFirst: new Int32Array(m), link: new Uint8Array(n), valid: false, violations: 0, finished: 0 };
    const own: (Float64Array | Int32Array | Uint8Array)[] = [this.begin, this.setup, this.setupStart, this.start, this.end, this.setupPool, this.runPool, this.room, this.cause, this.causeKind, this.violation, this.arrived, this.from, this.lotsLeft, this.dur, this.jobIdle];
    this.baseArrays = own.map((a) => [a, a.slice()]);
  }

  /** Working time of machine k while holding an operator of pool p (-1: none): both must be at work. */
  clock(k: number, p: number): WorkingTime {
    const machine = this.pp.plant.machines[k]!.availability;
    if (p < 0) return machine;
    const pool = this.pp.plant.pools[p]!.availability;
    if (pool === null) return machine;
    if (machine.always) return pool;
    const key = k * 4096 + p;
    let clock = this.clocks.get(key);
    if (clock === undefined) {
      clock = new WorkingTime((from, to) => intersectIntervals(machine.intervals(from, to), pool.intervals(from, to)), this.pp.planStart, `${this.pp.equipment[k]} with operator pool ${this.pp.plant.pools[p]!.id}`);
      this.clocks.set(key, clock);
    }
    return clock;
  }

  /** Duration of op v on machine k (its mode there), -1 when not eligible. */
  durationOn(v: number, k: number): number {
    const c = this.c;
    for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) if (c.modeMachine[e] === k) return c.modeDuration[e] as number;
    return -1;
  }

  /**
   * Follows the given sequences. False when they cannot be followed (a cycle or a buffer deadlock).
   * `record`: keep checkpoints for followFrom. Only the search restarts from them; a one-off
   * timing (a construction, the result) skips them — on a large plant each one copies every
   * machine's queue, gigabytes in all at 100,000 orders.
   */
  follow(s: FlowSequences, record = true): boolean {
    this.rule = null;
    this.takeSequences(s);
    for (let v = 0; v < this.n; v++) this.dur[v] = this.durationOn(v, s.mach[v] as number);
    this.reset();
    for (let k = 0; k < this.m; k++) this.nextOp[k] = s.mFirst[k] as number;
    this.keptCheckpoints = 0;
    return this.recordedRun(record);
  }

  private takeSequences(s: FlowSequences): void {
    this.mach.set(s.mach);
    this.batchLink.set(s.batchLink);
    this.mNext.set(s.mNext);
    this.mFirst.set(s.mFirst);
  }

  private recordedRun(record = true): boolean {
    this.recording = record;
    this.recorded = 0;
    this.toSpare(this.scratchCheckpoints);
    this.scratchCheckpoints = [];
    this.scratchBytes = 0;
    return this.startRun();
  }

  private startRun(): boolean {
    this.sinceCheckpoint = 0;
    this.lastTime = -Infinity;
    this.paused = false;
    const ok = this.run();
    if (!this.paused) this.endRun();
    return ok;
  }

  /** Carries on a paused run (dispatch, follow or followFrom); its result as theirs. */
  resume(): boolean {
    if (!this.paused) throw new Error('no paused run to resume');
    this.paused = false;
    const ok = this.run();
    if (!this.paused) this.endRun();
    return ok;
  }

  private endRun(): void {
    this.recording = false;
    this.rule = null;
    this.fixedMachine = null;
  }

  /**
   * Follows `s`, which differs from the committed solution only from `from` on (no machine's
   * sequence changes what happens before that time): the run restarts from the last checkpoint of
   * the committed run before `from`, with the committed results up to there, so the result is the
   * very one `follow` gives. Falls back to a full run where it cannot.
   */
  followFrom(s: FlowSequences, from: number): boolean {
    const cps = this.baseCheckpoints;
    if (!this.base.valid || this.assemblies || cps.length === 0 || !((cps[0] as Checkpoint).time < from)) return this.follow(s);
    let lo = 0;
    let hi = cps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((cps[mid] as Checkpoint).time < from) lo = mid; else hi = mid - 1;
    }
    const cp = cps[lo] as Checkpoint;
    this.rule = null;
    this.takeSequences(s);
    for (const [own, saved] of this.baseArrays) own.set(saved);
    this.restore(cp);
    this.rewind(cp.time);
    // Durations on the (maybe new) machines; the next job of every machine in its (maybe new) sequence.
    for (let v = 0; v < this.n; v++) if ((this.begin[v] as number) < 0) this.dur[v] = this.durationOn(v, s.mach[v] as number);
    for (let k = 0; k < this.m; k++) {
      let v = s.mFirst[k] as number;
      while (v >= 0 && (this.begin[v] as number) >= 0) v = s.mNext[v] as number;
      this.nextOp[k] = v;
    }
    // No extra events: every changed machine is still busy at the checkpoint, or waits for a lot
    // that comes after it (earliestChange), so it looks at its new next job by itself, and the
    // events keep the very order they have in a full run.
    this.keptCheckpoints = lo + 1;
    this.incrementalRuns++;
    return this.recordedRun();
  }

  /** The last run's solution becomes the committed one (followFrom restarts from it). */
  commit(): void {
    const b = this.base;
    b.mach.set(this.mach);
    b.mNext.set(this.mNext);
    b.mFirst.set(this.mFirst);
    b.link.set(this.batchLink);
    b.valid = true;
    b.violations = this.violations;
    b.finished = this.finished;
    for (const [own, saved] of this.baseArrays) saved.set(own);
    this.toSpare(this.baseCheckpoints.splice(this.keptCheckpoints));
    for (const cp of this.scratchCheckpoints) this.baseCheckpoints.push(cp);
    this.scratchCheckpoints = [];
    this.scratchBytes = 0;
    // Kept runs' checkpoints stay within the budget too (every other one goes, the first kept).
    while (this.baseCheckpoints.length > 1 && bytesOf(this.baseCheckpoints) > this.checkpointBytes) {
      const all = this.baseCheckpoints;
      this.baseCheckpoints = all.filter((_, i) => i % 2 === 0);
      this.toSpare(all.filter((_, i) => i % 2 === 1));
    }
  }

  /** Puts the committed results back (after trying a solution that was not kept). */
  restoreCommitted(): void {
    for (const [own, saved] of this.baseArrays) own.set(saved);
    this.keptCheckpoints = this.baseCheckpoints.length;
    this.toSpare(this.scratchCheckpoints);
    this.scratchCheckpoints = [];
    this.scratchBytes = 0;
    const b = this.base;
    this.mach.set(b.mach);
    this.mNext.set(b.mNext);
    this.mFirst.set(b.mFirst);
    this.batchLink.set(b.link);
    this.violations = b.violations;
    this.finished = b.finished;
  }

  /** Whether a solution is committed (followFrom and earliestChange need one). */
  get hasCommitted(): boolean {
    return this.base.valid;
  }

  /**
   * The earliest time at which following `s` may differ from following the committed solution.
   * Per machine, at the first job whose make-up differs, the machine sits idle (in both runs) until
   * a job there is ready: the old job's lots (committed arrival times) or the new job's — which
   * come when they came before if they kept their machine. A lot that moves asks another machine
   * for room (and goes there) once its previous operation ends. Infinity when nothing changed.
   */
  earliestChange(s: FlowSequences): number {
    const b = this.base;
    const plant = this.pp.plant;
    const c = this.c;
    const begin = this.baseArrays[0]![1] as Float64Array;
    const end = this.baseArrays[4]![1] as Float64Array;
    const arrived = this.baseArrays[11]![1] as Float64Array;
    const idle = this.baseArrays[15]![1] as Float64Array;
    const t0 = this.pp.planStart;
    const asked = (w: number): number => {
      if (plant.waiting[w] === 1 || this.pp.fixed[w]?.kind === 'frozen') return t0;
      let at = Infinity;
      for (let e = c.predStart[w] as number; e < (c.predStart[w + 1] as number); e++) at = Math.min(at, end[c.predList[e] as number] as number);
      return at === Infinity ? Math.max(t0, c.release[w] as number) : at;
    };
    let t = Infinity;
    // A lot on another machine asks that machine for room, and goes there, once its previous operation ends.
    for (let w = 0; w < this.n; w++) if (s.mach[w] !== b.mach[w]) t = Math.min(t, asked(w));
    for (let k = 0; k < this.m; k++) {
      let ob = b.mFirst[k] as number;
      let ns = s.mFirst[k] as number;
      let lead = -1;
      let last = -1;
      while (ob >= 0 && ob === ns && b.link[ob] === s.batchLink[ns]) {
        if (b.link[ob] === 0) lead = ob;
        last = ob;
        ob = b.mNext[ob] as number;
        ns = s.mNext[ns] as number;
      }
      if (ob < 0 && ns < 0) continue;
      const midJob = (ob >= 0 && b.link[ob] === 1) || (ns >= 0 && s.batchLink[ns] === 1);
      const oldJob = midJob ? lead : ob;
      const newJob = midJob ? lead : ns;
      const idleBefore = oldJob >= 0 ? (idle[oldJob] as number) : last >= 0 ? (end[last] as number) : t0;
      let oldReady = Infinity;
      if (oldJob >= 0) {
        oldReady = -Infinity;
        for (let w = oldJob; ; w = b.mNext[w] as number) {
          oldReady = Math.max(oldReady, arrived[w] as number);
          const x = b.mNext[w] as number;
          if (x < 0 || b.link[x] !== 1) break;
        }
        oldReady = Math.min(oldReady, begin[oldJob] as number);
      }
      let newReady = Infinity;
      if (newJob >= 0) {
        newReady = -Infinity;
        for (let w = newJob; ; w = s.mNext[w] as number) {
          newReady = Math.max(newReady, b.mach[w] === k ? (arrived[w] as number) : asked(w));
          const x = s.mNext[w] as number;
          if (x < 0 || s.batchLink[x] !== 1) break;
        }
      }
      t = Math.min(t, Math.max(idleBefore, Math.min(oldReady, newReady)));
    }
    return t;
  }

  private save(cp: Checkpoint, time: number): void {
    cp.time = time;
    cp.releaseNext = this.releaseNext;
    cp.violations = this.violations;
    cp.finished = this.finished;
    this.heap.saveTo(cp.heap);
    cp.phase.set(this.phase);
    cp.jobLead.set(this.jobLead);
    cp.idleSince.set(this.idleSince);
    cp.lastOp.set(this.lastOp);
    cp.waitingSince.set(this.waitingSince);
    cp.opWaitCause.set(this.opWaitCause);
    cp.inUsed.set(this.inUsed);
    cp.outUsed.set(this.outUsed);
    cp.tryAt.set(this.tryAt);
    let i = 0;
    for (const k of this.keys) { cp.keys.set(k, i); i += k.length; }
    cp.slotBusy.set(this.slotBusy);
    cp.slotOp.set(this.slotOp);
    cp.vehicleFree.set(this.vehicleFree);
    let size = 0;
    for (const l of this.inWait) size += l.length;
    for (const l of this.unloadQueue) size += l.length;
    if (cp.lists.length < size) cp.lists = new Int32Array(Math.max(size, 2 * cp.lists.length));
    let at = 0;
    for (let k = 0; k < this.m; k++) {
      cp.listStart[k] = at;
      for (const v of this.inWait[k]!) cp.lists[at++] = v;
    }
    for (let k = 0; k < this.m; k++) {
      cp.listStart[this.m + k] = at;
      for (const v of this.unloadQueue[k]!) cp.lists[at++] = v;
    }
    cp.listStart[2 * this.m] = at;
    const h = cp.heap;
    cp.bytes = h.time.byteLength + h.prio.byteLength + h.order.byteLength + h.kind.byteLength + h.argA.byteLength + h.argB.byteLength + cp.lists.byteLength + 16 * this.m * 8 + this.keyCount * 4 + this.slotBusy.length * 12 + this.vehicleFree.length * 8;
  }

  private restore(cp: Checkpoint): void {
    this.releaseNext = cp.releaseNext;
    this.violations = cp.violations;
    this.finished = cp.finished;
    this.heap.restoreFrom(cp.heap);
    this.phase.set(cp.phase);
    this.jobLead.set(cp.jobLead);
    this.idleSince.set(cp.idleSince);
    this.lastOp.set(cp.lastOp);
    this.waitingSince.set(cp.waitingSince);
    this.opWaitCause.set(cp.opWaitCause);
    this.inUsed.set(cp.inUsed);
    this.outUsed.set(cp.outUsed);
    this.tryAt.set(cp.tryAt);
    let i = 0;
    for (const k of this.keys) { k.set(cp.keys.subarray(i, i + k.length)); i += k.length; }
    this.slotBusy.set(cp.slotBusy);
    this.slotOp.set(cp.slotOp);
    this.vehicleFree.set(cp.vehicleFree);
    for (let k = 0; k < 2 * this.m; k++) {
      const list = k < this.m ? this.inWait[k]! : this.unloadQueue[k - this.m]!;
      list.length = 0;
      for (let j = cp.listStart[k] as number; j < (cp.listStart[k + 1] as number); j++) list.push(cp.lists[j] as number);
    }
  }

  /** Forgets every result the committed run wrote at or after `time` (each is written at the time it holds). */
  private rewind(time: number): void {
    for (let v = 0; v < this.n; v++) {
      if ((this.begin[v] as number) >= time) {
        this.begin[v] = -1;
        this.setup[v] = 0;
        this.setupStart[v] = -1;
        this.setupPool[v] = -1;
        this.cause[v] = -1;
        this.causeKind[v] = CAUSE_NONE;
        this.violation[v] = 0;
      }
      if ((this.start[v] as number) >= time) {
        this.start[v] = -1;
        this.end[v] = -1;
        this.runPool[v] = -1;
      }
      if ((this.room[v] as number) >= time) this.room[v] = -1;
      if ((this.arrived[v] as number) >= time) { this.arrived[v] = -1; this.lotsLeft[v] = 1; }
    }
  }

  /** Keeps checkpoints no longer used for reuse, as far as the budget allows (the rest are let go). */
  private toSpare(cps: Checkpoint[]): void {
    for (const cp of cps) {
      if (this.spareBytes + cp.bytes > this.checkpointBytes) return;
      this.spare.push(cp);
      this.spareBytes += cp.bytes;
    }
  }

  /** The run under way went over the checkpoint budget: every other checkpoint goes, and the next ones come twice as far apart. */
  private thinScratch(): void {
    const all = this.scratchCheckpoints;
    this.scratchCheckpoints = all.filter((_, i) => i % 2 === 0);
    this.scratchBytes = bytesOf(this.scratchCheckpoints);
    this.toSpare(all.filter((_, i) => i % 2 === 1));
    this.every *= 2;
  }

  private newCheckpoint(): Checkpoint {
    const m = this.m;
    const slots = this.slotBusy.length;
    const reused = this.spare.pop();
    if (reused !== undefined) { this.spareBytes -= reused.bytes; return reused; }
    return new Checkpoint(
      new Uint8Array(m), new Int32Array(m), new Float64Array(m), new Int32Array(m), new Float64Array(m), new Int32Array(m),
      new Float64Array(m), new Float64Array(m), new Float64Array(m), new Int32Array(this.keyCount),
      new Float64Array(slots), new Int32Array(slots), new Float64Array(this.vehicleFree.length), new Int32Array(64), new Int32Array(2 * m + 1),
    );
  }

  /**
   * Builds a schedule by dispatching: each free machine picks from the lots in front of it by
   * `rule` (batches grouped as the simulator does, waiting up to maxWait for a fuller batch —
   * or, with `waitForPartners` false, never idle while a group is there: then following the
   * sequences made times them exactly as dispatching did); a lot's machine is `machineOf[v]`
   * when given, else the one with the least expected finish. Leaves the sequences it made in
   * mach / mFirst / mNext / batchLink. False on a deadlock.
   */
  dispatch(rule: FlowRule, machineOf: ArrayLike<number> | null = null, waitForPartners = true): boolean {
    this.rule = rule;
    this.fixedMachine = machineOf;
    this.waitForPartners = waitForPartners;
    this.mFirst.fill(-1);
    this.mLast.fill(-1);
    this.mNext.fill(-1);
    this.batchLink.fill(0);
    this.backlog.fill(0);
    for (let k = 0; k < this.m; k++) { this.queue[k]!.length = 0; this.tailKeys[k]!.set(this.pp.plant.machines[k]!.initialKeys); }
    // A locked lot may not be taken before its time: the scan skips it, a heap could not.
    const heaps = rule.fixedScore === true && !this.pp.fixed.some((f) => f?.kind === 'locked');
    for (let k = 0; k < this.m; k++) this.heapQueue[k] = heaps && this.pp.plant.machines[k]!.batch === null ? 1 : 0;
    if (heaps && this.qScore === null) { this.qScore = new Float64Array(this.n); this.qSeq = new Float64Array(this.n); }
    this.qPushes = 0;
    const c = this.c;
    for (let v = 0; v < this.n; v++) {
      const f = this.pp.fixed[v];
      this.mach[v] = f ? f.machine : this.pp.plant.waiting[v] === 1 ? (c.modeMachine[c.modeStart[v] as number] as number) : -1;
    }
    this.reset();
    this.nextOp.fill(-1);
    // Frozen operations are on their machines already.
    for (let v = 0; v < this.n; v++) {
      const f = this.pp.fixed[v];
      if (f?.kind === 'frozen') { this.dur[v] = this.durationOn(v, f.machine); this.append(f.machine, v, false); this.nextOp[f.machine] = v; }
    }
    this.recording = false;
    return this.startRun();
  }

  private reset(): void {
    const pp = this.pp;
    const t0 = pp.planStart;
    this.heap.clear();
    this.phase.fill(IDLE);
    this.idleSince.fill(t0);
    this.lastOp.fill(-1);
    this.inUsed.fill(0);
    this.outUsed.fill(0);
    this.tryAt.fill(-1);
    this.jobLead.fill(-1);
    this.waitingSince.fill(Infinity);
    this.opWaitCause.fill(-1);
    this.arrived.fill(-1);
    this.from.fill(-1);
    this.violation.fill(0);
    this.setupPool.fill(-1);
    this.runPool.fill(-1);
    this.cause.fill(-1);
    this.causeKind.fill(CAUSE_NONE);
    this.end.fill(-1);
    this.begin.fill(-1);
    this.start.fill(-1);
    this.setupStart.fill(-1);
    this.room.fill(-1);
    for (let v = 0; v < this.n; v++) this.lotsLeft[v] = Math.max(1, (this.c.predStart[v + 1] as number) - (this.c.predStart[v] as number));
    this.violations = 0;
    this.finished = 0;
    for (let k = 0; k < this.m; k++) {
      this.inWait[k]!.length = 0;
      this.unloadQueue[k]!.length = 0;
      this.keys[k]!.set(pp.plant.machines[k]!.initialKeys);
    }
    this.slotBusy.fill(t0);
    this.slotOp.fill(-1);
    this.vehicleFree.fill(t0);
    const c = this.c;
    const plant = pp.plant;
    for (let v = 0; v < this.n; v++) {
      if ((c.predStart[v + 1] as number) > (c.predStart[v] as number)) continue;
      const f = pp.fixed[v];
      if (f?.kind === 'frozen' || plant.waiting[v] === 1) {
        // On the machine or in front of it already: let in even beyond the buffer's room.
        const k = this.mach[v] as number;
        this.inUsed[k] = (this.inUsed[k] as number) + (plant.quantity[v] as number);
        this.room[v] = t0;
        if (f?.kind === 'frozen') { this.arrived[v] = t0; this.tryMachine(k, t0); } else this.heap.push(t0, 0, EV_ARRIVE, v, 0);
        continue;
      }
      const o = plant.origin[v] as number;
      this.from[v] = o;
      if (o >= 0) this.outUsed[o] = (this.outUsed[o] as number) + (plant.quantity[v] as number);
    }
    this.releaseNext = 0;
  }

  private run(): boolean {
    const heap = this.heap;
    const releases = this.releaseOp.length;
    const sliced = this.sliceUntil < Infinity;
    let events = 0;
    while (heap.size > 0 || this.releaseNext < releases) {
      if (sliced && (++events & 255) === 0 && performance.now() > this.sliceUntil) { this.paused = true; return false; }
      // Releases go first among events of the same time.
      const nextRelease = this.releaseNext < releases ? (this.releaseAt[this.releaseNext] as number) : Infinity;
      const next = Math.min(nextRelease, heap.peekTime());
      if (this.recording && ++this.sinceCheckpoint >= this.every && next > this.lastTime) {
        const cp = this.newCheckpoint();
        this.save(cp, next);
        this.scratchCheckpoints.push(cp);
        this.scratchBytes += cp.bytes;
        this.sinceCheckpoint = 0;
        if (this.scratchBytes > this.checkpointBytes && this.scratchCheckpoints.length > 1) this.thinScratch();
      }
      this.lastTime = next;
      if (nextRelease <= next) {
        const v = this.releaseOp[this.releaseNext++] as number;
        const first = this.lotFirst[v] as number;
        // A piece released with the lot it belongs to asks for room with it.
        if (first === v || this.movesWith(first) <= v) this.askRoom(v, nextRelease);
        continue;
      }
      heap.pop();
      const t = heap.t;
      const a = heap.a;
      switch (heap.k) {
        case EV_ARRIVE: this.arrive(a, t); break;
        case EV_TRY: if (this.tryAt[a] === t) { this.tryAt[a] = -1; this.tryBegin(a, t); } break;
        case EV_SETUP_END: this.setupDone(a, t); break;
        case EV_TRY_RUN: this.tryRun(a, t); break;
        case EV_RUN_END: this.runDone(a, t); break;
        case EV_OUTPUT_FREE: this.outputFree(a, heap.b, t); break;
      }
    }
    return this.finished === this.n;
  }

  /**
   * Where a run that could not finish is stuck (read after dispatch/follow returned false without
   * pausing): machines blocked by a full output buffer, and input buffers with lots waiting for room.
   */
  stuck(): FlowStuck {
    const blocked: FlowStuck['blocked'] = [];
    const waiting: FlowStuck['waiting'] = [];
    for (let k = 0; k < this.m; k++) {
      if (this.phase[k] === BLOCKED && this.unloadQueue[k]!.length > 0) blocked.push({ machine: k, op: this.unloadQueue[k]![0] as number, used: this.outUsed[k] as number });
      if (this.inWait[k]!.length > 0) waiting.push({ machine: k, used: this.inUsed[k] as number, ops: this.inWait[k]!.slice(), from: this.inWait[k]!.map((v) => this.from[v] as number) });
    }
    return { blocked, waiting, unfinished: this.n - this.finished };
  }

  // ---- lots moving ------------------------------------------------------------------------------

  /** The lot of op v asks for room in front of its machine (choosing the machine first in dispatch mode). */
  private askRoom(v: number, t: number): void {
    let k = this.mach[v] as number;
    if ((this.room[v] as number) >= 0) {
      // A further lot of an assembly: the first one holds the room.
      const f = this.from[v] as number;
      const lag = f < 0 ? 0 : (this.pp.plant.lag[f * this.m + k] as number);
      const go = this.departure(f, k, t);
      this.heap.push(go + lag, 0, EV_ARRIVE, v, 0);
      if (f >= 0) this.heap.push(go + (lag > 0 ? (this.pp.plant.pickup[f] as number) : 0), 0, EV_OUTPUT_FREE, f, v);
      return;
    }
    if (k < 0) k = this.chooseMachine(v, t);
    const wait = this.inWait[k]!;
    if (wait.length === 0 && this.fits(this.inUsed[k] as number, this.units(v), this.pp.plant.machines[k]!.inputCapacity)) this.grant(v, k, t);
    else wait.push(v);
  }

  /**
   * The pieces of v's lot that move as one with it: [v, end). A lot's pieces share the machine
   * the first one goes to (dispatching chooses it for them all, unless machines are given).
   */
  private movesWith(v: number): number {
    const e = this.lotEnd[v] as number;
    if (e === v + 1) return e;
    if (this.rule !== null) {
      const fm = this.fixedMachine;
      if (fm === null) return e;
      for (let w = v + 1; w < e; w++) if (fm[w] !== fm[v]) return v + 1;
      return e;
    }
    for (let w = v + 1; w < e; w++) if (this.mach[w] !== this.mach[v]) return v + 1;
    return e;
  }

  /** Units that ask for room with v (its whole lot when its pieces move together). */
  private units(v: number): number {
    return this.movesWith(v) === v + 1 ? (this.pp.plant.quantity[v] as number) : (this.lotUnits[v] as number);
  }

  /**
   * When a move from machine f to k asked for at t sets off: at once without a vehicle; else when
   * the first vehicle is free (requests served in order, as the fleet does), which it then holds
   * for the whole planned trip (the longest empty drive, so never shorter than the fleet's).
   */
  private departure(f: number, k: number, t: number): number {
    const lag = f < 0 ? 0 : (this.pp.plant.lag[f * this.m + k] as number);
    const free = this.vehicleFree;
    if (lag <= 0 || free.length === 0) return t;
    let x = 0;
    for (let i = 1; i < free.length; i++) if ((free[i] as number) < (free[x] as number)) x = i;
    const go = Math.max(t, free[x] as number);
    free[x] = go + lag;
    return go;
  }

  private fits(used: number, q: number, capacity: number): boolean {
    return used === 0 || used + q <= capacity + EPS;
  }

  private grant(v: number, k: number, t: number): void {
    const plant = this.pp.plant;
    const end = this.movesWith(v);
    // The lot's pieces ride together.
    const go = this.departure(this.from[v] as number, k, t);
    for (let w = v; w < end; w++) {
      if (w > v && (this.mach[w] as number) < 0) this.chooseMachine(w, t, k);
      this.inUsed[k] = (this.inUsed[k] as number) + (plant.quantity[w] as number);
      this.room[w] = t;
      const f = this.from[w] as number;
      const lag = f < 0 ? 0 : (plant.lag[f * this.m + k] as number);
      this.heap.push(go + lag, 0, EV_ARRIVE, w, 0);
      if (f >= 0) this.heap.push(go + (lag > 0 ? (plant.pickup[f] as number) : 0), 0, EV_OUTPUT_FREE, f, w);
    }
  }

  private arrive(v: number, t: number): void {
    this.lotsLeft[v] = (this.lotsLeft[v] as number) - 1;
    if ((this.lotsLeft[v] as number) > 0) return;
    this.arrived[v] = t;
    const k = this.mach[v] as number;
    if (this.rule !== null) {
      if (this.heapQueue[k] === 1) this.heapPush(k, v, t);
      else this.queue[k]!.push(v);
    }
    this.tryMachine(k, t);
  }

  /** Input room frees when a job takes its lots: serve waiting requests, oldest first. */
  private releaseRoom(k: number, q: number, t: number): void {
    this.inUsed[k] = (this.inUsed[k] as number) - q;
    const wait = this.inWait[k]!;
    const cap = this.pp.plant.machines[k]!.inputCapacity;
    while (wait.length > 0) {
      const v = wait[0] as number;
      if (!this.fits(this.inUsed[k] as number, this.units(v), cap)) return;
      wait.shift();
      this.grant(v, k, t);
    }
  }

  private outputFree(k: number, v: number, t: number): void {
    this.outUsed[k] = (this.outUsed[k] as number) - (this.pp.plant.quantity[v] as number);
    if (this.phase[k] === BLOCKED) this.unload(k, t);
  }

  // ---- machines ---------------------------------------------------------------------------------

  /** Asks machine k to look at its next job at time t (once per instant). */
  private tryMachine(k: number, t: number, prio = t): void {
    if (this.phase[k] !== IDLE) return;
    const at = this.tryAt[k] as number;
    if (at >= 0 && at <= t) return;
    this.tryAt[k] = t;
    this.heap.push(t, prio, EV_TRY, k, 0);
  }

  /** Operations of the job led by v on machine k (v and the batch-linked ones after it). */
  private jobEnd(v: number): number {
    let w = v;
    while (true) {
      const x = this.mNext[w] as number;
      if (x < 0 || this.batchLink[x] !== 1) return w;
      w = x;
    }
  }

  private tryBegin(k: number, t: number): void {
    if (this.phase[k] !== IDLE) return;
    let v: number;
    if (this.rule === null) {
      v = this.nextOp[k] as number;
      if (v < 0) return;
      const last = this.jobEnd(v);
      for (let w = v; ; w = this.mNext[w] as number) {
        if ((this.arrived[w] as number) < 0) return;
        if (w === last) break;
      }
    } else {
      v = this.nextOp[k] as number;
      if (v < 0 || this.pp.fixed[v]?.kind !== 'frozen' || (this.end[v] as number) >= 0) v = this.pickJob(k, t);
      if (v < 0) return;
    }
    const pp = this.pp;
    const plant = pp.plant;
    const fixed = pp.fixed[v];
    const frozen = fixed?.kind === 'frozen';
    if (fixed?.kind === 'locked' && t < fixed.begin - EPS) { this.tryLater(k, fixed.begin, t); return; }
    const machine = plant.machines[k]!;
    if (!frozen && !machine.availability.isWorking(t)) { this.tryLater(k, machine.availability.nextWorking(t), t); return; }
    const su = frozen ? fixed.setupLeft : setupTime(machine.setups, this.keys[k]!, plant.product[v] as number);
    const skill = su > 0 ? (plant.setupSkill[v] as number) : (plant.runSkill[v] as number);
    let pool = -1;
    if (skill >= 0) {
      pool = this.freePool(skill, t);
      if (pool < 0) { this.waitForOperator(k, skill, t, EV_TRY); return; }
    }
    if (this.rule !== null) this.takeFromQueue(k, v, t);
    const lastJob = this.jobEnd(v);
    // The lots are taken: record the begin, give back the room, find what held the begin.
    let q = 0;
    let latest = -1;
    let members = 0;
    let firstArrival = Infinity;
    const idleBefore = this.idleSince[k] as number;
    for (let w = v; ; w = this.mNext[w] as number) {
      members++;
      this.begin[w] = t;
      this.jobIdle[w] = Math.min(idleBefore, t);
      this.setup[w] = w === v ? su : 0;
      this.setupStart[w] = t;
      q += plant.quantity[w] as number;
      const a = this.arrived[w] as number;
      if (latest < 0 || a > (this.arrived[latest] as number)) latest = w;
      if (a < firstArrival) firstArrival = a;
      this.dur[w] = this.durationOn(w, k);
      if (w === lastJob) break;
    }
    this.noteCause(k, v, lastJob, latest, t);
    if (fixed?.kind === 'locked' && t > fixed.begin + EPS) this.flag(v, 2);
    const batch = machine.batch;
    if (batch !== null && members > 1 && batch.maxWait < Infinity) {
      // The simulator would start without the latest lot once the first has waited maxWait at a free, working machine.
      const couldStart = machine.availability.nextWorking(Math.max(this.idleSince[k] as number, firstArrival + batch.maxWait));
      if (couldStart < (this.arrived[latest] as number) - EPS) this.flag(v, 1);
    }
    this.releaseRoom(k, q, t);
    // After this job the machine is set up for its product (also when the changeover took no time).
    applySetup(machine.setups, this.keys[k]!, plant.product[v] as number);
    this.jobLead[k] = v;
    this.nextOp[k] = this.rule === null ? (this.mNext[lastJob] as number) : -1;
    if (su > 0) {
      const end = this.clock(k, pool).finish(t, su);
      this.claim(pool, v, end, t);
      for (let w = v; ; w = this.mNext[w] as number) { this.setupPool[w] = pool; if (w === lastJob) break; }
      this.phase[k] = SETUP;
      this.heap.push(end, 0, EV_SETUP_END, k, 0);
    } else {
      this.phase[k] = WAIT_RUN;
      this.tryRun(k, t);
    }
  }

  private tryLater(k: number, at: number, t: number): void {
    this.tryAt[k] = at;
    this.heap.push(at, t, EV_TRY, k, 0);
  }

  /**
   * What held the begin of job v..last at t: an operator's earlier task (when it waited for one),
   * the machine's previous job (when the machine became free no earlier than the lots came), or
   * the routing predecessor of the latest lot; -1 when only a release or calendar held it.
   */
  private noteCause(k: number, v: number, last: number, latest: number, t: number): void {
    const idle = this.idleSince[k] as number;
    const arrival = this.arrived[latest] as number;
    let cause = -1;
    let kind = CAUSE_NONE;
    if ((this.waitingSince[k] as number) < t && (this.opWaitCause[k] as number) >= 0) { cause = this.opWaitCause[k] as number; kind = CAUSE_OPERATOR; }
    else if (idle >= arrival - EPS && (this.lastOp[k] as number) >= 0) { cause = this.lastOp[k] as number; kind = CAUSE_MACHINE; }
    else {
      const c = this.c;
      for (let e = c.predStart[latest] as number; e < (c.predStart[latest + 1] as number); e++) {
        const u = c.predList[e] as number;
        if (cause < 0 || (this.end[u] as number) > (this.end[cause] as number)) cause = u;
      }
      if (cause >= 0) kind = CAUSE_LOT;
    }
    this.opWaitCause[k] = -1;
    this.waitingSince[k] = Infinity;
    for (let w = v; ; w = this.mNext[w] as number) {
      this.cause[w] = cause;
      this.causeKind[w] = kind;
      if (w === last) break;
    }
  }

  private flag(v: number, kind: number): void {
    if (this.violation[v] === 0) this.violations++;
    this.violation[v] = kind;
  }

  private setupDone(k: number, t: number): void {
    this.phase[k] = WAIT_RUN;
    this.tryRun(k, t);
  }

  private tryRun(k: number, t: number): void {
    const v = this.jobLead[k] as number;
    const plant = this.pp.plant;
    const skill = plant.runSkill[v] as number;
    let pool = -1;
    if (skill >= 0) {
      pool = this.freePool(skill, t);
      if (pool < 0) { this.waitForOperator(k, skill, t, EV_TRY_RUN); return; }
    }
    const last = this.jobEnd(v);
    let d = 0;
    for (let w = v; ; w = this.mNext[w] as number) { d = Math.max(d, this.dur[w] as number); if (w === last) break; }
    const clock = this.clock(k, pool);
    if (plant.uninterruptible[v] === 1 && this.pp.fixed[v]?.kind !== 'frozen') {
      const s = clock.nextStretch(t, d);
      if (s > t + EPS) { this.heap.push(s, t, EV_TRY_RUN, k, 0); return; }
    }
    const end = clock.finish(t, d);
    this.claim(pool, v, end, t);
    for (let w = v; ; w = this.mNext[w] as number) {
      this.start[w] = t;
      this.end[w] = end;
      this.runPool[w] = pool;
      if (w === last) break;
    }
    this.phase[k] = RUN;
    this.heap.push(end, 0, EV_RUN_END, k, 0);
  }

  private runDone(k: number, t: number): void {
    const v = this.jobLead[k] as number;
    const last = this.jobEnd(v);
    const list = this.unloadQueue[k]!;
    const c = this.c;
    // A batch's lots leave in the order the schedule lists them (the simulator unloads them so): by operation.
    const members: number[] = [];
    for (let w = v; ; w = this.mNext[w] as number) {
      this.finished++;
      members.push(w);
      if (w === last) break;
    }
    if (members.length > 1) members.sort((a, b) => a - b);
    for (const w of members) for (let e = c.succStart[w] as number; e < (c.succStart[w + 1] as number); e++) list.push(c.succList[e] as number);
    this.lastOp[k] = last;
    this.unload(k, t);
  }

  /** Moves finished lots into the output buffer; blocked while one finds no room. */
  private unload(k: number, t: number): void {
    const list = this.unloadQueue[k]!;
    const cap = this.pp.plant.machines[k]!.outputCapacity;
    while (list.length > 0) {
      const next = list[0] as number;
      // A lot cut into pieces for its next step leaves whole (its pieces follow it in the list).
      const pieces = (this.lotEnd[next] as number) - next;
      const q = this.lotUnits[next] as number;
      if (!this.fits(this.outUsed[k] as number, q, cap)) {
        this.phase[k] = BLOCKED;
        return;
      }
      list.splice(0, pieces);
      this.outUsed[k] = (this.outUsed[k] as number) + q;
      for (let w = next; w < next + pieces; w++) this.from[w] = k;
      if (this.movesWith(next) === next + pieces) this.askRoom(next, t);
      else for (let w = next; w < next + pieces; w++) this.askRoom(w, t);
    }
    this.phase[k] = IDLE;
    this.idleSince[k] = t;
    this.tryMachine(k, t);
  }

  // ---- operators --------------------------------------------------------------------------------

  /** First pool (scenario order) with the skill that is on shift and has a free operator at t, or -1. */
  private freePool(skill: number, t: number): number {
    const pools = this.pp.plant.skillPools[skill]!;
    for (let i = 0; i < pools.length; i++) {
      const p = pools[i] as number;
      const cal = this.pp.plant.pools[p]!.availability;
      if (cal !== null && !cal.isWorking(t)) continue;
      for (let s = this.slotStart[p] as number; s < (this.slotStart[p + 1] as number); s++) if ((this.slotBusy[s] as number) <= t + EPS) return p;
    }
    return -1;
  }

  private claim(pool: number, v: number, until: number, t: number): void {
    if (pool < 0) return;
    for (let s = this.slotStart[pool] as number; s < (this.slotStart[pool + 1] as number); s++) {
      if ((this.slotBusy[s] as number) <= t + EPS) { this.slotBusy[s] = until; this.slotOp[s] = v; return; }
    }
  }

  /** Machine k waits for an operator with `skill`: look again when one may be free and on shift (longest waiting first). */
  private waitForOperator(k: number, skill: number, t: number, kind: number): void {
    const pools = this.pp.plant.skillPools[skill]!;
    let when = Infinity;
    let holder = -1;
    for (let i = 0; i < pools.length; i++) {
      const p = pools[i] as number;
      let free = Infinity;
      let op = -1;
      for (let s = this.slotStart[p] as number; s < (this.slotStart[p + 1] as number); s++) {
        if ((this.slotBusy[s] as number) < free) { free = this.slotBusy[s] as number; op = this.slotOp[s] as number; }
      }
      let at = Math.max(t, free);
      const cal = this.pp.plant.pools[p]!.availability;
      if (cal !== null) at = cal.nextWorking(at);
      if (at < when) { when = at; holder = free > t ? op : -1; }
    }
    if (when <= t + EPS) when = t + 1e-6; // another machine took the operator at this very instant
    if (kind === EV_TRY) {
      if ((this.waitingSince[k] as number) === Infinity) this.waitingSince[k] = t;
      this.opWaitCause[k] = holder;
      this.tryAt[k] = when;
      this.heap.push(when, this.waitingSince[k] as number, EV_TRY, k, 0);
    } else this.heap.push(when, t, EV_TRY_RUN, k, 0);
  }

  // ---- dispatch mode ----------------------------------------------------------------------------

  private append(k: number, v: number, linked: boolean): void {
    this.mach[v] = k;
    const last = this.mLast[k] as number;
    if (last < 0) this.mFirst[k] = v; else this.mNext[last] = v;
    this.mNext[v] = -1;
    this.mLast[k] = v;
    this.batchLink[v] = linked ? 1 : 0;
  }

  /** The machine for a lot ready for op v: the given one, the only one, or the least expected finish (staying on its line). */
  private chooseMachine(v: number, t: number, forced = -1): number {
    const c = this.c;
    const plant = this.pp.plant;
    const fixedM = this.fixedMachine?.[v];
    let best = forced >= 0 ? forced : fixedM !== undefined && fixedM >= 0 ? fixedM : -1;
    const s = c.modeStart[v] as number;
    const e = c.modeStart[v + 1] as number;
    if (best < 0 && e - s === 1) best = c.modeMachine[s] as number;
    if (best < 0) {
      const fromM = this.from[v] as number;
      const line = fromM >= 0 ? plant.machines[fromM]!.line : -1;
      let stay = false;
      if (line >= 0) for (let i = s; i < e; i++) if (plant.machines[c.modeMachine[i] as number]!.line === line) stay = true;
      let bestScore = Infinity;
      for (let i = s; i < e; i++) {
        const k = c.modeMachine[i] as number;
        if (stay && plant.machines[k]!.line !== line) continue;
        const lead = this.jobLead[k] as number;
        const busy = this.phase[k] === IDLE || lead < 0 ? 0 : Math.max(0, (this.end[lead] as number) - t);
        const score = busy + (this.backlog[k] as number) + setupTime(plant.machines[k]!.setups, this.tailKeys[k]!, plant.product[v] as number) + (c.modeDuration[i] as number);
        if (score < bestScore) { bestScore = score; best = k; }
      }
    }
    const estimate = setupTime(plant.machines[best]!.setups, this.tailKeys[best]!, plant.product[v] as number) + this.durationOn(v, best);
    this.backlog[best] = (this.backlog[best] as number) + estimate;
    applySetup(plant.machines[best]!.setups, this.tailKeys[best]!, plant.product[v] as number);
    this.mach[v] = best;
    this.dur[v] = estimate;
    return best;
  }

  /**
   * The next job by the rule: the best waiting operation, or on batch equipment the best ready
   * group (batchGroup: same batch key, changeover keys and skills), loaded in rule order while it fits. Returns
   * the leader (the job is appended to the machine's sequence) or -1 (then a wake-up is set when
   * a group's maxWait runs out).
   */
  private pickJob(k: number, t: number): number {
    const q = this.queue[k]!;
    if (q.length === 0) return -1;
    if (this.heapQueue[k] === 1) return q[0] as number;
    const plant = this.pp.plant;
    const machine = plant.machines[k]!;
    const rule = this.rule as FlowRule;
    const keys = this.keys[k]!;
    let best = -1;
    let bestScore = -Infinity;
    const batch = machine.batch;
    let units: Map<string, number> | null = null;
    let oldest: Map<string, number> | null = null;
    if (batch !== null) {
      units = new Map();
      oldest = new Map();
      for (const v of q) {
        const g = batchGroup(plant, k, v);
        units.set(g, (units.get(g) ?? 0) + (plant.quantity[v] as number));
        oldest.set(g, Math.min(oldest.get(g) ?? Infinity, this.arrived[v] as number));
      }
    }
    for (const v of q) {
      const f = this.pp.fixed[v];
      if (f?.kind === 'locked' && f.machine === k && t < f.begin - EPS) continue;
      if (batch !== null && units !== null && oldest !== null) {
        const g = batchGroup(plant, k, v);
        if (!(!this.waitForPartners || batch.maxWait === Infinity || (units.get(g) as number) >= batch.capacity || (oldest.get(g) as number) + batch.maxWait <= t + EPS)) continue;
      }
      const su = setupTime(machine.setups, keys, plant.product[v] as number);
      const score = rule.score(this, v, k, t, su, this.durationOn(v, k));
      if (best < 0 || score > bestScore || (score === bestScore && (this.arrived[v] as number) < (this.arrived[best] as number))) { best = v; bestScore = score; }
    }
    if (best < 0) {
      let wake = Infinity;
      if (batch !== null && oldest !== null) for (const o of oldest.values()) wake = Math.min(wake, o + batch.maxWait);
      for (const v of q) { const f = this.pp.fixed[v]; if (f?.kind === 'locked' && f.machine === k) wake = Math.min(wake, f.begin); }
      if (wake < Infinity && wake > t) this.tryLater(k, wake, t);
      return -1;
    }
    return best;
  }

  /** Queues lot v at machine k's heap: its score is fixed, its place among equal scores is its arrival. */
  private heapPush(k: number, v: number, t: number): void {
    const score = this.qScore as Float64Array;
    const seq = this.qSeq as Float64Array;
    score[v] = (this.rule as FlowRule).score(this, v, k, t, 0, this.durationOn(v, k));
    seq[v] = this.qPushes++;
    const h = this.queue[k]!;
    let i = h.length;
    h.push(v);
    while (i > 0) {
      const up = (i - 1) >> 1;
      const u = h[up] as number;
      if (!this.before(v, u)) break;
      h[i] = u;
      i = up;
    }
    h[i] = v;
  }

  /** Takes the top of machine k's heap off. */
  private heapPop(k: number): void {
    const h = this.queue[k]!;
    const last = h.pop() as number;
    const size = h.length;
    if (size === 0) return;
    let i = 0;
    while (true) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && this.before(h[c + 1] as number, h[c] as number)) c++;
      if (!this.before(h[c] as number, last)) break;
      h[i] = h[c] as number;
      i = c;
    }
    h[i] = last;
  }

  /**
   * Whether queued lot a goes before b: the higher score, then the earlier arrival (as pickJob's
   * scan: the first to arrive among equal scores; lots are queued in the order they arrive).
   */
  private before(a: number, b: number): boolean {
    const score = this.qScore as Float64Array;
    const sa = score[a] as number;
    const sb = score[b] as number;
    return sa > sb || (sa === sb && (this.qSeq as Float64Array)[a]! < (this.qSeq as Float64Array)[b]!);
  }

  /** Takes the chosen job's lots from the queue and appends them (a batch: the leader's group, first fit) to k's sequence. */
  private takeFromQueue(k: number, v: number, t: number): void {
    const q = this.queue[k]!;
    if (this.heapQueue[k] === 1) {
      // The heap's top is the job chosen (pickJob).
      this.heapPop(k);
      this.backlog[k] = Math.max(0, (this.backlog[k] as number) - (this.dur[v] as number));
      this.append(k, v, false);
      return;
    }
    const plant = this.pp.plant;
    const batch = plant.machines[k]!.batch;
    const members = [v];
    if (batch !== null) {
      const key = (w: number): string => batchGroup(plant, k, w);
      const g = key(v);
      const rule = this.rule as FlowRule;
      const machine = plant.machines[k]!;
      const others = q.filter((w) => w !== v && key(w) === g && this.pp.fixed[w] == null);
      const score = new Map(others.map((w) => [w, rule.score(this, w, k, t, setupTime(machine.setups, this.keys[k]!, plant.product[w] as number), this.durationOn(w, k))]));
      others.sort((a, b) => (score.get(b) as number) - (score.get(a) as number) || (this.arrived[a] as number) - (this.arrived[b] as number) || a - b);
      let load = plant.quantity[v] as number;
      for (const w of others) {
        const qw = plant.quantity[w] as number;
        if (load + qw <= batch.capacity + EPS) { members.push(w); load += qw; }
      }
    }
    members.forEach((w, i) => {
      const at = q.indexOf(w);
      if (at >= 0) q.splice(at, 1);
      this.backlog[k] = Math.max(0, (this.backlog[k] as number) - (this.dur[w] as number));
      if (this.pp.fixed[w]?.kind !== 'frozen') this.append(k, w, i > 0);
    });
  }
}

function bytesOf(cps: Checkpoint[]): number {
  let bytes = 0;
  for (const cp of cps) bytes += cp.bytes;
  return bytes;
}

function samePredecessors(c: CompiledProblem, a: number, b: number): boolean {
  const sa = c.predStart[a] as number;
  const sb = c.predStart[b] as number;
  const na = (c.predStart[a + 1] as number) - sa;
  if (na !== (c.predStart[b + 1] as number) - sb) return false;
  for (let i = 0; i < na; i++) if (c.predList[sa + i] !== c.predList[sb + i]) return false;
  return true;
}

import type { CompiledProblem } from './compile.ts';
import { copySnapshot, newSnapshot, SequenceGraph, type Snapshot } from './graph.ts';
import { BACKWARD, FORWARD, MoveList, moveCapacity, Neighbourhood, RELOCATE } from './neighbourhood.ts';
import { compareValues } from './objective.ts';
import { Random } from './random.ts';
import { TabuMemory } from './tabuMemory.ts';
import { ElitePool } from './elite.ts';
import { Recombiner } from './recombine.ts';

const HEARTBEAT_MS = 250;

export interface Progress {
  iteration: number;
  /** Best value so far, one number per lexicographic level. */
  best: number[];
  elapsedMs: number;
}

/**
 * How the search judges and steers a solution. The makespan judge of a job shop times it by the
 * longest path of the graph; a plant's judge follows it with the plant's rules (plant/flow.ts).
 */
export interface Judge {
  /** Lexicographic levels of the value. */
  readonly levels: number;
  /**
   * Moves judged exactly per iteration: 1 applies the move with the best estimate (the estimates
   * are the objective's own for the makespan); more try that many and keep the best value.
   */
  readonly exact: number;
  /** Times the graph's solution (after g.evaluate() succeeded) into `value`; false when it cannot be followed. */
  evaluate(value: Float64Array): boolean;
  /** The path whose operations' moves may improve the value, source to target, into `out`; its length. */
  path(out: Int32Array, rng: Random): number;
  /** Moves beyond the path's (changeover grouping, batches), appended to `moves`. */
  extraMoves?(moves: MoveList, memory: TabuMemory, iter: number, rng: Random): void;
  /** The solution last evaluated becomes the current one (a judge may time later ones from it). */
  commit?(): void;
  /** The current solution is back in the graph after a trial: take back the trial's timing. */
  revert?(): void;
  /**
   * Descent mode (when present): each iteration tries this one of the generated moves (-1: none)
   * and keeps it only when the value does not get worse — for judges whose exact timing is too
   * dear to rank a neighbourhood, whose moves are then chosen to aim at the objective instead.
   */
  pickMove?(moves: MoveList, rng: Random): number;
  /** Start times of the solution last evaluated (for crossover), or null when it cannot be timed. */
  starts(): ArrayLike<number> | null;
  /** Whether the value reached the lower bound (the search then stops). */
  atBound(value: Float64Array): boolean;
}

export interface TabuOptions {
  seed: number;
  /** Stop after this many iterations (moves); the run is then deterministic. */
  maxIterations: number;
  /** Stop at this `performance.now()` (Infinity: none). */
  deadline: number;
  /** Iterations without improving the current run's best before restarting from the elite pool. */
  stall: number;
  /** Tabu tenure is drawn uniformly from [tenureMin, tenureMax] for each move. */
  tenureMin: number;
  tenureMax: number;
  /** Random moves applied to an elite solution at a restart. */
  kick: number;
  eliteSize: number;
  /** Share of restarts that cross two elite solutions instead of perturbing one. */
  crossover: number;
  /** Called on every new best and a few times a second; it cannot change the search. */
  onProgress?: (p: Progress) => void;
  /** Stops the search (keeping the best so far), e.g. from a Cancel button. */
  signal?: { readonly aborted: boolean };
  /** Called when the current solution, just timed by the judge, becomes the best (the judge's timing is that solution's). */
  onBest?: () => void;
}

export interface TabuResult {
  best: Snapshot;
  iterations: number;
  restarts: number;
  /** Moves that could not be timed (a cycle, a deadlock) and were taken back. */
  rejected: number;
}

/** Defaults after Zhang et al. (2007): tenure around 10 + jobs/machines. */
export function defaultTabuOptions(c: CompiledProblem, jobs: number): TabuOptions {
  const base = 10 + Math.floor(jobs / Math.max(c.m, 1));
  return {
    seed: 1,
    maxIterations: Number.MAX_SAFE_INTEGER,
    deadline: Infinity,
    stall: Math.max(2000, 8 * c.n),
    tenureMin: base,
    tenureMax: Math.ceil(base * 1.5),
    kick: 4,
    eliteSize: 8,
    crossover: 1,
  };
}

/**
 * Tabu search on the disjunctive graph: N7 moves on the critical blocks of the judge's path and
 * machine reassignments (plus the judge's own moves), ranked by the head/tail estimate. When a
 * run stalls it restarts from the elite pool (i-TSAB's idea): a job-based crossover of two elite
 * solutions or one elite solution, each shaken by a few random moves. `g` holds the start
 * solution (sequences and batch links) and gets the best one back.
 */
export function tabuSearch(g: SequenceGraph, judge: Judge, o: TabuOptions): TabuResult {
  const run = new TabuRun(g, judge, o);
  run.step(o.deadline);
  return run.finish();
}

/**
 * The tabu search as a run that can be stepped: `step(until)` searches until that
 * `performance.now()` (or a stop condition) and returns whether it stopped for good, so a worker
 * can give the event loop a turn between steps and still continue the very same search.
 */
export class TabuRun {
  private readonly c: CompiledProblem;
  private readonly value: Float64Array;
  private readonly hood: Neighbourhood;
  private readonly moves: MoveList;
  private readonly memory: TabuMemory;
  private readonly rng: Random;
  private readonly elite: ElitePool;
  private readonly recombiner: Recombiner;
  readonly best: Snapshot;
  private readonly runBest: Snapshot;
  private readonly trial: Float64Array;
  private readonly bestTrial: Float64Array;
  private readonly picks: Int32Array;
  private readonly t0: number;
  private lastReport: number;
  /** The longest iteration so far (ms), where iterations are timed one by one (exact judging). */
  private longestMs = 0;
  iterations = 0;
  restarts = 0;
  rejected = 0;
  private sinceImprove = 0;
  private done = false;

  constructor(private readonly g: SequenceGraph, private readonly judge: Judge, private readonly o: TabuOptions) {
    const c = g.c;
    this.c = c;
    const L = judge.levels;
    this.value = new Float64Array(L);
    if (!g.evaluate() || !judge.evaluate(this.value)) throw new Error('the start solution cannot be timed');
    judge.commit?.();
    this.hood = new Neighbourhood(g);
    this.moves = new MoveList(moveCapacity(g));
    this.memory = new TabuMemory(c.n, c.m);
    this.rng = new Random(o.seed);
    this.elite = new ElitePool(c, o.eliteSize, L);
    this.recombiner = new Recombiner(g, () => (g.evaluate() && judge.evaluate(this.value) ? judge.starts() : null));
    this.best = newSnapshot(c, L);
    this.runBest = newSnapshot(c, L);
    this.save(this.best);
    this.save(this.runBest);
    this.trial = new Float64Array(L);
    this.bestTrial = new Float64Array(L);
    this.picks = new Int32Array(Math.max(1, judge.exact));
    this.t0 = performance.now();
    this.lastReport = this.t0;
    this.report();
  }

  private save(s: Snapshot): void {
    this.g.save(s);
    s.value.set(this.value);
  }

  private report(): void {
    this.lastReport = performance.now();
    this.o.onProgress?.({ iteration: this.iterations, best: Array.from(this.best.value), elapsedMs: this.lastReport - this.t0 });
  }

  /** Searches until `until` (a performance.now() time) or a stop condition; true when the search is over. */
  step(until: number): boolean {
    const { o, judge } = this;
    if (this.done) return true;
    const stopAt = Math.min(until, o.deadline);
    const checkEvery = judge.exact > 1 ? 0 : 255;
    let first = true;
    for (;;) {
      if (this.iterations >= o.maxIterations || judge.atBound(this.best.value) || o.signal?.aborted === true) { this.done = true; return true; }
      if ((this.iterations & checkEvery) === 0 || first) {
        first = false;
        const now = performance.now();
        // An iteration cannot be cut short: on a huge plant one takes seconds, so the next one only
        // starts if the longest seen so far still ends before the deadline.
        if (now + this.longestMs >= o.deadline) { this.done = true; return true; }
        if (now >= stopAt) return false;
        if (now - this.lastReport > HEARTBEAT_MS) this.report();
      }
      if (checkEvery === 0) {
        const t = performance.now();
        this.iterate();
        this.longestMs = Math.max(this.longestMs, performance.now() - t);
      } else this.iterate();
    }
  }

  /** Ends the run: the best solution goes back into the graph. */
  finish(): TabuResult {
    this.elite.offer(this.runBest);
    this.report();
    this.g.restore(this.best);
    return { best: this.best, iterations: this.iterations, restarts: this.restarts, rejected: this.rejected };
  }

  private iterate(): void {
    const { g, judge, moves, value, runBest, best, o } = this;
    this.iterations++;
    this.generate();
    if (moves.count === 0) {
      this.restart();
      return;
    }
    if (judge.pickMove) {
      if (!this.descend(judge.pickMove(moves, this.rng))) {
        if (++this.sinceImprove > o.stall) this.restart();
        return;
      }
    } else if (judge.exact <= 1) {
      this.apply(select(moves, best.makespan, this.rng), true);
    } else {
      const count = pick(moves, this.picks, judge.exact, this.rng);
      const choice = this.judgeMoves(count);
      if (choice < 0) {
        if (++this.sinceImprove > o.stall) this.restart();
        else if (!g.evaluate() || !judge.evaluate(value)) throw new Error('a solution that was timed before cannot be timed again');
        return;
      }
      this.apply(choice, true);
    }
    if (compareValues(value, runBest.value) < 0) {
      this.save(runBest);
      this.sinceImprove = 0;
      if (compareValues(value, best.value) < 0) {
        copySnapshot(runBest, best);
        o.onBest?.();
        this.report();
      }
    } else if (++this.sinceImprove > o.stall) this.restart();
  }

  /**
   * Tries move i and keeps it when the value does not get worse (and it is not tabu, unless it
   * beats the best); otherwise takes it back. Returns whether it was kept.
   */
  private descend(i: number): boolean {
    const { g, judge, moves, trial, value, best } = this;
    if (i < 0) return false;
    const kind = moves.kind[i] as number;
    const moved = kind === BACKWARD ? (moves.b[i] as number) : (moves.a[i] as number);
    const oldMachine = g.mach[moved] as number;
    const oldAfter = g.mPrev[moved] as number;
    g.relocate(moved, moves.machine[i] as number, moves.after[i] as number, moves.link[i] as number);
    const ok = g.evaluate() && judge.evaluate(trial);
    const keep = ok && compareValues(trial, value) <= 0 && (moves.tabu[i] === 0 || compareValues(trial, best.value) < 0);
    if (!keep) {
      g.undo();
      g.evaluate();
      if (judge.revert) judge.revert();
      else if (!judge.evaluate(value)) throw new Error('a solution that was timed before cannot be timed again');
      if (!ok) this.rejected++;
      return false;
    }
    // Remember what the kept move undid: the old neighbour and machine become tabu for a while.
    const tenure = this.o.tenureMin + this.rng.int(this.o.tenureMax - this.o.tenureMin + 1);
    if (oldMachine !== (moves.machine[i] as number)) this.memory.forbidMachine(moved, oldMachine, this.iterations + tenure);
    if (oldAfter >= 0) this.memory.forbidPair(oldAfter, moved, this.iterations + tenure);
    value.set(trial);
    judge.commit?.();
    return true;
  }

  /** Loads a snapshot and times it; false when it cannot be timed. */
  private load(s: Snapshot): boolean {
    this.g.restore(s);
    return this.g.evaluate() && this.judge.evaluate(this.value);
  }

  private restart(): void {
    const { elite, rng, o, g, judge } = this;
    elite.offer(this.runBest);
    this.restarts++;
    let ok = false;
    if (elite.size >= 2 && rng.float() < o.crossover) {
      const [a, b] = elite.pickTwo(rng);
      this.recombiner.cross(a, b, rng);
      ok = g.evaluate() && judge.evaluate(this.value);
    }
    if (!ok && !this.load(elite.pick(rng) ?? this.best)) this.load(this.best);
    judge.commit?.();
    this.memory.clear();
    for (let k = 0; k < o.kick; k++) {
      this.generate();
      if (this.moves.count === 0) break;
      this.apply(rng.int(this.moves.count), false);
    }
    this.save(this.runBest);
    this.sinceImprove = 0;
  }

  private generate(): void {
    const { moves, memory, judge, rng } = this;
    moves.count = 0;
    this.hood.generateOnPath(judge.path(this.hood.path, rng), moves, memory, this.iterations);
    judge.extraMoves?.(moves, memory, this.iterations, rng);
  }

  /** Applies move i (evaluated); takes it back when the result cannot be timed. Returns success. */
  private apply(i: number, remember: boolean): boolean {
    const { g, judge, moves, value } = this;
    const kind = moves.kind[i] as number;
    const moved = kind === BACKWARD ? (moves.b[i] as number) : (moves.a[i] as number);
    if (remember) this.remember(i, kind, moved);
    g.relocate(moved, moves.machine[i] as number, moves.after[i] as number, moves.link[i] as number);
    if (g.evaluate() && judge.evaluate(value)) {
      judge.commit?.();
      return true;
    }
    g.undo();
    if (!g.evaluate() || !judge.evaluate(value)) throw new Error('taking back a move left a solution that cannot be timed');
    this.rejected++;
    return false;
  }

  private remember(i: number, kind: number, moved: number): void {
    const { g, moves, memory, o, rng } = this;
    const iter = this.iterations;
    const a = moves.a[i] as number;
    const b = moves.b[i] as number;
    const tenure = o.tenureMin + rng.int(o.tenureMax - o.tenureMin + 1);
    if (kind === FORWARD) {
      for (let z = g.mNext[a] as number; ; z = g.mNext[z] as number) {
        memory.forbidPair(a, z, iter + tenure);
        if (z === b) break;
      }
    } else if (kind === BACKWARD) {
      for (let z = a; z !== b; z = g.mNext[z] as number) memory.forbidPair(z, b, iter + tenure);
    } else {
      const oldMachine = g.mach[moved] as number;
      if ((moves.machine[i] as number) !== oldMachine) memory.forbidMachine(moved, oldMachine, iter + tenure);
      else if (kind === RELOCATE && (g.mPrev[moved] as number) >= 0) memory.forbidPair(g.mPrev[moved] as number, moved, iter + tenure);
    }
  }

  /** Tries the `count` picked moves, each taken back; returns the index of the best admissible one (or -1). */
  private judgeMoves(count: number): number {
    const { g, judge, moves, trial, bestTrial, best } = this;
    let choice = -1;
    for (let p = 0; p < count; p++) {
      const i = this.picks[p] as number;
      const kind = moves.kind[i] as number;
      const moved = kind === BACKWARD ? (moves.b[i] as number) : (moves.a[i] as number);
      g.relocate(moved, moves.machine[i] as number, moves.after[i] as number, moves.link[i] as number);
      const ok = g.evaluate() && judge.evaluate(trial);
      g.undo();
      if (!ok) { this.rejected++; continue; }
      const admissible = moves.tabu[i] === 0 || compareValues(trial, best.value) < 0;
      if (!admissible) continue;
      if (choice < 0 || compareValues(trial, bestTrial) < 0) { choice = i; bestTrial.set(trial); }
    }
    return choice;
  }
}

/** Best estimate among admissible moves (not tabu, or better than the best so far); ties at random. */
function select(moves: MoveList, bestMakespan: number, rng: Random): number {
  let choice = -1;
  let bestEst = Infinity;
  let ties = 0;
  for (let i = 0; i < moves.count; i++) {
    const est = moves.est[i] as number;
    if (moves.tabu[i] === 1 && est >= bestMakespan) continue;
    if (est < bestEst) { bestEst = est; choice = i; ties = 1; }
    else if (est === bestEst && rng.int(++ties) === 0) choice = i;
  }
  return choice >= 0 ? choice : rng.int(moves.count);
}
/**
 * Moves to judge exactly: half of them the best estimates (the path moves' head/tail estimate),
 * the rest drawn at random (the judge's own moves carry no estimate worth ranking), no repeats.
 */
function pick(moves: MoveList, out: Int32Array, k: number, rng: Random): number {
  const n = moves.count;
  if (n <= k) {
    for (let i = 0; i < n; i++) out[i] = i;
    return n;
  }
  let count = 0;
  const byEstimate = Math.ceil(k / 2);
  const taken = new Set<number>();
  for (let r = 0; r < byEstimate; r++) {
    let bestI = -1;
    for (let i = 0; i < n; i++) {
      if (taken.has(i)) continue;
      if (bestI < 0 || (moves.est[i] as number) < (moves.est[bestI] as number)) bestI = i;
    }
    taken.add(bestI);
    out[count++] = bestI;
  }
  while (count < k) {
    const i = rng.int(n);
    if (taken.has(i)) continue;
    taken.add(i);
    out[count++] = i;
  }
  return count;
}



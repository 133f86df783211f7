import type { CompiledProblem } from './compile.ts';
import { copySnapshot, newSnapshot, SequenceGraph, type Snapshot } from './graph.ts';
import { BACKWARD, FORWARD, MoveList, moveCapacity, Neighbourhood } from './neighbourhood.ts';
import { Random } from './random.ts';
import { TabuMemory } from './tabuMemory.ts';
import { ElitePool } from './elite.ts';
import { Recombiner } from './recombine.ts';

const HEARTBEAT_MS = 500;

export interface Progress {
  iteration: number;
  best: number;
  lowerBound: number;
  elapsedMs: number;
}

export interface TabuOptions {
  seed: number;
  /** Stop after this many iterations (moves); the run is then deterministic. */
  maxIterations: number;
  /** Stop after this many milliseconds (Infinity: none). */
  timeLimitMs: number;
  /** Stop when the makespan reaches it. */
  lowerBound: number;
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
  /** Called on every new best and about twice a second; it cannot change the search. */
  onProgress?: (p: Progress) => void;
  /** Stops the search (keeping the best so far) when aborted, e.g. by a Cancel button. */
  signal?: AbortSignal;
}

export interface TabuResult {
  best: Snapshot;
  iterations: number;
  restarts: number;
  /** Moves that turned out to create a cycle and were undone (the acyclicity tests are sufficient, not exact). */
  rejected: number;
}

/** Defaults after Zhang et al. (2007): tenure around 10 + jobs/machines. */
export function defaultTabuOptions(c: CompiledProblem, jobs: number): TabuOptions {
  const base = 10 + Math.floor(jobs / Math.max(c.m, 1));
  return {
    seed: 1,
    maxIterations: Number.MAX_SAFE_INTEGER,
    timeLimitMs: Infinity,
    lowerBound: 0,
    stall: Math.max(2000, 8 * c.n),
    tenureMin: base,
    tenureMax: Math.ceil(base * 1.5),
    kick: 4,
    eliteSize: 8,
    crossover: 1,
  };
}

/**
 * Tabu search on the critical path (N7 moves and machine reassignments). When a run stalls it
 * restarts from the elite pool (i-TSAB's idea): either a job-based crossover of two elite
 * solutions or one elite solution, each shaken by a few random critical moves.
 */
export function tabuSearch(c: CompiledProblem, initial: ArrayLike<ArrayLike<number>>, o: TabuOptions): TabuResult {
  const g = new SequenceGraph(c);
  g.load(initial);
  if (!g.evaluate()) throw new Error('the initial sequences contain a cycle');
  const hood = new Neighbourhood(g);
  const moves = new MoveList(moveCapacity(g));
  const memory = new TabuMemory(c.n, c.m);
  const rng = new Random(o.seed);
  const elite = new ElitePool(c, o.eliteSize);
  const recombiner = new Recombiner(g);
  const best = newSnapshot(c);
  const runBest = newSnapshot(c);
  g.save(best);
  g.save(runBest);
  const t0 = performance.now();
  let lastReport = t0;
  const report = (iteration: number): void => {
    lastReport = performance.now();
    o.onProgress?.({ iteration, best: best.makespan, lowerBound: o.lowerBound, elapsedMs: lastReport - t0 });
  };
  report(0);
  let iter = 0;
  let restarts = 0;
  let rejected = 0;
  let sinceImprove = 0;

  const restart = (): void => {
    elite.offer(runBest);
    restarts++;
    if (elite.size >= 2 && rng.float() < o.crossover) {
      const [a, b] = elite.pickTwo(rng);
      recombiner.cross(a, b, rng);
    } else g.restore(elite.pick(rng) ?? best);
    if (!g.evaluate()) throw new Error('restart produced a cycle');
    memory.clear();
    for (let k = 0; k < o.kick; k++) {
      hood.generate(moves, memory, iter);
      if (moves.count === 0) break;
      apply(rng.int(moves.count), false);
    }
    g.save(runBest);
    sinceImprove = 0;
  };

  /** Applies move i, or undoes it when it made a cycle. */
  const apply = (i: number, remember: boolean): void => {
    const kind = moves.kind[i] as number;
    const a = moves.a[i] as number;
    const b = moves.b[i] as number;
    const tenure = o.tenureMin + rng.int(o.tenureMax - o.tenureMin + 1);
    const moved = kind === BACKWARD ? b : a;
    const oldMachine = g.mach[moved] as number;
    const oldAfter = g.mPrev[moved] as number;
    if (remember) {
      if (kind === FORWARD) {
        for (let z = g.mNext[a] as number; ; z = g.mNext[z] as number) {
          memory.forbidPair(a, z, iter + tenure);
          if (z === b) break;
        }
      } else if (kind === BACKWARD) {
        for (let z = a; z !== b; z = g.mNext[z] as number) memory.forbidPair(z, b, iter + tenure);
      } else memory.forbidMachine(a, oldMachine, iter + tenure);
    }
    g.relocate(moved, moves.machine[i] as number, moves.after[i] as number);
    if (g.evaluate()) return;
    g.relocate(moved, oldMachine, oldAfter);
    g.evaluate();
    rejected++;
  };

  while (iter < o.maxIterations && best.makespan > o.lowerBound) {
    if ((iter & 255) === 0) {
      const now = performance.now();
      if (now - t0 > o.timeLimitMs || o.signal?.aborted === true) break;
      if (now - lastReport > HEARTBEAT_MS) report(iter);
    }
    iter++;
    hood.generate(moves, memory, iter);
    if (moves.count === 0) {
      restart();
      continue;
    }
    const choice = select(moves, best.makespan, rng);
    apply(choice, true);
    if (g.makespan < runBest.makespan) {
      g.save(runBest);
      sinceImprove = 0;
      if (g.makespan < best.makespan) {
        copySnapshot(runBest, best);
        report(iter);
      }
    } else if (++sinceImprove > o.stall) restart();
  }
  elite.offer(runBest);
  report(iter);
  return { best, iterations: iter, restarts, rejected };
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

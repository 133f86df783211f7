import { compile, type CompiledProblem } from '../compile.ts';
import { gifflerThompson, ruleContext } from '../construct.ts';
import { SequenceGraph } from '../graph.ts';
import { MakespanJudge } from '../makespanJudge.ts';
import { compareValues, DEFAULT_OBJECTIVE, objectiveKpis, objectiveValue, type Objective, type ObjectiveKpis } from '../objective.ts';
import type { RuleContext } from '../rules.ts';
import { RULES } from '../rules.ts';
import { defaultTabuOptions, TabuRun, type Judge, type TabuOptions } from '../tabu.ts';
import { splitLateBatchLots } from './batchRepair.ts';
import { deadlockMessage, PlantDeadlockError } from './deadlock.ts';
import { PlantFlow, type FlowRule } from './flow.ts';
import { atcsRule, changeoverFirstRule, eddRule, mwkrRule } from './flowRules.ts';
import { plantLowerBounds, type PlantBounds } from './plantBounds.ts';
import { PlantJudge } from './plantJudge.ts';
import type { PlantProblem } from './plantProblem.ts';
import { plantTimetable, type PlantTimetable } from './plantTimetable.ts';

export interface PlantProgress {
  iteration: number;
  /** Best objective value so far (one number per lexicographic level). */
  best: number[];
  /** Lower bound of each level. */
  lowerBound: number[];
  elapsedMs: number;
}

export interface PlantSolveOptions {
  objective?: Objective;
  seed?: number;
  /** Iteration budget of the search; with it (and no time limit) runs are reproducible. */
  maxIterations?: number;
  /** Wall-clock limit for the whole solve, constructions and bounds included. */
  timeLimitMs?: number;
  /**
   * `performance.now()` when the caller's clock started — e.g. when the command started — so the
   * limit covers what the user waits for, not only the search.
   */
  startedAt?: number;
  /** Milliseconds kept back from the limit for the caller's own work after the solve (writing files). */
  reserveMs?: number;
  signal?: { readonly aborted: boolean };
  onProgress?: (p: PlantProgress) => void;
  /** Moves judged exactly per iteration when the plant's rules time the search (default 4). */
  exactMoves?: number;
  /** Overrides of the tabu search settings. */
  tabu?: Partial<Pick<TabuOptions, 'stall' | 'tenureMin' | 'tenureMax' | 'kick' | 'eliteSize' | 'crossover'>>;
}

export interface PlantRun {
  timetable: PlantTimetable;
  kpis: ObjectiveKpis;
  value: number[];
}

export interface PlantSolveResult extends PlantRun {
  objective: Objective;
  /** Lower bound of each objective level (weighted: of the sum). */
  lowerBound: number[];
  /** Bound of each criterion on its own, with the source of each. */
  bounds: PlantBounds;
  /** (value − bound) / value on the first level; 0 when the value is 0. */
  gap: number;
  /** Earliest-due-date dispatching by the same plant rules: the baseline. */
  edd: PlantRun;
  construction: { rule: string; value: number[] }[];
  iterations: number;
  restarts: number;
  /** How the search timed solutions: the job shop's longest path, or the plant's rules (the result always by the plant's rules). */
  timing: 'job-shop' | 'plant';
  /** Locked operations that could not begin at their time (order/operation): the plan moved them later. */
  movedLocks: string[];
  /** Batches whose first lot waits longer than maxWait for its partners (order/operation of the first). */
  maxWaitExceeded: string[];
}

/**
 * The one scheduling engine, for plants and for the job-shop, flexible and changeover benchmarks
 * alike (a benchmark is a plant that always works, with nothing but machines; jobShopPlant.ts).
 * Cheap bounds, constructions (dispatching rules, each timed by the plant's rules), then tabu
 * search on the disjunctive graph (tabu.ts) until the iteration budget, the time limit, the
 * signal or the bound stops it.
 *
 * The search times a solution by the graph's longest path where that is exact — makespan only,
 * machines that always work, no operators, buffers, batches, transport or fixed operations, and
 * changeovers that cannot wait for a lot — and otherwise by following it with the plant's rules
 * (flow.ts). The result is always timed by the plant's rules.
 */
export function solvePlant(pp: PlantProblem, options: PlantSolveOptions = {}): PlantSolveResult {
  const s = new PlantSolver(pp, options);
  while (!s.step(Infinity));
  return s.result();
}

/**
 * The same solve, giving the event loop a turn at least every `sliceMs`, so a worker can take a
 * cancel message while it runs (set the signal; the solve then returns the best so far). The
 * steps are the same as solvePlant's, so with an iteration budget both give the same schedule.
 */
export async function solvePlantAsync(pp: PlantProblem, options: PlantSolveOptions = {}, sliceMs = 50): Promise<PlantSolveResult> {
  const s = new PlantSolver(pp, options);
  while (!s.step(performance.now() + sliceMs)) await new Promise((resolve) => setTimeout(resolve, 0));
  return s.result();
}

type Phase = 'construct' | 'search' | 'done';

/** The solve as steps: one construction at a time, then slices of search. */
export class PlantSolver {
  private readonly t0: number;
  private readonly deadline: number;
  private readonly constructionsUntil: number;
  private readonly objective: Objective;
  private readonly c: CompiledProblem;
  private readonly g: SequenceGraph;
  private readonly flow: PlantFlow;
  private readonly pure: boolean;
  private readonly ctx: RuleContext;
  private readonly rules: { name: string; run: () => Construction }[];
  /** The construction under way (its flow runs pause at a step's end and resume in the next). */
  private current: { name: string; run: Construction; t: number } | null = null;
  /** The best solution's timing, kept when it was found, so the result needs no timing of its own (a cancel returns at once). */
  private bestRun: { run: PlantRun; violation: Uint8Array } | null = null;
  private readonly construction: { rule: string; value: number[] }[] = [];
  private bestValue: number[] | null = null;
  private readonly bestFirst: Int32Array;
  private readonly bestNext: Int32Array;
  private readonly bestLink: Uint8Array;
  private edd: PlantRun | null = null;
  /** The first deadlocked construction's description (EDD's, when EDD deadlocked): the refusal when all do. */
  private deadlock: string | null = null;
  private bounds!: PlantBounds;
  private lowerBound!: number[];
  private bounded = false;
  /** A signal aborted before the solve starts asks for the first construction alone; one aborted later, before it is made, cancels. */
  private readonly abortedAtStart: boolean;
  private phase: Phase = 'construct';
  private next = 0;
  private tabu: TabuRun | null = null;
  /**
   * Milliseconds one timing of a whole plan takes (the first construction, measured): what is
   * kept back from the limit for an iteration in progress and for timing the result, so the
   * limit holds on large plants too.
   */
  private followMs = 0;
  /** Whether dispatching may wait for batch partners (batch equipment with a maxWait). */
  private readonly batchWaits: boolean;

  constructor(private readonly pp: PlantProblem, private readonly options: PlantSolveOptions) {
    this.t0 = options.startedAt ?? performance.now();
    const limit = options.timeLimitMs ?? Infinity;
    if (options.maxIterations === undefined && limit === Infinity && options.signal === undefined) throw new Error('give maxIterations, timeLimitMs or signal');
    this.deadline = this.t0 + limit - (options.reserveMs ?? 0);
    // Constructions after the first stop once a fifth of the time is gone.
    this.constructionsUntil = this.t0 + (this.deadline - this.t0) / 5;
    this.objective = options.objective ?? DEFAULT_OBJECTIVE;
    this.abortedAtStart = options.signal?.aborted === true;
    const c = compile(pp.problem);
    this.c = c;
    this.g = new SequenceGraph(c);
    // About a thousand checkpoints per timing at most: memory stays in bounds on very large plans.
    this.flow = new PlantFlow(pp, c, Math.max(48, Math.ceil(c.n / 1000)));
    for (let v = 0; v < c.n; v++) if (pp.fixed[v]?.kind === 'frozen') { this.g.movable[v] = 0; this.g.guarded = true; }
    if (pp.plant.machines.some((m) => m.batch !== null)) this.g.guarded = true;
    this.batchWaits = pp.plant.machines.some((m) => m.batch !== null && m.batch.maxWait < Infinity);
    this.pure = isMakespanOnly(this.objective) && graphTimingIsExact(pp, c);
    this.ctx = ruleContext(pp.problem, c);
    this.bestFirst = new Int32Array(c.m);
    this.bestNext = new Int32Array(c.n);
    this.bestLink = new Uint8Array(c.n);
    const flowRule = (rule: FlowRule) => ({ name: rule.name, run: () => this.dispatched(rule) });
    const ctx = this.ctx;
    this.rules = this.pure
      ? RULES.map((rule) => ({ name: rule.name, run: () => this.followed(() => { this.g.load(gifflerThompson(c, ctx, rule)); return true; }) }))
      : [eddRule(ctx), atcsRule(ctx, 1, 0.5), atcsRule(ctx, 2, 1), atcsRule(ctx, 4, 2), changeoverFirstRule(ctx, 2), changeoverFirstRule(ctx, 8), changeoverFirstRule(ctx, 32), mwkrRule(ctx)].map(flowRule);
  }

  /**
   * Runs until `until` (performance.now()) or the end of the solve; true when it is over. A
   * construction's flow runs stop at `until` too and carry on at the next step; a cancel drops
   * the construction under way once a first one has finished (a result needs one).
   */
  step(until: number): boolean {
    if (!this.bounded) {
      // The bounds first (their own step: a cancel may come before the constructions start).
      this.bounds = plantLowerBounds(this.pp, this.c, this.deadline);
      this.lowerBound = objectiveValue(this.objective, { ...this.bounds, onTimeOrders: 0 });
      this.bounded = true;
      if (performance.now() >= until) return false;
    }
    while (this.phase === 'construct') {
      const aborted = this.options.signal?.aborted === true;
      if (aborted && this.bestValue === null && !this.abortedAtStart) throw new SolveCancelledError();
      if (this.current === null) {
        const over = aborted || performance.now() + this.followMs > this.constructionsUntil;
        if (this.next >= this.rules.length || (this.bestValue !== null && over)) { this.startSearch(); break; }
        const rule = this.rules[this.next++]!;
        this.current = { name: rule.name, run: rule.run(), t: performance.now() };
      } else if (aborted && this.bestValue !== null) {
        this.current = null;
        continue;
      }
      this.flow.sliceUntil = until;
      const r = this.current.run.next();
      this.flow.sliceUntil = Infinity;
      if (!r.done) return false;
      this.constructed(this.current.name, this.current.t, r.value);
      this.current = null;
      if (performance.now() >= until) return false;
    }
    if (this.phase === 'search' && this.tabu !== null) {
      if (!this.tabu.step(until)) return false;
      this.phase = 'done';
    }
    return true;
  }

  /** Whether the constructions are over (the search, if any, is under way or done). */
  get pastConstructions(): boolean {
    return this.phase !== 'construct';
  }

  /** Constructions finished so far (each one that deadlocked included). */
  get constructionsDone(): number {
    return this.construction.length;
  }

  private value(): number[] {
    return objectiveValue(this.objective, objectiveKpis(this.pp.problem, this.flow.end, this.flow.setup));
  }

  private snapshot(): PlantRun {
    return { timetable: plantTimetable(this.flow), kpis: objectiveKpis(this.pp.problem, this.flow.end, this.flow.setup), value: this.value() };
  }

  /**
   * A dispatching construction, its sequences loaded into the graph; false on a deadlock. The
   * schedule the search starts from is the followed one: a batch no longer waits for maxWait to
   * run out once its lots are there. Where that earlier start lets other lots take room in
   * another order and the sequences run into a buffer deadlock, the rule dispatches again
   * without waiting for batch partners, which following repeats exactly.
   */
  private *dispatched(rule: FlowRule): Construction {
    for (const wait of this.batchWaits ? [true, false] : [true]) {
      let ok = this.flow.dispatch(rule, null, wait);
      while (this.flow.paused) { yield; ok = this.flow.resume(); }
      if (!ok) return false;
      if (yield* this.followed(() => { loadSequences(this.g, this.flow.mFirst, this.flow.mNext, this.flow.batchLink); return true; })) return yield* this.batchesRepaired();
    }
    return false;
  }

  /**
   * Splits the batches whose lots waited past maxWait in the followed timing (splitLateBatchLots)
   * and follows again, until none is left, a split would deadlock (the last sequences that could
   * be followed are kept) or REPAIR_ROUNDS are done. The flow ends holding the graph's timing.
   */
  private *batchesRepaired(): Construction {
    for (let round = 0; round < REPAIR_ROUNDS && this.flow.violations > 0; round++) {
      const first = this.g.mFirst.slice();
      const next = this.g.mNext.slice();
      const link = this.g.batchLink.slice();
      if (splitLateBatchLots(this.pp, this.g, this.flow) === 0) break;
      if (!(yield* this.followed(() => true))) {
        yield* this.followed(() => { loadSequences(this.g, first, next, link); return true; });
        break;
      }
    }
    return true;
  }

  /** Loads sequences into the graph (`load`) and follows them, pausing with the flow. */
  private *followed(load: () => boolean): Construction {
    if (!load() || !this.g.evaluate()) return false;
    // A one-off timing: no checkpoints (the search's first timing makes its own).
    let ok = this.flow.follow(this.g, false);
    while (this.flow.paused) { yield; ok = this.flow.resume(); }
    return ok;
  }

  /** Runs a construction to its end at once (the baseline, when the search is about to start). */
  private construct(rule: { name: string; run: () => Construction }): void {
    const t = performance.now();
    const run = rule.run();
    let r = run.next();
    while (!r.done) r = run.next();
    this.constructed(rule.name, t, r.value);
  }

  private constructed(name: string, t: number, ok: boolean): void {
    if (this.construction.length === 0) this.followMs = performance.now() - t;
    if (!ok) {
      this.construction.push({ rule: `${name} (deadlock)`, value: [] });
      if (this.deadlock === null || name === 'EDD') this.deadlock = deadlockMessage(this.pp, name, this.flow.stuck());
      return;
    }
    const value = [this.flow.violations, ...this.value()];
    const run = name === 'EDD' ? this.snapshot() : null;
    if (run !== null) this.edd = run;
    this.construction.push({ rule: name + (this.flow.violations > 0 ? ` (${this.flow.violations} violations)` : ''), value: value.slice(1) });
    if (this.bestValue === null || compareValues(value, this.bestValue) < 0) {
      this.bestValue = value;
      this.bestFirst.set(this.g.mFirst);
      this.bestNext.set(this.g.mNext);
      this.bestLink.set(this.g.batchLink);
      this.keepBest(run);
      this.options.onProgress?.({ iteration: 0, best: value.slice(1), lowerBound: this.lowerBound, elapsedMs: performance.now() - this.t0 });
    }
  }

  /** The flow holds the best solution's timing: keep it for the result (`run`: its copy made already — EDD's; a plan of 700,000 operations is 50 MB a copy). */
  private keepBest(run: PlantRun | null = null): void {
    this.bestRun = { run: run ?? this.snapshot(), violation: this.flow.violation.slice() };
  }

  private startSearch(): void {
    // The baseline, when no construction was EDD; it starts the search too where it is the best.
    if (this.edd === null) this.construct({ name: 'EDD', run: () => this.dispatched(eddRule(this.ctx)) });
    if (this.edd === null) this.edd = this.snapshot();
    if (this.bestValue === null) throw new PlantDeadlockError(this.deadlock ?? 'no construction could follow the plant');
    loadSequences(this.g, this.bestFirst, this.bestNext, this.bestLink);
    // Kept back: the iteration in progress at the deadline, timing the result, writing it out.
    const searchDeadline = this.deadline - 3 * this.followMs;
    if (this.options.signal?.aborted === true || (performance.now() >= searchDeadline && this.options.maxIterations === undefined)) {
      // Cancelled, or no time left to search: the best construction (loaded above) is the result.
      this.phase = 'done';
      return;
    }
    const judge: Judge = this.pure ? new MakespanJudge(this.g, this.lowerBound[0] ?? 0) : new PlantJudge(this.g, this.flow, this.objective, this.lowerBound, this.options.exactMoves ?? 4);
    const progress = this.options.onProgress;
    const pure = this.pure;
    const defaults = defaultTabuOptions(this.c, this.pp.problem.jobs.length);
    // Descent (the plant's judge) stalls for good far sooner than a tabu walk: restart sooner.
    if (!this.pure) defaults.stall = Math.max(300, 2 * this.c.n);
    const tabu: TabuOptions = {
      ...defaults,
      ...this.options.tabu,
      seed: this.options.seed ?? 1,
      maxIterations: this.options.maxIterations ?? Number.MAX_SAFE_INTEGER,
      deadline: searchDeadline,
      ...(this.options.signal ? { signal: this.options.signal } : {}),
      ...(pure ? {} : { onBest: () => this.keepBest() }),
      ...(progress ? { onProgress: (p) => progress({ iteration: p.iteration, best: pure ? p.best : p.best.slice(1), lowerBound: this.lowerBound, elapsedMs: performance.now() - this.t0 }) } : {}),
    };
    this.tabu = new TabuRun(this.g, judge, tabu);
    this.phase = 'search';
  }

  result(): PlantSolveResult {
    const r = this.tabu?.finish() ?? { iterations: 0, restarts: 0 };
    let run: PlantRun;
    let violation: Uint8Array;
    if (this.bestRun !== null && !(this.pure && this.tabu !== null)) ({ run, violation } = this.bestRun);
    else {
      // The job shop's search timed by longest paths: the plant's rules time its best once.
      if (!this.g.evaluate() || !this.flow.follow(this.g, false)) throw new Error('the best solution cannot be followed');
      run = this.snapshot();
      violation = this.flow.violation;
    }
    const named = (kind: number): string[] => {
      const out: string[] = [];
      for (let v = 0; v < this.c.n; v++) if (violation[v] === kind) out.push(`${this.pp.orders[this.pp.problem.operations[v]!.job]!.id}/${this.pp.operationIds[v]}`);
      return out;
    };
    const first = run.value[0] ?? 0;
    const gap = first > 0 ? Math.max(0, (first - (this.lowerBound[0] ?? 0)) / first) : 0;
    return {
      ...run, objective: this.objective, lowerBound: this.lowerBound, bounds: this.bounds, gap, edd: this.edd as PlantRun,
      construction: this.construction, iterations: r.iterations, restarts: r.restarts, timing: this.pure ? 'job-shop' : 'plant',
      movedLocks: named(2), maxWaitExceeded: named(1),
    };
  }
}

function isMakespanOnly(o: Objective): boolean {
  return o.kind === 'lex' ? o.criteria.length > 0 && o.criteria.every((x) => x === 'makespan') : o.terms.every((t) => t.criterion === 'makespan' || t.weight === 0);
}

/**
 * Whether the graph's longest path times a solution exactly as the plant's rules do: machines
 * that always work, no operators, no finite buffers, batches, transport, fixed or uninterruptible
 * operations, and changeovers that cannot wait for a lot (none, or only before operations that
 * are ready at the plan start, with a key in every matrix of their machines).
 */
export function graphTimingIsExact(pp: PlantProblem, c: CompiledProblem): boolean {
  const plant = pp.plant;
  if (plant.machines.some((m) => !m.availability.always || m.batch !== null || m.inputCapacity < Infinity || m.outputCapacity < Infinity)) return false;
  if (plant.lag.some((x) => x > 0)) return false;
  for (let v = 0; v < c.n; v++) {
    if ((plant.setupSkill[v] as number) >= 0 || (plant.runSkill[v] as number) >= 0 || plant.uninterruptible[v] === 1 || pp.fixed[v] !== null || plant.waiting[v] === 1 || (plant.origin[v] as number) >= 0) return false;
  }
  const hasSetups = (c.setup !== null && c.setup.some((x) => x !== 0)) || c.initial !== null;
  if (!hasSetups) return true;
  for (let v = 0; v < c.n; v++) {
    if ((c.predStart[v + 1] as number) > (c.predStart[v] as number) || (c.release[v] as number) > pp.planStart) return false;
    for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
      for (const s of plant.machines[c.modeMachine[e] as number]!.setups) if ((s.keyOf[plant.product[v] as number] as number) < 0) return false;
    }
  }
  return true;
}

/** Cancelled before a first schedule was made: there is nothing to return. */
export class SolveCancelledError extends Error {
  constructor() {
    super('Cancelled before a first schedule was made');
    this.name = 'SolveCancelledError';
  }
}

/** Follows of a construction spent on splitting batches that waited past maxWait (each split only shortens batches). */
const REPAIR_ROUNDS = 8;

/** A construction as steps: it yields where its flow run paused at a step's end, and returns whether it could be followed. */
type Construction = Generator<void, boolean, void>;

function loadSequences(g: SequenceGraph, mFirst: Int32Array, mNext: Int32Array, link: Uint8Array): void {
  const seqs: number[][] = [];
  for (let k = 0; k < g.c.m; k++) {
    const s: number[] = [];
    for (let v = mFirst[k] as number; v >= 0; v = mNext[v] as number) s.push(v);
    seqs.push(s);
  }
  g.load(seqs);
  g.batchLink.set(link);
}

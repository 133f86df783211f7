import { Activity } from '../activity.ts';
import { NO_EVENT, type EventHandle, type Simulator } from '../simulator.ts';
import { InputBuffer, OutputBuffer } from './buffer.ts';
import type { EquipmentSpec } from './compiledPlant.ts';
import type { AtcsParameters, DispatchRule } from './dispatching.ts';
import { chooseJob, estimateOf } from './jobChoice.ts';
import type { Lot } from './lots.ts';
import type { OperatorPool, Operators, OperatorUser } from './operatorPool.ts';
import type { PlantHooks } from './plantHooks.ts';
import type { ScheduleFollower } from './scheduleFollower.ts';
import { applySetup, setupTime } from './setups.ts';
import { STATE, StateLog } from './stateLog.ts';
import type { PlantTrace } from './trace.ts';

/** What a machine needs from the plant around it. */
export interface MachineHost {
  readonly sim: Simulator;
  readonly rule: DispatchRule;
  readonly atcs: AtcsParameters;
  readonly operators: Operators;
  readonly follower: ScheduleFollower | undefined;
  readonly hooks: PlantHooks | undefined;
  readonly trace: PlantTrace | undefined;
  readonly windowStart: number;
  /** A slot in the machine's input buffer was granted to a lot waiting for it. */
  slotGranted(lot: Lot): void;
  /** Minutes of processing for the job (one draw per lot × quantity, or one per batch). */
  processingTime(machine: Machine, lots: readonly Lot[]): number;
  /** The job is done: yields, scrap, rework, exits. Returns the lots that now leave the machine. */
  jobFinished(machine: Machine, lots: readonly Lot[]): Lot[];
  /** A finished lot is in the output buffer and wants its next operation. */
  lotUnloaded(machine: Machine, lot: Lot): void;
  isComplete(order: number): boolean;
  /**
   * Earliest instant ≥ now at which `minutes` of uninterrupted run fit in the machine's working
   * time without maintenance (and in `pool`'s shift, when an operator of it runs the job);
   * Infinity when no window ahead is long enough.
   */
  fitStart(machine: Machine, minutes: number, pool: OperatorPool | undefined, from: number): number;
  /** Following a schedule: the planned start of the job's run (it does not start before); else -Infinity. */
  runNotBefore(machine: Machine): number;
  /** An uninterruptible run started although it fits in no window ahead (it will run over). */
  runsOver(machine: Machine): void;
  /** The run of the current job starts (after its changeover, if any). */
  runStarted(machine: Machine): void;
  /** When a job last began or ended anywhere. */
  lastProgress: number;
  /** The machine just became blocked: its finished lot found no room in its output buffer. */
  blocked(machine: Machine): void;
}

const EMPTY = 0;
const WAIT_SETUP_OPERATOR = 1;
const SETUP = 2;
const WAIT_RUN_OPERATOR = 3;
const RUN = 4;
const UNLOAD = 5;
/** Set up, waiting for the run's planned start (following a schedule) or a window long enough for an uninterruptible run. */
const WAIT_START = 6;

/** Overrides for a job a snapshot catches mid-way. */
export interface JobStart {
  /** Minutes of changeover left (a snapshot in setup); undefined = from the setup matrix. */
  setup?: number;
  /** Minutes of processing left; undefined = drawn as usual. */
  run?: number;
  /** The job was under way when the run started (a snapshot's). */
  underWay?: boolean;
}

/**
 * A piece of equipment: its queue, the job on it (a lot, or a batch of lots), setups, operators,
 * and every reason it may not work — off shift, down, in maintenance, its operator away. Work is
 * an Activity, so each of those pauses it and it resumes with the time it had left.
 *
 * State (one of src/model/machineState.ts), first match wins: down, maintenance, off-shift;
 * then blocked (a finished lot has no room in the output buffer); setup / processing, or idle
 * while that work waits for an operator (or its operator is off shift); with no job, starved
 * when the queue is empty and idle when lots wait but none can start (a batch filling up, the
 * schedule's next lot not there yet).
 */
export class Machine implements OperatorUser {
  readonly queue: Lot[] = [];
  readonly input: InputBuffer;
  readonly output: OutputBuffer;
  readonly log: StateLog;
  readonly keys: Int32Array;
  /** Keys of the last lot sent here, for estimating the changeover of the next one. */
  readonly tailKeys: Int32Array;
  /** Expected minutes of the lots sent here that have not started yet. */
  backlog = 0;
  /** Expected end of the current job (for choosing equipment). */
  expectedEnd = 0;
  job: Lot[] = [];
  offShift = false;
  down = 0;
  maintenance = 0;
  /** Clocks that run only while the machine could work: times between failures on an operating basis. */
  readonly operatingClocks: Activity<unknown>[] = [];
  // Counters for OEE and results.
  unitsProcessed = 0;
  unitsGood = 0;
  /** Ideal (mean) minutes of the units done; performance = this / run time. */
  idealMinutes = 0;
  setups = 0;
  jobStartedAt = 0;
  /** Changeover of the current job: when it began and its minutes (0: none). */
  setupStartedAt = 0;
  /** When the job took its lots off the input buffer. */
  begunAt = 0;
  /** The job was under way when the run started (a snapshot's): an as-run record marks it frozen. */
  underWay = false;
  setupMinutes = 0;
  jobDuration = 0;
  jobIdeal = 0;

  private phase = EMPTY;
  private pool: OperatorPool | undefined;
  private operatorIsAway = false;
  private unloadList: Lot[] = [];
  private unloading = false;
  private runOverride: number | undefined;
  /** Minutes of the next run, drawn once the setup is done. */
  private runMinutes = 0;
  /** An uninterruptible run is under way: shift ends, breaks, maintenance and its operator's shift end do not stop it. */
  private pinned = false;
  private workPaused = false;
  /** Planned maintenance (minutes each) that came due during a pinned run and starts when it ends. */
  private readonly deferredMaintenance: number[] = [];
  private dispatchPending = false;
  private wake: EventHandle = NO_EVENT;
  private fitWake: EventHandle = NO_EVENT;
  private readonly work: Activity<Machine>;

  constructor(
    readonly spec: EquipmentSpec,
    readonly host: MachineHost,
    keys: Int32Array,
  ) {
    const follower = host.follower;
    this.input = new InputBuffer(spec.inputCapacity, (lot) => host.slotGranted(lot), follower && ((lot) => follower.plannedDue(lot)));
    this.output = new OutputBuffer(spec.outputCapacity);
    this.keys = keys;
    this.tailKeys = Int32Array.from(keys);
    this.work = new Activity(host.sim, Machine.workDone, this);
    this.log = new StateLog(spec.index, host.windowStart, host.sim.now, STATE.starved, host.trace);
  }

  /** Lots wait here, or a job is on it (running, waiting or blocked). */
  get holdsWork(): boolean {
    return this.queue.length > 0 || this.phase !== EMPTY;
  }

  /** The skill of the operator the job waits for (its changeover's or its run's); undefined when it waits for none. */
  get awaitedSkill(): string | undefined {
    if (this.phase !== WAIT_SETUP_OPERATOR && this.phase !== WAIT_RUN_OPERATOR) return undefined;
    const lot = this.job[0]!;
    const op = lot.routing.operations[lot.op]!;
    return this.phase === WAIT_SETUP_OPERATOR ? op.setupSkill : op.runSkill;
  }

  /** Blocked: a finished lot waits for room in the output buffer. */
  get isBlocked(): boolean {
    return this.phase === UNLOAD && this.unloadList.length > 0;
  }

  /** A job is in its changeover or run (perhaps paused), or waits for a window its uninterruptible run fits in. */
  get working(): boolean {
    return this.phase === SETUP || this.phase === RUN || this.phase === WAIT_START;
  }

  get available(): boolean {
    return !this.offShift && this.down === 0 && this.maintenance === 0;
  }

  /** Minutes of processing done on the current job so far (for performance at the end of a run). */
  get runDone(): number {
    return this.phase === RUN ? this.jobDuration - this.work.remaining : 0;
  }

  // ---- availability -------------------------------------------------------------------------

  setOffShift(off: boolean): void {
    this.changeAvailability(() => (this.offShift = off));
  }

  fail(): void {
    this.changeAvailability(() => this.down++);
  }

  repair(): void {
    this.changeAvailability(() => this.down--);
  }

  startMaintenance(): void {
    this.changeAvailability(() => this.maintenance++);
  }

  endMaintenance(): void {
    this.changeAvailability(() => this.maintenance--);
  }

  /**
   * Planned maintenance of `minutes` comes due: it takes the machine now, or, during an
   * uninterruptible run, as soon as the run ends (the crew waits for the cycle). Returns false
   * when it was deferred (the caller then does not end it either).
   */
  maintenanceDue(minutes: number): boolean {
    if (this.pinned) {
      this.deferredMaintenance.push(minutes);
      return false;
    }
    this.startMaintenance();
    return true;
  }

  /** Adds a clock that runs only while the machine is available; pauses it now if it is not. */
  addOperatingClock(clock: Activity<unknown>): void {
    this.operatingClocks.push(clock);
    if (!this.available) clock.pause();
  }

  private changeAvailability(change: () => void): void {
    const was = this.available;
    change();
    const now = this.available;
    this.syncWork();
    if (was && !now) {
      for (const clock of this.operatingClocks) clock.pause();
    } else if (!was && now) {
      for (const clock of this.operatingClocks) clock.resume();
      if (this.phase === EMPTY) this.requestDispatch();
      else if (this.phase === WAIT_START) this.toRun();
    }
    this.updateState();
  }

  /** Pauses or resumes the work to match what stops it: anything unavailable, or (pinned) only a breakdown. */
  private syncWork(): void {
    const paused = this.pinned ? this.down > 0 : !this.available || this.operatorIsAway;
    if (paused === this.workPaused) return;
    this.workPaused = paused;
    if (paused) this.work.pause();
    else this.work.resume();
  }

  // ---- operators ----------------------------------------------------------------------------

  operatorGranted(pool: OperatorPool): void {
    this.pool = pool;
    if (this.phase === WAIT_SETUP_OPERATOR) this.startSetup();
    else if (this.phase === WAIT_RUN_OPERATOR) this.startRun();
  }

  operatorAway(away: boolean): void {
    if (away === this.operatorIsAway) return;
    this.operatorIsAway = away;
    this.syncWork();
    this.updateState();
  }

  /** True when the work can start now: no operator needed, or one was free (else it is granted later). */
  private operatorReady(skill: string | undefined): boolean {
    const operators = this.host.operators;
    if (!operators.needs(skill)) return true;
    const pool = operators.acquire(skill, this);
    if (pool) this.pool = pool;
    return pool !== undefined;
  }

  private releaseOperator(): void {
    const pool = this.pool;
    if (!pool) return;
    this.pool = undefined;
    this.host.operators.release(pool, this);
    // Work done as the operator's break began (see Activity.pause): nobody is away any more.
    if (this.operatorIsAway) {
      this.operatorIsAway = false;
      this.syncWork();
    }
  }

  // ---- queue and dispatching ----------------------------------------------------------------

  /** A lot is in the input buffer. */
  enqueue(lot: Lot): void {
    lot.queuedAt = this.host.sim.now;
    this.queue.push(lot);
    if (this.phase === EMPTY) this.requestDispatch();
    this.updateState();
  }

  /**
   * Dispatching waits for the end of the current instant (a zero-delay event), so lots released
   * or arriving at the same moment are all in the queue before the rule picks one.
   */
  requestDispatch(): void {
    if (this.dispatchPending) return;
    this.dispatchPending = true;
    this.host.sim.schedule(0, Machine.dispatch, this);
  }

  private static dispatch(this: void, m: Machine): void {
    m.dispatchPending = false;
    if (m.phase !== EMPTY || !m.available || m.queue.length === 0) {
      m.updateState();
      return;
    }
    const choice = chooseJob(m.queue, m.spec, m.keys, m.host, m.input);
    if (choice.wakeAt < Infinity) m.wakeAt(choice.wakeAt);
    if (choice.lots.length > 0) m.begin((choice.ordered ? choice.lots : choice.lots.sort((a, b) => a - b)).map((i) => m.queue[i]!));
    else m.updateState();
  }

  private wakeAt(time: number): void {
    if (this.host.sim.isPending(this.wake) && this.host.sim.timeOf(this.wake) <= time) return;
    this.host.sim.cancel(this.wake);
    this.wake = this.host.sim.scheduleAt(Math.max(time, this.host.sim.now), Machine.dispatch, this);
  }

  // ---- the job ------------------------------------------------------------------------------

  /** Takes `lots` (already in the queue) onto the machine and starts the job. */
  begin(lots: Lot[], override: JobStart = {}): void {
    const { host } = this;
    for (const lot of lots) {
      const k = this.queue.indexOf(lot);
      if (k >= 0) this.queue.splice(k, 1);
      this.input.release(lot.quantity);
      this.backlog -= lot.estimate;
      lot.estimate = 0;
      host.trace?.load(host.sim.now, lot.id, this.spec.index, lot.routing.operations[lot.op]!.id);
    }
    this.job = lots;
    host.lastProgress = host.sim.now;
    const product = lots[0]!.product;
    const setup = override.setup ?? setupTime(this.spec.setups, this.keys, product);
    // With no changeover the machine is set up for this product at once (a changeover of 0
    // minutes still changes what the next one is measured from).
    if (setup === 0) applySetup(this.spec.setups, this.keys, product);
    this.setupMinutes = setup;
    this.setupStartedAt = host.sim.now;
    this.begunAt = host.sim.now;
    this.runOverride = override.run;
    this.underWay = override.underWay ?? false;
    const op = lots[0]!.routing.operations[lots[0]!.op]!;
    this.expectedEnd = host.sim.now + setup + lots.reduce((sum, lot) => sum + estimateOf(lot, this.spec), 0);
    if (setup > 0) {
      this.setups++;
      this.phase = WAIT_SETUP_OPERATOR;
      this.jobDuration = setup;
      if (this.operatorReady(op.setupSkill)) this.startSetup();
    } else {
      this.toRun();
    }
    this.updateState();
  }

  private startSetup(): void {
    this.phase = SETUP;
    this.setupStartedAt = this.host.sim.now;
    this.work.start(this.jobDuration);
    this.updateState();
  }

  /** The setup is done (or none was needed): draw the run's minutes once, then start it when it may. */
  private toRun(): void {
    if (this.phase !== WAIT_START) {
      this.runMinutes = this.runOverride ?? this.host.processingTime(this, this.job);
      this.runOverride = undefined;
    }
    if (this.host.runNotBefore(this) > this.host.sim.now || this.uninterruptible()) {
      this.phase = WAIT_START;
      if (!this.available || !this.mayStart(undefined, false)) return;
    }
    const lot = this.job[0]!;
    this.phase = WAIT_RUN_OPERATOR;
    if (this.operatorReady(lot.routing.operations[lot.op]!.runSkill)) this.startRun();
  }

  /** Whether a lot of the job may not be interrupted (then the whole batch may not). */
  private uninterruptible(): boolean {
    for (const lot of this.job) if (lot.routing.operations[lot.op]!.uninterruptible) return true;
    return false;
  }

  /**
   * Whether the run may start now: not before its planned start when following a schedule, and
   * an uninterruptible run only where it fits (in `pool`'s shift too, when given). If not, wakes
   * the machine when it may; an uninterruptible run that fits in no window ahead starts anyway
   * and runs over (counted), since waiting could never end.
   */
  private mayStart(pool: OperatorPool | undefined, starting: boolean): boolean {
    const sim = this.host.sim;
    let at = Math.max(sim.now, this.host.runNotBefore(this));
    if (this.uninterruptible()) {
      const fit = this.host.fitStart(this, this.runMinutes, pool, at);
      if (fit < Infinity) at = fit;
      else if (starting && at <= sim.now) this.host.runsOver(this);
    }
    if (at <= sim.now) return true;
    sim.cancel(this.fitWake);
    this.fitWake = sim.scheduleAt(at, Machine.fitReached, this);
    return false;
  }

  private static fitReached(this: void, m: Machine): void {
    m.fitWake = NO_EVENT;
    if (m.phase === WAIT_START) m.toRun();
  }

  private startRun(): void {
    const pinned = this.uninterruptible();
    if (pinned && !this.mayStart(this.pool, true)) {
      // Granted too late for the window, or the operator's shift ends before the run would:
      // give the operator back and wait.
      this.releaseOperator();
      this.phase = WAIT_START;
      this.updateState();
      return;
    }
    this.phase = RUN;
    this.pinned = pinned;
    this.syncWork();
    this.jobDuration = this.runMinutes;
    this.jobIdeal = 0;
    for (const lot of this.job) this.jobIdeal += estimateOf(lot, this.spec);
    this.jobStartedAt = this.host.sim.now;
    if (this.setupMinutes === 0) this.setupStartedAt = this.jobStartedAt;
    this.host.runStarted(this);
    this.work.start(this.jobDuration);
    this.updateState();
  }

  private static workDone(this: void, m: Machine): void {
    m.releaseOperator();
    if (m.phase === SETUP) {
      applySetup(m.spec.setups, m.keys, m.job[0]!.product);
      m.toRun();
      m.updateState();
      return;
    }
    m.creditIdeal(1);
    if (m.pinned) m.unpin();
    m.unloadList = m.host.jobFinished(m, m.job);
    m.job = [];
    m.phase = UNLOAD;
    m.unload();
  }

  /** The pinned run is over: maintenance that came due during it starts now, and shifts apply again. */
  private unpin(): void {
    this.pinned = false;
    for (const minutes of this.deferredMaintenance.splice(0)) {
      this.startMaintenance();
      this.host.sim.schedule(minutes, Machine.deferredMaintenanceEnds, this);
    }
    this.syncWork();
  }

  private static deferredMaintenanceEnds(this: void, m: Machine): void {
    m.endMaintenance();
  }

  /** Moves finished lots into the output buffer; blocked while one finds no room. */
  private unload(): void {
    // Unloading a lot can free room in this same output buffer at once (a move that takes no
    // time); the loop below then simply continues, so a nested call has nothing to do.
    if (this.unloading) return;
    this.unloading = true;
    while (this.unloadList.length > 0) {
      const lot = this.unloadList[0]!;
      if (!this.output.tryPut(lot.quantity)) {
        this.unloading = false;
        this.updateState();
        this.host.blocked(this);
        return;
      }
      this.unloadList.shift();
      lot.from = this.spec.index;
      this.host.lotUnloaded(this, lot);
    }
    this.unloading = false;
    this.phase = EMPTY;
    this.requestDispatch();
    this.updateState();
  }

  /** Transport took a lot from the output buffer. */
  outputTaken(quantity: number): void {
    this.output.take(quantity);
    if (this.phase === UNLOAD) this.unload();
  }

  /**
   * Ideal (mean) minutes for the share `fraction` of the current run, counting only what falls in
   * the statistics window (a run that began before the warm-up ended counts pro rata).
   */
  creditIdeal(fraction: number): void {
    const now = this.host.sim.now;
    const start = this.jobStartedAt;
    const windowStart = this.host.windowStart;
    const share = start >= windowStart ? 1 : now > windowStart ? (now - windowStart) / (now - start) : 0;
    this.idealMinutes += this.jobIdeal * fraction * share;
  }

  // ---- state --------------------------------------------------------------------------------

  updateState(): void {
    this.log.set(this.host.sim.now, this.currentState());
  }

  private currentState(): number {
    if (this.down > 0) return STATE.down;
    if (this.pinned) return STATE.processing;
    if (this.maintenance > 0) return STATE.maintenance;
    if (this.offShift) return STATE['off-shift'];
    if (!this.spec.used) return STATE.idle;
    switch (this.phase) {
      case UNLOAD: return STATE.blocked;
      case SETUP: return this.operatorIsAway ? STATE.idle : STATE.setup;
      case RUN: return this.operatorIsAway ? STATE.idle : STATE.processing;
      case EMPTY: return this.queue.length > 0 ? STATE.idle : STATE.starved;
      default: return STATE.idle;
    }
  }
}

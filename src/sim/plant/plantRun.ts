import { subtractWindows, type Interval } from '../../model/calendar.ts';
import type { Schedule } from '../../model/scheduleSchema.ts';
import { makeSampler } from '../distributions.ts';
import { RandomStreams, type RandomStream } from '../random.ts';
import { Simulator } from '../simulator.ts';
import { TimeWeighted } from '../statistics.ts';
import { calendarIntervals, earliestFit, intersectIntervals } from './availability.ts';
import { CalendarGate } from './calendarGate.ts';
import type { CompiledPlant } from './compiledPlant.ts';
import type { AtcsParameters, DispatchRule } from './dispatching.ts';
import { chooseEquipment } from './equipmentChoice.ts';
import { FailureProcess } from './failure.ts';
import { OUTSIDE, type Lot, type OrderRun } from './lots.ts';
import { Machine, type MachineHost } from './machine.ts';
import { maintenanceWindows, scheduleMaintenance } from './maintenance.ts';
import { needsVehicle } from './moves.ts';
import { Operators, type OperatorPool } from './operatorPool.ts';
import type { PlantHooks } from './plantHooks.ts';
import { ProcessingTimes } from './processingTimes.ts';
import type { JobRecord } from './asRun.ts';
import { ScheduleFollower } from './scheduleFollower.ts';
import { applySnapshot, snapshotStart } from './startState.ts';
import { PlantTrace } from './trace.ts';
import { Fleet, type MoveRequest } from './transport.ts';
import { WipSeries } from './wipSeries.ts';
import { yieldOutcome } from './yieldOutcome.ts';

/**
 * The random disturbances of a run, each of which can be switched off: breakdowns, variation of
 * processing times around their mean, yield losses (scrap and rework), late material. With all
 * of them off a run is the plan's deterministic model: every time is its mean, every unit good,
 * every order released on time; planned maintenance, calendars, operators, transport and
 * buffers still apply (they are not random).
 */
export interface Disturbances {
  failures: boolean;
  processingTime: boolean;
  yield: boolean;
  lateRelease: boolean;
}

export const ALL_DISTURBANCES: Readonly<Disturbances> = { failures: true, processingTime: true, yield: true, lateRelease: true };
export const NO_DISTURBANCES: Readonly<Disturbances> = { failures: false, processingTime: false, yield: false, lateRelease: false };

export interface PlantRunOptions {
  seed: number;
  replication: number;
  horizon: number;
  warmup: number;
  rule: DispatchRule;
  schedule: Schedule | undefined;
  trace: boolean;
  atcs: AtcsParameters;
  wipSampleEvery: number;
  disturbances: Disturbances;
  /** Keep a record of every job (asRun.ts); default false. */
  recordJobs?: boolean;
  /** Steering from outside the model (a training lesson); absent in ordinary runs. */
  hooks?: PlantHooks;
}

/** How far past the horizon an uninterruptible run's window is looked for (a run starting near the end must know where its window ends). */
const FIT_LOOK_AHEAD = 28 * 1440;

/**
 * One replication of a plant: builds the machines, calendars, operators, transport, failures
 * and maintenance on a fresh simulator, then moves lots through their routings:
 *
 *   release → choose equipment → reserve room in its input buffer → transport → queue
 *   → (setup) → processing → yield: good / rework / scrap → output buffer → next operation …
 *   → after the last operation the good units leave the plant.
 *
 * Released lots appear at their first equipment and finished lots leave from their last one
 * without transport: the scenario format has no raw-material or finished-goods store to move
 * them from or to. A lot waits in the order pool (outside the plant floor, but counted as work
 * in process) until its first equipment's input buffer has room.
 */
export class PlantRun implements MachineHost {
  readonly sim = new Simulator();
  readonly streams: RandomStreams;
  readonly rule: DispatchRule;
  readonly atcs: AtcsParameters;
  readonly operators: Operators;
  readonly follower: ScheduleFollower | undefined;
  readonly hooks: PlantHooks | undefined;
  readonly trace: PlantTrace | undefined;
  /** When the run starts (0, or a snapshot's time) and when statistics start (after warm-up). */
  readonly startTime: number;
  readonly windowStart: number;
  readonly horizon: number;
  readonly machines: Machine[];
  readonly gates: CalendarGate[];
  readonly orders: OrderRun[];
  readonly fleet: Fleet | undefined;
  /** Lots in the plant, in the order they entered. */
  readonly lotsInPlant = new Set<Lot>();
  readonly wipLots: TimeWeighted;
  readonly wipUnits: TimeWeighted;
  readonly wipSeries: WipSeries;
  readonly maintenance: [number, number][][];
  // Flow counters over the whole run (conservation) and inside the window (KPIs).
  unitsReleased = 0;
  unitsGoodOut = 0;
  unitsScrapped = 0;
  lotsEntered = 0;
  lotsExited = 0;
  lotMinutesInWindow = 0;
  lotsLeftInWindow = 0;
  lotMinutesOfLeavers = 0;
  lotsFinishedInWindow = 0;
  unitsFinishedInWindow = 0;
  unitsScrappedInWindow = 0;
  /** Uninterruptible runs started although no window ahead was long enough (they ran over). */
  overruns = 0;
  /** Every job run so far, when asked for (`recordJobs`). */
  readonly jobs: JobRecord[] | undefined;
  private readonly running: (JobRecord | undefined)[] = [];
  /** When a job last began or ended anywhere (stall detection). */
  lastProgress = NaN;

  /** Units in the plant now (a running count; results recount them from the lots). */
  unitsInPlant = 0;

  private nextLotId = 0;
  private readonly times: ProcessingTimes;
  private readonly yieldStreams: RandomStream[];
  private readonly fitWindows = new Map<string, readonly Interval[]>();
  private readonly fitsSomeWindow = (m: Machine, minutes: number): boolean => this.fitStart(m, minutes, undefined, this.sim.now) < Infinity;
  readonly disturbances: Disturbances;

  constructor(readonly plant: CompiledPlant, options: PlantRunOptions) {
    const scenario = plant.scenario;
    this.streams = new RandomStreams(options.seed, options.replication);
    this.disturbances = options.disturbances;
    this.jobs = options.recordJobs ? [] : undefined;
    this.rule = options.rule;
    this.atcs = options.atcs;
    this.horizon = options.horizon;
    this.startTime = Math.min(snapshotStart(scenario), this.horizon);
    this.windowStart = Math.min(Math.max(options.warmup, this.startTime), this.horizon);
    this.sim.now = this.startTime;
    this.lastProgress = this.startTime;
    this.trace = options.trace ? new PlantTrace(
      plant.equipment.map((e) => e.id), plant.orders.map((o) => o.id), plant.routings.flatMap((r) => r.operations.map((o) => o.id)),
    ) : undefined;
    this.follower = options.rule === 'schedule' && options.schedule ? new ScheduleFollower(plant, options.schedule) : undefined;
    this.hooks = options.hooks;
    this.operators = new Operators(plant.operatorPools);
    this.wipLots = new TimeWeighted(this.startTime, 0);
    this.wipUnits = new TimeWeighted(this.startTime, 0);
    this.wipSeries = new WipSeries(options.wipSampleEvery, this.windowStart, () => ({ lots: this.lotsInPlant.size, units: this.unitsInPlant }));
    if (this.windowStart > this.startTime) this.sim.scheduleAt(this.windowStart, PlantRun.resetWip, this);

    const snapshot = scenario.startState.kind === 'snapshot' ? scenario.startState : undefined;
    this.machines = plant.equipment.map((spec) => new Machine(spec, this, Int32Array.from(spec.startKeys)));
    this.yieldStreams = plant.equipment.map((e) => this.streams.stream(`yield/${e.id}`));
    this.times = new ProcessingTimes(this.streams, options.disturbances.processingTime);
    this.gates = plant.calendars.map((_, c) => new CalendarGate(this.sim, calendarIntervals(plant, c, this.horizon), this.startTime, this.horizon));
    this.operators.pools.forEach((pool) => {
      const gate = this.gates[pool.spec.calendar];
      if (!gate) return;
      this.operators.setOnShift(pool, gate.open);
      gate.subscribe((open) => this.operators.setOnShift(pool, open));
    });
    for (const m of this.machines) {
      const gate = this.gates[m.spec.calendar]!;
      m.setOffShift(!gate.open);
      gate.subscribe((open) => m.setOffShift(!open));
    }
    this.maintenance = this.machines.map((m) => maintenanceWindows(m.spec, this.startTime, this.horizon));
    const failures = this.machines.map((m) => (options.disturbances.failures ? m.spec.failures : []).map((model, k) => {
      const suffix = k === 0 ? m.spec.id : `${m.spec.id}/${k}`;
      return new FailureProcess(this.sim, m,
        makeSampler(model.timeBetweenFailures, this.streams.stream(`fail/${suffix}`)),
        makeSampler(model.timeToRepair, this.streams.stream(`repair/${suffix}`)),
        model.basis === 'operating');
    }));
    const fleetSpec = plant.fleet;
    if (fleetSpec) {
      const station = plant.equipment.find((e) => e.type === 'agv-station');
      this.fleet = new Fleet(this.sim, fleetSpec, plant.paths, station ? station.node : 0, {
        pickedUp: (request, dropAt) => this.pickedUp(request, dropAt),
        delivered: (request) => this.arrive(request.lot),
      });
    }
    this.orders = plant.orders.map((spec) => ({ spec, released: 0, unreleased: spec.quantity, outstanding: 0, good: 0, scrap: 0, completedAt: NaN }));

    const start = snapshot ? applySnapshot(this, snapshot, failures) : undefined;
    this.machines.forEach((m, i) => {
      const left = start?.maintenance.get(i);
      if (left !== undefined) this.maintenance[i]!.unshift([this.startTime, this.startTime + left]);
      scheduleMaintenance(this.sim, m, this.maintenance[i]!);
      failures[i]!.forEach((f, k) => {
        if (k > 0 || !start?.repairing.has(i)) f.start();
      });
    });
    for (const order of this.orders) {
      if (start?.orders.has(order.spec.index)) continue;
      const release = order.spec.release + (options.disturbances.lateRelease ? this.releaseDelay(order) : 0);
      if (release >= this.horizon) continue;
      this.sim.scheduleAt(Math.max(release, this.startTime), PlantRun.release, { run: this, order });
    }
  }

  /** Minutes the order's material comes late (stream `release/<order>`): 0, or a draw from its release delay. */
  private releaseDelay(order: OrderRun): number {
    const model = order.spec.releaseDelay;
    if (!model) return 0;
    const stream = this.streams.stream(`release/${order.spec.id}`);
    if (model.probability < 1 && stream.next() >= model.probability) return 0;
    return makeSampler(model.delay, stream)();
  }

  // ---- lots entering and leaving --------------------------------------------------------------

  private static release(this: void, { run, order }: { run: PlantRun; order: OrderRun }): void {
    const lot = run.newLot(order, 0, order.spec.quantity, true);
    order.unreleased = 0;
    run.route(lot);
  }

  /** A lot enters the plant: a release or snapshot lot (`fresh`: new units), a rework or split lot (units already inside). */
  newLot(order: OrderRun, op: number, quantity: number, fresh: boolean): Lot {
    const product = this.plant.products[order.spec.product]!;
    const now = this.sim.now;
    this.wipSeries.beforeChange(now);
    const lot: Lot = {
      id: this.nextLotId++, order, product: product.index, routing: this.plant.routings[product.routing]!, op, quantity,
      enteredAt: now, queuedAt: now, target: OUTSIDE, from: OUTSIDE, estimate: 0, entry: undefined,
    };
    this.lotsInPlant.add(lot);
    this.lotsEntered++;
    this.wipLots.set(now, this.lotsInPlant.size);
    if (fresh) {
      order.released += quantity;
      order.outstanding += quantity;
      this.unitsReleased += quantity;
      this.unitsInPlant += quantity;
      this.wipUnits.set(now, this.unitsInPlant);
    }
    this.trace?.lot(lot.id, order.spec.index, quantity);
    return lot;
  }

  private exit(lot: Lot): void {
    const now = this.sim.now;
    this.wipSeries.beforeChange(now);
    this.lotsInPlant.delete(lot);
    this.lotsExited++;
    this.lotMinutesInWindow += Math.max(0, now - Math.max(lot.enteredAt, this.windowStart));
    if (now >= this.windowStart) {
      this.lotsLeftInWindow++;
      this.lotMinutesOfLeavers += now - lot.enteredAt;
    }
    this.wipLots.set(now, this.lotsInPlant.size);
  }

  private removeUnits(order: OrderRun, quantity: number): void {
    this.wipSeries.beforeChange(this.sim.now);
    order.outstanding -= quantity;
    this.unitsInPlant -= quantity;
    this.wipUnits.set(this.sim.now, this.unitsInPlant);
    if (order.outstanding === 0 && order.unreleased === 0) order.completedAt = this.sim.now;
  }

  isComplete(order: number): boolean {
    return !Number.isNaN(this.orders[order]!.completedAt);
  }

  /** Good units of a lot leave the plant after its last operation (done on `machine`). */
  finishLot(lot: Lot, machine: number): void {
    const now = this.sim.now;
    this.trace?.move(now, now, lot.id, machine, OUTSIDE);
    this.exit(lot);
    lot.order.good += lot.quantity;
    this.unitsGoodOut += lot.quantity;
    if (now >= this.windowStart) {
      this.lotsFinishedInWindow++;
      this.unitsFinishedInWindow += lot.quantity;
    }
    this.removeUnits(lot.order, lot.quantity);
  }

  // ---- moving between equipment ---------------------------------------------------------------

  /** Sends a lot (in an output buffer, or just released) towards equipment for its current operation. */
  route(lot: Lot): void {
    const pieces = this.hooks?.equipmentFor ? undefined : this.follower?.cutBeforeMove(lot);
    if (pieces) {
      const total = lot.quantity;
      const estimate = lot.estimate;
      const parts = pieces.map(({ quantity, entry }, k) => {
        const piece = k === 0 ? lot : this.newLot(lot.order, lot.op, quantity, false);
        piece.quantity = quantity;
        piece.from = lot.from;
        piece.estimate = (estimate * quantity) / total;
        if (entry) entry.reservedBy = piece;
        return piece;
      });
      for (const piece of parts) this.routeWhole(piece);
      return;
    }
    this.routeWhole(lot);
  }

  private routeWhole(lot: Lot): void {
    const fixed = this.hooks?.equipmentFor?.(lot) ?? this.follower?.equipmentFor(lot);
    const target = chooseEquipment(lot, this.machines, this.sim.now, fixed, this.fitsSomeWindow);
    const machine = this.machines[target]!;
    if (machine.input.request(lot)) this.slotGranted(lot);
    else if (this.follower) {
      // A follower holding lots planned for later may lift the hold for this one.
      machine.requestDispatch();
      if (lot.from !== OUTSIDE && this.machines[lot.from]!.isBlocked) this.breakDeadlock(this.machines[lot.from]!);
    }
  }

  /** Room is reserved: the lot moves, at once or by the fleet (moves.ts says which). */
  slotGranted(lot: Lot): void {
    const from = lot.from;
    const to = lot.target;
    if (!this.fleet || !needsVehicle(this.plant, from, to)) {
      this.trace?.move(this.sim.now, this.sim.now, lot.id, from, to);
      // Arriving may cut the lot into pieces (batch equipment, a schedule's entries): the room it
      // held in the output buffer is that of all its units.
      const quantity = lot.quantity;
      this.arrive(lot);
      if (from !== OUTSIDE) this.machines[from]!.outputTaken(quantity);
      return;
    }
    this.fleet.request({ lot, from, to, fromNode: this.plant.equipment[from]!.node, toNode: this.plant.equipment[to]!.node });
  }

  private pickedUp(request: MoveRequest, dropAt: number): void {
    this.trace?.move(this.sim.now, dropAt, request.lot.id, request.from, request.to);
    request.lot.from = OUTSIDE;
    this.machines[request.from]!.outputTaken(request.lot.quantity);
  }

  /**
   * A lot reaches its equipment's queue. On batch equipment a lot larger than a batch is split
   * into lots of at most the capacity (the first keeps its id); the pieces travel on separately.
   */
  private arrive(lot: Lot): void {
    lot.from = OUTSIDE;
    const machine = this.machines[lot.target]!;
    const capacity = machine.spec.batch?.capacity ?? Infinity;
    if (this.follower) {
      this.arriveListed(lot, machine, capacity);
      return;
    }
    while (lot.quantity > capacity) {
      const piece = this.newLot(lot.order, lot.op, capacity, false);
      piece.target = lot.target;
      piece.estimate = (lot.estimate * capacity) / lot.quantity;
      lot.estimate -= piece.estimate;
      lot.quantity -= capacity;
      machine.enqueue(piece);
    }
    machine.enqueue(lot);
  }

  /**
   * A work-in-process lot a snapshot puts in front of `machine` joins its queue, let in beyond the
   * buffer's capacity (it is there); following a schedule, as the pieces its entries there list.
   */
  placeWip(lot: Lot, machine: Machine): void {
    lot.target = machine.spec.index;
    machine.input.force(lot.quantity);
    if (this.follower) this.arriveListed(lot, machine, machine.spec.batch?.capacity ?? Infinity);
    else machine.enqueue(lot);
  }

  /** Following a schedule, a lot is cut into the pieces its entries at this equipment list (ScheduleFollower.claim). */
  private arriveListed(lot: Lot, machine: Machine, capacity: number): void {
    const pieces = this.follower!.claim(lot, machine.spec.index, capacity);
    const total = lot.quantity;
    const estimate = lot.estimate;
    pieces.forEach(({ quantity, entry }, k) => {
      const piece = k === 0 ? lot : this.newLot(lot.order, lot.op, quantity, false);
      piece.target = lot.target;
      piece.quantity = quantity;
      piece.estimate = (estimate * quantity) / total;
      piece.entry = entry;
      if (entry) entry.lot = piece;
      machine.enqueue(piece);
    });
  }

  lotUnloaded(_machine: Machine, lot: Lot): void {
    this.route(lot);
  }

  // ---- processing -----------------------------------------------------------------------------

  fitStart(machine: Machine, minutes: number, pool: OperatorPool | undefined, from: number): number {
    const e = machine.spec.index;
    const p = pool ? this.operators.pools.indexOf(pool) : -1;
    const calendar = pool ? pool.spec.calendar : -1;
    const key = calendar < 0 ? `${e}` : `${e}/${p}`;
    let windows = this.fitWindows.get(key);
    if (!windows) {
      const to = this.horizon + FIT_LOOK_AHEAD;
      const own = subtractWindows(calendarIntervals(this.plant, machine.spec.calendar, to), this.maintenanceAhead(e, to));
      windows = calendar < 0 ? own : intersectIntervals(own, calendarIntervals(this.plant, calendar, to));
      this.fitWindows.set(key, windows);
    }
    return earliestFit(windows, from, minutes);
  }

  runNotBefore(machine: Machine): number {
    return this.follower ? this.follower.runNotBefore(machine.job) : -Infinity;
  }

  /** The machine's maintenance windows (a snapshot's running one included) and those planned past the horizon. */
  private maintenanceAhead(e: number, to: number): [number, number][] {
    return [...this.maintenance[e]!, ...maintenanceWindows(this.plant.equipment[e]!, this.horizon, to)];
  }

  blocked(machine: Machine): void {
    if (this.follower) this.breakDeadlock(machine);
  }

  /**
   * Following a schedule, a ring of blocked machines (each one's finished lots waiting for room
   * in the next one's input buffer, which waits the same way) would never move again. The lot
   * `machine` sends into the ring is let into the full buffer (`overfilled`), which unblocks it.
   */
  private breakDeadlock(machine: Machine): void {
    const waitingFrom = (from: Machine): Lot[] => {
      const lots: Lot[] = [];
      for (const m of this.machines) for (const lot of m.input.listedWaiting) if (lot.from === from.spec.index) lots.push(lot);
      return lots;
    };
    const seen = new Set<Machine>();
    const reaches = (m: Machine): boolean => {
      if (m === machine) return true;
      if (!m.isBlocked || seen.has(m)) return false;
      seen.add(m);
      return waitingFrom(m).some((lot) => reaches(this.machines[lot.target]!));
    };
    for (const lot of waitingFrom(machine)) {
      if (!reaches(this.machines[lot.target]!)) continue;
      this.follower!.overfilled();
      this.machines[lot.target]!.input.overfill(lot);
      return;
    }
  }

  runsOver(_machine: Machine): void {
    this.overruns++;
  }

  runStarted(machine: Machine): void {
    this.follower?.runStarted(machine.job, machine.setupStartedAt, machine.setupMinutes, this.sim.now);
    if (!this.jobs) return;
    const record: JobRecord = {
      equipment: machine.spec.index, lots: machine.job.map((lot) => ({ order: lot.order.spec.index, op: lot.op, quantity: lot.quantity })),
      begin: machine.begunAt, setupStart: machine.setupStartedAt, setupMinutes: machine.setupMinutes, start: this.sim.now, end: NaN, frozen: machine.underWay,
    };
    this.jobs.push(record);
    this.running[machine.spec.index] = record;
  }

  processingTime(machine: Machine, lots: readonly Lot[]): number {
    return this.times.draw(machine.spec, lots);
  }

  /** Yields, scrap and rework of a finished job (yieldOutcome.ts); returns the lots that go on. */
  jobFinished(machine: Machine, lots: readonly Lot[]): Lot[] {
    const now = this.sim.now;
    this.lastProgress = now;
    this.follower?.runEnded(lots, now);
    if (this.jobs) {
      const record = this.running[machine.spec.index];
      if (record) record.end = now;
      this.running[machine.spec.index] = undefined;
    }
    const inWindow = now >= this.windowStart;
    const out: Lot[] = [];
    const reworked: Lot[] = [];
    const stream = this.yieldStreams[machine.spec.index]!;
    for (const lot of lots) {
      const op = lot.routing.operations[lot.op]!;
      const q = lot.quantity;
      const { good, rework, scrap } = this.disturbances.yield ? yieldOutcome(stream, q, op) : { good: q, rework: 0, scrap: 0 };
      if (inWindow) {
        machine.unitsProcessed += q;
        machine.unitsGood += good;
        this.unitsScrappedInWindow += scrap;
      }
      const order = lot.order;
      if (scrap > 0) {
        order.scrap += scrap;
        this.unitsScrapped += scrap;
        this.removeUnits(order, scrap);
      }
      if (rework > 0) reworked.push(this.newLot(order, op.reworkTo, rework, false));
      if (good === 0) {
        // Every unit went to scrap or rework: the lot itself is gone.
        this.trace?.move(now, now, lot.id, machine.spec.index, OUTSIDE);
        this.exit(lot);
        continue;
      }
      lot.quantity = good;
      lot.op++;
      if (lot.op < lot.routing.operations.length) out.push(lot);
      else this.finishLot(lot, machine.spec.index);
    }
    return reworked.length > 0 ? out.concat(reworked) : out;
  }

  private static resetWip(this: void, run: PlantRun): void {
    run.wipLots.reset(run.sim.now);
    run.wipUnits.reset(run.sim.now);
    run.fleet?.resetTotals();
  }
}

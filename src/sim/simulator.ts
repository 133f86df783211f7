import { EventQueue, type EventHandle, type Handler } from './eventQueue.ts';

export { NO_EVENT, type EventHandle, type Handler } from './eventQueue.ts';

/**
 * The simulation clock and its event list. Plant logic is written as small named handlers that
 * the simulator calls when their event is due: `sim.schedule(duration, finishOperation, machine)`.
 *
 * Why callbacks rather than generator processes (SimPy's `yield env.timeout(...)`): a generator
 * per part or machine allocates on every resume and keeps its state hidden in a suspended stack
 * frame. Callbacks over plain state avoid both (the speed goals in test/bench need that), and
 * they keep every bit of model state in ordinary objects — which is what lets a run
 * start from a plant snapshot, be inspected mid-run, and cross a Web Worker boundary. Readability
 * comes from naming each handler after the plant event it models (`partArrives`,
 * `machineFails`, `repairEnds`) and keeping each one short.
 */
export class Simulator {
  // NaN, then 0 in the constructor: see `Tally` in statistics.ts for why a field that will hold
  // fractions starts from one.
  private clock = NaN;
  private readonly queue = new EventQueue();
  private stopped = false;
  private fired = 0;

  constructor() {
    this.clock = 0;
  }

  /** Simulated time now (scenario minutes in the plant model). */
  get now(): number {
    return this.clock;
  }

  /**
   * Sets the starting time, e.g. a run that begins from a snapshot taken mid-shift. Only before
   * anything is scheduled: moving the clock under pending events would reorder time.
   */
  set now(time: number) {
    if (this.fired > 0 || this.queue.pending > 0) refuse('Simulator.now can only be set before the first event is scheduled');
    if (!Number.isFinite(time)) refuse(`Simulator.now must be finite, got ${time}`);
    this.clock = time;
  }

  /** Events whose handler has run so far. */
  get eventsFired(): number {
    return this.fired;
  }

  /** Events scheduled and not yet fired or cancelled. */
  get pendingEvents(): number {
    return this.queue.pending;
  }

  /** Calls `handler(data)` after `delay`; events due at the same time fire in the order scheduled. */
  schedule(delay: number, handler: () => void): EventHandle;
  schedule<T>(delay: number, handler: Handler<T>, data: T): EventHandle;
  schedule<T>(delay: number, handler: Handler<T>, data?: T): EventHandle {
    if (!(delay >= 0)) refuse(`Simulator.schedule: delay must be >= 0, got ${delay}`);
    return this.queue.push(this.now + delay, handler as Handler<unknown>, data);
  }

  /** Calls `handler(data)` at the absolute time `time`, which must not be in the past. */
  scheduleAt(time: number, handler: () => void): EventHandle;
  scheduleAt<T>(time: number, handler: Handler<T>, data: T): EventHandle;
  scheduleAt<T>(time: number, handler: Handler<T>, data?: T): EventHandle {
    if (!(time >= this.now)) refuse(`Simulator.scheduleAt: time ${time} is before now (${this.now})`);
    return this.queue.push(time, handler as Handler<unknown>, data);
  }

  /** Cancels a pending event; false if it already fired or was cancelled (a harmless no-op). */
  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  isPending(handle: EventHandle): boolean {
    return this.queue.isPending(handle);
  }

  /** When a pending event is due, or NaN. `timeOf(h) - now` is the remaining time of an activity. */
  timeOf(handle: EventHandle): number {
    return this.queue.timeOf(handle);
  }

  /** Time of the next pending event, or Infinity. */
  nextEventTime(): number {
    return this.queue.peekTime();
  }

  /**
   * Fires events in time order until none is due at or before `until`, or a handler calls
   * `stop()`. Unless stopped, the clock then stands at `until` (when finite), so time-weighted
   * statistics can be closed at the horizon.
   */
  run(until = Infinity): void {
    if (!(until >= this.now)) throw new RangeError(`Simulator.run: until ${until} is before now (${this.now})`);
    const queue = this.queue;
    this.stopped = false;
    while (queue.popDue(until)) {
      this.clock = queue.dueTime;
      this.fired++;
      const handler = queue.dueHandler;
      handler(queue.dueData);
      if (this.stopped) return;
    }
    if (until !== Infinity) this.clock = until;
  }

  /** Ends the current `run` after the running handler returns; pending events stay scheduled. */
  stop(): void {
    this.stopped = true;
  }
}

// Throwing lives outside the hot methods so they stay small enough for V8 to inline (a call that
// is not inlined boxes its floating-point arguments).
function refuse(message: string): never {
  throw new RangeError(message);
}

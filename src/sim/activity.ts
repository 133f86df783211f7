import { NO_EVENT, type EventHandle, type Handler, type Simulator } from './simulator.ts';

/**
 * A timed piece of work that can be paused and later resumed with its remaining time:
 * an operation stopped by a failure or a shift end (preemptive resume), a repair that waits
 * over a break, a failure clock that counts only operating time.
 *
 * Pauses nest — a machine that fails during a break resumes only when both the repair and the
 * break are over — and outlive the work: an activity started while paused does not progress
 * until every pause is resumed.
 */
/** Minutes of work left that count as none (60 ns): rounding in sums of work segments. */
const DUE_NOW = 1e-9;

export class Activity<T> {
  // Handles and times are doubles: NaN until the constructor sets them (see `Tally` in statistics.ts).
  private handle = NaN as EventHandle;
  private left = NaN;
  private pauses = 0;
  private active = false;

  // Stored without T, so an Activity<Machine> is usable wherever an Activity<unknown> is expected
  // (T would otherwise be invariant: it is both the handler's parameter and the data).
  private readonly onDone: Handler<unknown>;
  private readonly data: unknown;

  /** `onDone(data)` runs when the work completes. */
  constructor(
    private readonly sim: Simulator,
    onDone: Handler<T>,
    data: T,
  ) {
    this.onDone = onDone as Handler<unknown>;
    this.data = data;
    this.handle = NO_EVENT;
    this.left = 0;
  }

  /** Started and not yet completed or cancelled. */
  get isActive(): boolean {
    return this.active;
  }

  get isPaused(): boolean {
    return this.pauses > 0;
  }

  /** Work left, in simulated time; 0 when not active. */
  get remaining(): number {
    if (!this.active) return 0;
    return this.pauses > 0 ? this.left : this.sim.timeOf(this.handle) - this.sim.now;
  }

  /** Begins `duration` of work; completes once that much un-paused time has passed. */
  start(duration: number): void {
    if (this.active || !(duration >= 0)) refuseStart(this.active, duration);
    this.active = true;
    this.left = duration;
    if (this.pauses === 0) this.handle = this.sim.schedule(duration, Activity.complete, this);
  }

  pause(): void {
    if (this.pauses++ > 0 || !this.active) return;
    const left = this.sim.timeOf(this.handle) - this.sim.now;
    // Work due this very instant is done: a changeover that ends as the shift does is not
    // carried over the break (its completion event merely comes after the shift-end event).
    this.left = Math.max(0, left);
    if (left <= DUE_NOW) return;
    this.sim.cancel(this.handle);
    this.handle = NO_EVENT;
  }

  /** Undoes one `pause`; the work continues when no pause is left. */
  resume(): void {
    if (this.pauses === 0) throw new Error('Activity.resume: not paused');
    // (A completion left standing by `pause` as due now is still to come: not scheduled twice.)
    if (--this.pauses > 0 || !this.active || this.handle !== NO_EVENT) return;
    this.handle = this.sim.schedule(this.left, Activity.complete, this);
  }

  /** Abandons the work without completing it (scrap, preemptive repeat); pauses stay. */
  cancel(): void {
    if (!this.active) return;
    this.sim.cancel(this.handle);
    this.handle = NO_EVENT;
    this.active = false;
    this.left = 0;
  }

  private static complete(this: void, activity: Activity<unknown>): void {
    activity.active = false;
    activity.handle = NO_EVENT;
    activity.left = 0;
    activity.onDone(activity.data);
  }
}

// Kept out of `start` so that it stays small enough for V8 to inline: a call that is not inlined
// boxes its floating-point arguments, which costs more than the rest of `start` together.
function refuseStart(active: boolean, duration: number): never {
  if (active) throw new Error('Activity.start: the activity is already running');
  throw new RangeError(`Activity.start: duration must be >= 0, got ${duration}`);
}

import { MACHINE_STATES, type MachineState } from '../../model/machineState.ts';
import type { PlantTrace } from './trace.ts';

/** State codes are indices into MACHINE_STATES (the trace stores them as one byte). */
export const STATE = Object.fromEntries(MACHINE_STATES.map((s, i) => [s, i])) as Record<MachineState, number>;

/**
 * Roser's active states: the machine is working or being worked on, not waiting for anything.
 * Planned maintenance counts with repair, as in Roser et al. (2001) where any service is active.
 */
export function isActive(state: number): boolean {
  return state === STATE.processing || state === STATE.setup || state === STATE.down || state === STATE.maintenance;
}

/** Planned non-working time neither continues nor interrupts an active period. */
function isNeutral(state: number): boolean {
  return state === STATE['off-shift'] || state === STATE.off;
}

/**
 * What one piece of equipment did over time: minutes per state inside the statistics window
 * [windowStart, end), the uninterrupted active periods (for bottleneck detection), and every
 * change written to the trace.
 *
 * An active period ends only when the machine waits (idle, starved, blocked) for some time. A
 * job that ends as the next starts passes through idle for no time: one period. A machine busy
 * before a break or a shift end and busy again right after it (nothing but off-shift between)
 * keeps its period too — otherwise every machine on a shared calendar would have its periods cut
 * at the same instants, and the active period method could not tell them apart.
 */
export class StateLog {
  readonly minutes = new Float64Array(MACHINE_STATES.length);
  state: number;
  private since: number;
  private activeFrom = NaN;
  /** End of the last active stretch, kept open in case activity resumes without real waiting. */
  private activeUntil = NaN;
  /** Whether the machine has waited (for more than no time) since activeUntil. */
  private waited = false;
  readonly activeStarts: number[] = [];
  readonly activeEnds: number[] = [];

  constructor(
    private readonly equipment: number,
    private readonly windowStart: number,
    now: number,
    state: number,
    private readonly trace: PlantTrace | undefined,
  ) {
    this.state = state;
    this.since = now;
    if (isActive(state)) this.activeFrom = now;
    trace?.stateChange(now, equipment, state);
  }

  set(now: number, state: number): void {
    if (state === this.state) return;
    this.accumulate(now);
    const wasActive = isActive(this.state);
    const active = isActive(state);
    if (!wasActive && !isNeutral(this.state) && now > this.since) this.waited = true;
    if (wasActive && !active) {
      this.activeUntil = now;
      this.waited = false;
    } else if (active && !wasActive) {
      if (this.waited || this.activeUntil !== this.activeUntil) {
        this.flushPeriod();
        this.activeFrom = now;
      }
      this.activeUntil = NaN;
      this.waited = false;
    }
    this.state = state;
    this.since = now;
    this.trace?.stateChange(now, this.equipment, state);
  }

  /** Ends the log at `end`: counts the last state and closes an open active period. */
  close(end: number): void {
    this.accumulate(end);
    this.since = end;
    if (isActive(this.state)) this.activeUntil = end;
    this.flushPeriod();
  }

  private accumulate(now: number): void {
    const from = Math.max(this.since, this.windowStart);
    if (now > from) this.minutes[this.state]! += now - from;
  }

  private flushPeriod(): void {
    const until = this.activeUntil;
    if (until !== until) return; // NaN: no period waiting
    const from = Math.max(this.activeFrom, this.windowStart);
    if (until > from) {
      this.activeStarts.push(from);
      this.activeEnds.push(until);
    }
    this.activeFrom = NaN;
    this.activeUntil = NaN;
  }
}

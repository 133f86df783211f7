import { MACHINE_STATES, type MachineState } from '../model/machineState.ts';

/**
 * What the twin shows at one instant, written by a state source into arrays made once: the frame
 * loop samples a source every frame without allocating.
 */
export interface TwinFrame {
  /** Per equipment index of the source: an index into MACHINE_STATES. */
  readonly states: Uint8Array;
  /**
   * Per equipment index: FRAME_STALE when the state shown is old news (a live state not confirmed
   * within its threshold, or the broker's old retained copy); 0 otherwise. Sources without such
   * knowledge leave it 0.
   */
  readonly flags: Uint8Array;
  /** Per equipment index: how full its input buffer is, 0..1. */
  readonly fills: Float32Array;
  /** Floor-plan metres of each part in transport or waiting, interleaved x0, y0, x1, y1… */
  readonly parts: Float32Array;
  /** How many parts of `parts` are in use at this instant. */
  partCount: number;
}

export type SourceKind = 'live' | 'recording' | 'simulation' | 'demo' | 'schedule';

/** TwinFrame.flags: the state shown may no longer hold. */
export const FRAME_STALE = 1;

/** What one piece of equipment is working on, and why it stands, where the source knows it. */
export interface EquipmentActivity { order?: string; operation?: string; reason?: string }

/**
 * Anything that can tell the twin what the plant did over time: the synthetic demo now, a
 * simulation trace and a recorded shift later. Times are minutes from `startIso`.
 */
export interface TwinStateSource {
  /** Shown beside the timeline, so nobody mistakes demo data for the plant. */
  readonly label: string;
  /** Where the states come from, for the scene's source badge (absent: only the label is shown). */
  readonly kind?: SourceKind;
  /** Whether `fills` holds queue levels; live and recorded states carry none, and none is invented. */
  readonly queues?: boolean;
  /** Equipment ids in the order the frame's arrays use. */
  readonly equipmentIds: readonly string[];
  readonly startIso: string;
  /** Minutes covered, from 0. */
  readonly horizon: number;
  /** The most parts any instant has; the size of a frame's part array. */
  readonly maxParts: number;
  /**
   * Writes the state at `minutes` into `frame`, at most `frame.parts.length / 2` parts; must not
   * allocate (it runs every frame).
   */
  sample(minutes: number, frame: TwinFrame): void;
  /** Minutes spent in each state (indexed like MACHINE_STATES) from 0 to `minutes`, into `out`. */
  timeInState(equipment: number, minutes: number, out: Float64Array): void;
  activity?(equipment: number, minutes: number): EquipmentActivity;
  /** Minute at which the state shown at `minutes` began (may be before 0); undefined when unknown. */
  stateSince?(equipment: number, minutes: number): number | undefined;
  /** The first minute after `minutes` at which any equipment changes state; undefined after the last. */
  nextEvent?(minutes: number): number | undefined;
}

/** Index of the first time in the sorted `times` greater than `t` (times.length when none is). */
export function firstAfter(times: Float64Array, t: number): number {
  let a = 0;
  let b = times.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (times[mid]! <= t) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** A minute strictly after `minutes` at which something changes, from the sorted change times. */
export function nextChange(times: Float64Array, minutes: number): number | undefined {
  const i = firstAfter(times, minutes + 1e-9);
  return i < times.length ? times[i] : undefined;
}

/** Walks back from row `i` over rows of the same state code; the time the run began. */
export function runStart(times: Float64Array, codes: Uint8Array, lo: number, i: number): number | undefined {
  if (i < lo) return undefined;
  let j = i;
  while (j > lo && codes[j - 1] === codes[i]) j--;
  return times[j];
}

export function createTwinFrame(source: TwinStateSource): TwinFrame {
  const n = source.equipmentIds.length;
  return { states: new Uint8Array(n), flags: new Uint8Array(n), fills: new Float32Array(n), parts: new Float32Array(2 * source.maxParts), partCount: 0 };
}

export const stateCode = Object.fromEntries(MACHINE_STATES.map((s, i) => [s, i])) as Record<MachineState, number>;

export function stateName(code: number): MachineState {
  return MACHINE_STATES[code] ?? 'unknown';
}

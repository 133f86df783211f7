import { MACHINE_STATES, type MachineState } from '../model/machineState.ts';

/**
 * What the twin shows at one instant, written by a state source into arrays made once: the frame
 * loop samples a source every frame without allocating.
 */
export interface TwinFrame {
  /** Per equipment index of the source: an index into MACHINE_STATES. */
  readonly states: Uint8Array;
  /** Per equipment index: how full its input buffer is, 0..1. */
  readonly fills: Float32Array;
  /** Floor-plan metres of each part in transport or waiting, interleaved x0, y0, x1, y1… */
  readonly parts: Float32Array;
  /** How many parts of `parts` are in use at this instant. */
  partCount: number;
}

/** What one piece of equipment is working on, where the source knows it. */
export interface EquipmentActivity { order?: string; operation?: string }

/**
 * Anything that can tell the twin what the plant did over time: the synthetic demo now, a
 * simulation trace and a recorded shift later. Times are minutes from `startIso`.
 */
export interface TwinStateSource {
  /** Shown beside the timeline, so nobody mistakes demo data for the plant. */
  readonly label: string;
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
}

export function createTwinFrame(source: TwinStateSource): TwinFrame {
  const n = source.equipmentIds.length;
  return { states: new Uint8Array(n), fills: new Float32Array(n), parts: new Float32Array(2 * source.maxParts), partCount: 0 };
}

export const stateCode = Object.fromEntries(MACHINE_STATES.map((s, i) => [s, i])) as Record<MachineState, number>;

export function stateName(code: number): MachineState {
  return MACHINE_STATES[code] ?? 'unknown';
}

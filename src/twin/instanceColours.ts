import { Color } from 'three';
import { MACHINE_STATES } from '../model/machineState.ts';
import { STATE_COLOURS } from './statePalette.ts';

/** Linear RGB of each state colour, indexed by state code × 3, for writing straight into instance colour arrays. */
export const STATE_RGB = new Float32Array(MACHINE_STATES.length * 3);
MACHINE_STATES.forEach((state, i) => new Color(STATE_COLOURS[state]).toArray(STATE_RGB, i * 3));

export function linearRgb(hex: string): Float32Array {
  return new Float32Array(new Color(hex).toArray());
}

import type { MachineState } from '../model/machineState.ts';

/**
 * ISA-101 habit: normal operation is grey (darker when working, lighter when waiting for work or
 * out of its calendar); hue is kept for what needs attention. Red = down, orange = blocked,
 * yellow = starved, violet = setup, magenta = maintenance. No state uses the selection blue.
 */
export const STATE_COLOURS: Record<MachineState, string> = {
  processing: '#7d858d',
  idle: '#b4bac0',
  'off-shift': '#d2d5d8',
  off: '#dcdee0',
  unknown: '#a49d94',
  setup: '#8a63c9',
  starved: '#e3bd1d',
  blocked: '#e8831a',
  down: '#d23a2f',
  maintenance: '#c2459b',
};

export const STATE_LABELS: Record<MachineState, string> = {
  processing: 'Processing',
  idle: 'Idle',
  'off-shift': 'Off shift',
  off: 'Off',
  unknown: 'Unknown',
  setup: 'Setup',
  starved: 'Starved',
  blocked: 'Blocked',
  down: 'Down',
  maintenance: 'Maintenance',
};

/** States that call for attention, in the legend's order. */
export const ATTENTION_STATES: readonly MachineState[] = ['down', 'blocked', 'starved', 'setup', 'maintenance'];
/** The calm ones. */
export const NORMAL_STATES: readonly MachineState[] = ['processing', 'idle', 'off-shift', 'off', 'unknown'];

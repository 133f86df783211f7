import type { MachineState } from '../model/machineState.ts';

/**
 * ISA-101 habit: normal operation is grey (mid grey working, light grey waiting for work); hue is
 * kept for what needs attention. Red = down, orange = blocked, yellow = starved, violet = setup,
 * magenta = maintenance. Off shift is a pale steel blue (planned, calm) and off a charcoal (no power),
 * so the two are told apart (ΔE*ab 12.8 to the nearest other state; they were 3.3 apart as two pale
 * greys); unknown is sand. No state uses the selection blue, and selection never recolours a machine.
 */
export const STATE_COLOURS: Record<MachineState, string> = {
  processing: '#7d858d',
  idle: '#b4bac0',
  'off-shift': '#a8c1dc',
  off: '#4f555b',
  unknown: '#b7a27e',
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

/**
 * The second cue besides colour (for colour-blind users and grey-scale prints): one letter per
 * state, drawn on the badge above each machine, in the tree and the legend.
 */
export const STATE_LETTERS: Record<MachineState, string> = {
  processing: 'P',
  idle: 'I',
  'off-shift': 'N',
  off: 'O',
  unknown: '?',
  setup: 'S',
  starved: 'W',
  blocked: 'B',
  down: 'D',
  maintenance: 'M',
};

/** Text colour that reads on a state's colour: contrast ≥ 4.5:1, setup 4.46:1 (bold large text needs 3:1). */
export const STATE_INK: Record<MachineState, string> = {
  processing: '#000000',
  idle: '#1d2125',
  'off-shift': '#1d2125',
  off: '#ffffff',
  unknown: '#1d2125',
  setup: '#ffffff',
  starved: '#1d2125',
  blocked: '#1d2125',
  down: '#ffffff',
  maintenance: '#ffffff',
};

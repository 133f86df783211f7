import type { MachineState } from '../model/machineState.ts';

/**
 * Mappings from the state models of PackML, MTConnect and OPC UA for Machinery onto the twin's
 * one state enum, and from that enum onto SEMI E10 and OEE loss categories. docs/STATES.md holds
 * the same tables with the reasons; a change here is a change there.
 */

export type Mapped = { state: MachineState; reason?: string };

// ---- PackML (ISA-TR88.00.02) -------------------------------------------------------------------

export const PACKML_STATES = [
  'Stopped', 'Starting', 'Idle', 'Suspended', 'Execute', 'Stopping', 'Aborting', 'Aborted', 'Holding', 'Held',
  'Unholding', 'Suspending', 'Unsuspending', 'Resetting', 'Completing', 'Complete', 'Clearing',
] as const;
export type PackMLState = (typeof PACKML_STATES)[number];
export type PackMLUnitMode = 'Production' | 'Maintenance' | 'Manual';

/**
 * Held is PackML's stop for an internal cause (jam, operator intervention), Suspended for an
 * external one (no material upstream, no room downstream); Aborted and Clearing are the fault path.
 */
export const PACKML_TO_STATE: Readonly<Record<PackMLState, MachineState>> = {
  Stopped: 'idle',
  Starting: 'idle',
  Idle: 'idle',
  Suspended: 'starved',
  Execute: 'processing',
  Stopping: 'idle',
  Aborting: 'down',
  Aborted: 'down',
  Holding: 'down',
  Held: 'down',
  Unholding: 'down',
  Suspending: 'starved',
  Unsuspending: 'starved',
  Resetting: 'idle',
  Completing: 'processing',
  Complete: 'idle',
  Clearing: 'down',
};

/**
 * A PackML state under a unit mode. Suspension is `blocked` when the caller knows the cause is
 * downstream. Maintenance mode is maintenance and Manual mode is setup, except on the abort path,
 * which stays `down` in every mode.
 */
export function fromPackML(state: PackMLState, mode: PackMLUnitMode = 'Production', suspendedBy: 'upstream' | 'downstream' = 'upstream'): Mapped {
  const base = PACKML_TO_STATE[state];
  if (state === 'Aborting' || state === 'Aborted' || state === 'Clearing') return { state: 'down', reason: `PackML ${state}` };
  if (mode === 'Maintenance') return { state: 'maintenance' };
  if (mode === 'Manual') return { state: 'setup' };
  if (base === 'starved' && suspendedBy === 'downstream') return { state: 'blocked', reason: `PackML ${state}` };
  return base === 'down' || base === 'starved' ? { state: base, reason: `PackML ${state}` } : { state: base };
}

// ---- MTConnect ---------------------------------------------------------------------------------

export const MTC_EXECUTION = [
  'ACTIVE', 'READY', 'INTERRUPTED', 'FEED_HOLD', 'STOPPED', 'OPTIONAL_STOP', 'PROGRAM_STOPPED',
  'PROGRAM_COMPLETED', 'WAIT', 'PROGRAM_OPTIONAL_STOP',
] as const;
export type MtcExecution = (typeof MTC_EXECUTION)[number];

/** Execution alone, in automatic mode with the machine available and no emergency stop. */
export const MTC_EXECUTION_TO_STATE: Readonly<Record<MtcExecution, Mapped>> = {
  ACTIVE: { state: 'processing' },
  READY: { state: 'idle' },
  INTERRUPTED: { state: 'down', reason: 'interrupted' },
  FEED_HOLD: { state: 'down', reason: 'feed hold' },
  STOPPED: { state: 'down', reason: 'stopped' },
  OPTIONAL_STOP: { state: 'idle', reason: 'optional stop' },
  PROGRAM_STOPPED: { state: 'idle', reason: 'program stopped' },
  PROGRAM_COMPLETED: { state: 'idle', reason: 'program completed' },
  WAIT: { state: 'starved', reason: 'wait' },
  PROGRAM_OPTIONAL_STOP: { state: 'idle', reason: 'optional stop' },
};

/** The latest value of each MTConnect data item that decides the state; undefined = not reported yet. */
export interface MtcObservation {
  availability?: string;
  execution?: string;
  controllerMode?: string;
  emergencyStop?: string;
  functionalMode?: string;
  /** Active FAULT conditions: data item key → message (or native code). */
  faults?: ReadonlyMap<string, string>;
}

const MANUAL_MODES = new Set(['MANUAL', 'MANUAL_DATA_INPUT', 'EDIT']);

/**
 * Combines MTConnect observations, first rule that applies wins:
 * Availability UNAVAILABLE → off; EmergencyStop TRIGGERED → down; a FAULT condition → down;
 * FunctionalMode MAINTENANCE → maintenance; FunctionalMode SETUP/TEARDOWN or ControllerMode
 * MANUAL/MANUAL_DATA_INPUT/EDIT → setup; then Execution by its table. A value not (yet) known,
 * or the agent's UNAVAILABLE for an item other than availability, gives unknown.
 */
export function fromMTConnect(o: MtcObservation): Mapped {
  if (o.availability === 'UNAVAILABLE') return { state: 'off', reason: 'unavailable' };
  if (o.emergencyStop === 'TRIGGERED') return { state: 'down', reason: 'emergency stop' };
  const fault = o.faults?.entries().next();
  if (fault && !fault.done) return { state: 'down', reason: fault.value[1] || fault.value[0] };
  if (o.functionalMode === 'MAINTENANCE') return { state: 'maintenance' };
  if (o.functionalMode === 'SETUP' || o.functionalMode === 'TEARDOWN') return { state: 'setup', reason: o.functionalMode.toLowerCase() };
  if (o.controllerMode !== undefined && MANUAL_MODES.has(o.controllerMode)) return { state: 'setup', reason: `mode ${o.controllerMode}` };
  const mapped = o.execution === undefined ? undefined : MTC_EXECUTION_TO_STATE[o.execution as MtcExecution];
  return mapped ?? { state: 'unknown' };
}

// ---- OPC UA for Machinery (OPC 40001-1) -----------------------------------------------------------

export const MACHINERY_ITEM_STATES = ['NotAvailable', 'OutOfService', 'Executing', 'NotExecuting'] as const;
export type MachineryItemState = (typeof MACHINERY_ITEM_STATES)[number];
export const MACHINERY_OPERATION_MODES = ['None', 'Processing', 'Maintenance', 'Setup'] as const;
export type MachineryOperationMode = (typeof MACHINERY_OPERATION_MODES)[number];

export const MACHINERY_ITEM_TO_STATE: Readonly<Record<MachineryItemState, MachineState>> = {
  NotAvailable: 'off',
  OutOfService: 'down',
  Executing: 'processing',
  NotExecuting: 'idle',
};

/**
 * MachineryItemState refined by MachineryOperationMode: work in Setup or Maintenance mode is that
 * activity, not production; out of service in Maintenance mode is planned, so maintenance;
 * not available (switched off) stays off whatever the mode.
 */
export function fromOpcUaMachinery(item: MachineryItemState, mode: MachineryOperationMode = 'None'): Mapped {
  if (item === 'NotAvailable') return { state: 'off' };
  if (mode === 'Maintenance') return { state: 'maintenance' };
  if (mode === 'Setup' && item !== 'OutOfService') return { state: 'setup' };
  return item === 'OutOfService' ? { state: 'down', reason: 'out of service' } : { state: MACHINERY_ITEM_TO_STATE[item] };
}

// ---- SEMI E10 and OEE ------------------------------------------------------------------------------

export type SemiE10State = 'productive' | 'standby' | 'engineering' | 'scheduled downtime' | 'unscheduled downtime' | 'non-scheduled';

/** SEMI E10 lists setup under scheduled downtime; our enum has no engineering state, so nothing maps there. */
export const STATE_TO_SEMI_E10: Readonly<Record<MachineState, SemiE10State | undefined>> = {
  processing: 'productive',
  setup: 'scheduled downtime',
  idle: 'standby',
  starved: 'standby',
  blocked: 'standby',
  down: 'unscheduled downtime',
  maintenance: 'scheduled downtime',
  'off-shift': 'non-scheduled',
  off: 'non-scheduled',
  unknown: undefined,
};

/**
 * Where each state's time goes in OEE (ISO 22400 time model): `excluded` is outside planned busy
 * time; `operating` is actual production time, whose performance and quality losses come from
 * counts; the rest are availability losses within planned busy time.
 */
export type OeeCategory = 'operating' | 'availability: breakdown' | 'availability: setup' | 'availability: stoppage' | 'excluded' | 'no data';

export const STATE_TO_OEE: Readonly<Record<MachineState, OeeCategory>> = {
  processing: 'operating',
  setup: 'availability: setup',
  idle: 'availability: stoppage',
  starved: 'availability: stoppage',
  blocked: 'availability: stoppage',
  down: 'availability: breakdown',
  maintenance: 'excluded',
  'off-shift': 'excluded',
  off: 'excluded',
  unknown: 'no data',
};

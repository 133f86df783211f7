import { describe, expect, it } from 'vitest';
import { MACHINE_STATES } from '../../src/model/machineState.ts';
import {
  fromMTConnect, fromOpcUaMachinery, fromPackML, MTC_EXECUTION, PACKML_STATES, STATE_TO_OEE, STATE_TO_SEMI_E10,
  type MachineryItemState, type MachineryOperationMode, type MtcObservation, type PackMLState, type PackMLUnitMode,
} from '../../src/live/stateMapping.ts';

describe('PackML states map onto the twin states', () => {
  const table: [PackMLState, PackMLUnitMode, string][] = [
    ['Execute', 'Production', 'processing'],
    ['Completing', 'Production', 'processing'],
    ['Idle', 'Production', 'idle'],
    ['Stopped', 'Production', 'idle'],
    ['Starting', 'Production', 'idle'],
    ['Stopping', 'Production', 'idle'],
    ['Resetting', 'Production', 'idle'],
    ['Complete', 'Production', 'idle'],
    ['Suspended', 'Production', 'starved'],
    ['Suspending', 'Production', 'starved'],
    ['Unsuspending', 'Production', 'starved'],
    ['Held', 'Production', 'down'],
    ['Holding', 'Production', 'down'],
    ['Unholding', 'Production', 'down'],
    ['Aborting', 'Production', 'down'],
    ['Aborted', 'Production', 'down'],
    ['Clearing', 'Production', 'down'],
    ['Execute', 'Maintenance', 'maintenance'],
    ['Idle', 'Maintenance', 'maintenance'],
    ['Execute', 'Manual', 'setup'],
    ['Aborted', 'Maintenance', 'down'],
    ['Aborting', 'Manual', 'down'],
  ];
  it.each(table)('%s in %s mode is %s', (state, mode, expected) => {
    expect(fromPackML(state, mode).state).toBe(expected);
  });

  it('every PackML state has a mapping', () => {
    for (const s of PACKML_STATES) expect(MACHINE_STATES).toContain(fromPackML(s).state);
  });

  it('a suspension caused downstream is blocked, with the PackML state as reason', () => {
    expect(fromPackML('Suspended', 'Production', 'downstream')).toEqual({ state: 'blocked', reason: 'PackML Suspended' });
  });
});

describe('MTConnect observations combine by precedence', () => {
  const auto = { availability: 'AVAILABLE', controllerMode: 'AUTOMATIC', emergencyStop: 'ARMED' };
  const table: [string, MtcObservation, string, string?][] = [
    ['ACTIVE in automatic', { ...auto, execution: 'ACTIVE' }, 'processing'],
    ['ACTIVE in semi-automatic', { ...auto, controllerMode: 'SEMI_AUTOMATIC', execution: 'ACTIVE' }, 'processing'],
    ['READY', { ...auto, execution: 'READY' }, 'idle'],
    ['INTERRUPTED', { ...auto, execution: 'INTERRUPTED' }, 'down', 'interrupted'],
    ['FEED_HOLD', { ...auto, execution: 'FEED_HOLD' }, 'down', 'feed hold'],
    ['STOPPED', { ...auto, execution: 'STOPPED' }, 'down', 'stopped'],
    ['OPTIONAL_STOP', { ...auto, execution: 'OPTIONAL_STOP' }, 'idle', 'optional stop'],
    ['PROGRAM_STOPPED', { ...auto, execution: 'PROGRAM_STOPPED' }, 'idle', 'program stopped'],
    ['PROGRAM_COMPLETED', { ...auto, execution: 'PROGRAM_COMPLETED' }, 'idle', 'program completed'],
    ['PROGRAM_OPTIONAL_STOP', { ...auto, execution: 'PROGRAM_OPTIONAL_STOP' }, 'idle', 'optional stop'],
    ['WAIT', { ...auto, execution: 'WAIT' }, 'starved', 'wait'],
    ['execution UNAVAILABLE', { ...auto, execution: 'UNAVAILABLE' }, 'unknown'],
    ['nothing reported', {}, 'unknown'],
    ['availability UNAVAILABLE beats everything', { ...auto, availability: 'UNAVAILABLE', emergencyStop: 'TRIGGERED', execution: 'ACTIVE' }, 'off', 'unavailable'],
    ['emergency stop beats execution and mode', { ...auto, emergencyStop: 'TRIGGERED', controllerMode: 'MANUAL', execution: 'ACTIVE' }, 'down', 'emergency stop'],
    ['a fault condition beats execution', { ...auto, execution: 'ACTIVE', faults: new Map([['servo_cond', 'X axis overload']]) }, 'down', 'X axis overload'],
    ['a fault without message is named by its data item', { ...auto, execution: 'READY', faults: new Map([['servo_cond', '']]) }, 'down', 'servo_cond'],
    ['MANUAL mode is setup even while ACTIVE', { ...auto, controllerMode: 'MANUAL', execution: 'ACTIVE' }, 'setup', 'mode MANUAL'],
    ['MANUAL_DATA_INPUT is setup', { ...auto, controllerMode: 'MANUAL_DATA_INPUT', execution: 'READY' }, 'setup', 'mode MANUAL_DATA_INPUT'],
    ['EDIT is setup', { ...auto, controllerMode: 'EDIT', execution: 'READY' }, 'setup', 'mode EDIT'],
    ['functional mode MAINTENANCE', { ...auto, functionalMode: 'MAINTENANCE', execution: 'ACTIVE' }, 'maintenance'],
    ['functional mode SETUP', { ...auto, functionalMode: 'SETUP', execution: 'ACTIVE' }, 'setup', 'setup'],
    ['functional mode PROCESS_DEVELOPMENT leaves execution to decide', { ...auto, functionalMode: 'PROCESS_DEVELOPMENT', execution: 'READY' }, 'idle'],
  ];
  it.each(table)('%s', (_name, observation, state, reason) => {
    const mapped = fromMTConnect(observation);
    expect(mapped.state).toBe(state);
    expect(mapped.reason).toBe(reason);
  });

  it('every Execution value has a mapping', () => {
    for (const e of MTC_EXECUTION) expect(fromMTConnect({ availability: 'AVAILABLE', execution: e }).state).not.toBe('unknown');
  });
});

describe('OPC UA Machinery item state and operation mode', () => {
  const table: [MachineryItemState, MachineryOperationMode, string][] = [
    ['Executing', 'None', 'processing'],
    ['Executing', 'Processing', 'processing'],
    ['Executing', 'Setup', 'setup'],
    ['Executing', 'Maintenance', 'maintenance'],
    ['NotExecuting', 'Processing', 'idle'],
    ['NotExecuting', 'Setup', 'setup'],
    ['NotExecuting', 'Maintenance', 'maintenance'],
    ['OutOfService', 'Processing', 'down'],
    ['OutOfService', 'Setup', 'down'],
    ['OutOfService', 'Maintenance', 'maintenance'],
    ['NotAvailable', 'Processing', 'off'],
    ['NotAvailable', 'Maintenance', 'off'],
  ];
  it.each(table)('%s in mode %s is %s', (item, mode, expected) => {
    expect(fromOpcUaMachinery(item, mode).state).toBe(expected);
  });
});

describe('SEMI E10 and OEE categories', () => {
  it('every state has a SEMI E10 state except unknown, and setup is scheduled downtime as E10 lists it', () => {
    for (const s of MACHINE_STATES) expect(STATE_TO_SEMI_E10[s] === undefined).toBe(s === 'unknown');
    expect(STATE_TO_SEMI_E10.setup).toBe('scheduled downtime');
    expect(STATE_TO_SEMI_E10.down).toBe('unscheduled downtime');
    expect(STATE_TO_SEMI_E10['off-shift']).toBe('non-scheduled');
  });

  it('only processing is operating time; planned stops and shifts are outside planned busy time', () => {
    expect(MACHINE_STATES.filter((s) => STATE_TO_OEE[s] === 'operating')).toEqual(['processing']);
    expect(MACHINE_STATES.filter((s) => STATE_TO_OEE[s] === 'excluded')).toEqual(['maintenance', 'off-shift', 'off']);
  });
});

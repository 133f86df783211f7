import { describe, expect, it } from 'vitest';
import { MACHINE_STATES } from '../../src/model/machineState.ts';
import { StateColumnsBuilder } from '../../src/live/stateColumns.ts';
import { createRecordingSource } from '../../src/playback/recordingSource.ts';
import { createTwinFrame } from '../../src/playback/stateSource.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const plant = await loadSamplePlant('kitchen-hardware');
const T0 = Date.parse('2026-11-30T06:00:20Z');
const at = (minutes: number) => T0 + minutes * 60_000;

function recording() {
  const b = new StateColumnsBuilder();
  // Out of file order on purpose: the source sorts each equipment's rows by time.
  b.push(at(30), 'LASER-01', { state: 'down', reason: 'nozzle' });
  b.push(at(0), 'LASER-01', { state: 'processing', order: 'O-1', operation: 'cut' });
  b.push(at(45), 'LASER-01', { state: 'processing' });
  b.push(at(10), 'PRESS-01', { state: 'setup', order: 'O-2' });
  b.push(at(12), 'PRESS-01', { good: 5 });
  b.push(at(20), 'PRESS-01', { operation: 'press' });
  b.push(at(60), 'NOT-IN-LAYOUT', { state: 'idle' });
  return b.build();
}

describe('recording as a twin state source', () => {
  const source = createRecordingSource(recording(), plant.layout, 'shift.csv');
  const frame = createTwinFrame(source);
  const laser = source.equipmentIds.indexOf('LASER-01');
  const press = source.equipmentIds.indexOf('PRESS-01');
  const weld = source.equipmentIds.indexOf('WELD-01');
  const name = (e: number) => MACHINE_STATES[frame.states[e]!];

  it('starts at the first event floored to the minute and spans to the last', () => {
    expect(source.startIso).toBe('2026-11-30T06:00:00.000Z');
    expect(source.horizon).toBeCloseTo(60 + 20 / 60, 9);
  });

  it('shows each equipment\'s last recorded state at or before the playhead, unknown before and for unnamed equipment', () => {
    const minute = (m: number) => m + 20 / 60;
    source.sample(minute(0) - 0.01, frame);
    expect([name(laser), name(press), name(weld)]).toEqual(['unknown', 'unknown', 'unknown']);
    source.sample(minute(0), frame);
    expect([name(laser), name(press)]).toEqual(['processing', 'unknown']);
    source.sample(minute(15), frame);
    expect([name(laser), name(press)]).toEqual(['processing', 'setup']);
    source.sample(minute(30), frame);
    expect(name(laser)).toBe('down');
    source.sample(minute(50), frame);
    expect([name(laser), name(press), name(weld)]).toEqual(['processing', 'setup', 'unknown']);
    expect(frame.partCount).toBe(0);
  });

  it('adds up time in state and knows the job from order and operation rows', () => {
    const out = new Float64Array(MACHINE_STATES.length);
    source.timeInState(laser, 50 + 20 / 60, out);
    expect(out[MACHINE_STATES.indexOf('unknown')]).toBeCloseTo(20 / 60, 9);
    expect(out[MACHINE_STATES.indexOf('processing')]).toBeCloseTo(35, 9);
    expect(out[MACHINE_STATES.indexOf('down')]).toBeCloseTo(15, 9);
    expect(source.activity!(press, 25)).toEqual({ order: 'O-2', operation: 'press' });
    expect(source.activity!(press, 15)).toEqual({ order: 'O-2' });
    expect(source.activity!(weld, 15)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { liveStatusText, stalenessOf } from '../../src/state/liveConnection.ts';
import { LiveHistory } from '../../src/live/liveHistory.ts';
import { LiveStates } from '../../src/live/liveStates.ts';
import { MACHINE_STATES } from '../../src/model/machineState.ts';
import { createLiveSource } from '../../src/playback/liveSource.ts';
import { createTwinFrame, FRAME_STALE } from '../../src/playback/stateSource.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const plant = await loadSamplePlant('kitchen-hardware');

describe('live states as a twin state source', () => {
  it('shows the newest state; stale, it keeps its last state flagged; never heard, unknown', () => {
    const live = new LiveStates({ expectedPeriodMs: 1000, staleFactor: 2 });
    const source = createLiveSource(live, plant.layout, 'live', '2026-11-30T06:00:00Z');
    const frame = createTwinFrame(source);
    const laser = source.equipmentIds.indexOf('LASER-01');
    const press = source.equipmentIds.indexOf('PRESS-01');
    const shown = (e: number) => { source.sample(0, frame); return `${MACHINE_STATES[frame.states[e]!]}${frame.flags[e] === FRAME_STALE ? ' (stale)' : ''}`; };
    const startMs = Date.parse('2026-11-30T06:00:00Z');
    live.offer('LASER-01', JSON.stringify({ ts: startMs + 5000, state: 'down', reason: 'jam', order: 'O-1' }), startMs + 10_000, 't');
    expect([shown(laser), shown(press)]).toEqual(['down', 'unknown']);
    expect(source.activity!(laser, 0)).toEqual({ order: 'O-1', reason: 'jam' });
    expect(source.stateSince!(laser, 0)).toBeCloseTo(5 / 60, 9);
    expect(source.stateSince!(press, 0)).toBeUndefined();
    expect(source.queues).toBe(false);
    live.checkStale(startMs + 12_500);
    expect(source.isStale(laser)).toBe(true);
    expect(shown(laser)).toBe('down (stale)');
    live.offer('LASER-01', JSON.stringify({ ts: startMs + 6000, state: 'processing' }), startMs + 13_000, 't');
    expect(shown(laser)).toBe('processing');
  });

  it('sums time in state since connect from the history, whatever the playhead', () => {
    const history = new LiveHistory(0);
    const live = new LiveStates({ expectedPeriodMs: 60_000, staleFactor: 5, history });
    let now = 0;
    const source = createLiveSource(live, plant.layout, 'live', '1970-01-01T00:00:00Z', history, () => now);
    const laser = source.equipmentIds.indexOf('LASER-01');
    live.offer('LASER-01', JSON.stringify({ ts: 60_000, state: 'processing' }), 60_000, 't');
    live.offer('LASER-01', JSON.stringify({ ts: 240_000, state: 'down' }), 240_000, 't');
    now = 300_000;
    const out = new Float64Array(MACHINE_STATES.length);
    source.timeInState(laser, 0, out);
    const minutes = (s: string) => out[MACHINE_STATES.indexOf(s as never)];
    expect([minutes('unknown'), minutes('processing'), minutes('down')]).toEqual([1, 3, 1]);
    source.timeInState(source.equipmentIds.indexOf('PRESS-01'), 0, out);
    expect(out.every((m) => m === 0)).toBe(true);
  });

  it('reads the stale threshold from the form only when both numbers are positive', () => {
    expect(stalenessOf({ periodS: '60', staleFactor: '5' })).toEqual({ expectedPeriodMs: 60_000, staleFactor: 5 });
    expect(stalenessOf({ periodS: '0.5', staleFactor: '2.5' })).toEqual({ expectedPeriodMs: 500, staleFactor: 2.5 });
    expect([stalenessOf({ periodS: '', staleFactor: '5' }), stalenessOf({ periodS: '60', staleFactor: '-1' }), stalenessOf({ periodS: 'x', staleFactor: '5' })]).toEqual([undefined, undefined, undefined]);
  });

  it('words the connection status, counting down to the next attempt', () => {
    expect(liveStatusText({ phase: 'waiting', retryAt: 10_400, now: 8_000 })).toBe('reconnecting in 3 s');
    expect(liveStatusText({ phase: 'connected', retryAt: undefined, now: 0 })).toBe('connected');
    expect(liveStatusText({ phase: 'stopped', retryAt: undefined, now: 0 })).toBe('disconnected');
  });
});

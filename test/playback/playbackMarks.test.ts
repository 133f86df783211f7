import { describe, expect, it } from 'vitest';
import { nextMark, playbackStart, shiftStarts } from '../../src/playback/playbackMarks.ts';
import { createTraceSource } from '../../src/playback/traceSource.ts';
import { createRecordingSource } from '../../src/playback/recordingSource.ts';
import { columnsOf } from '../../src/live/stateColumns.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const plant = await loadSamplePlant('kitchen-hardware');
const scenario = plant.scenario!;

describe('where playback starts, and the next event and next shift', () => {
  it('a simulation trace starts at the first shift, not in the night before it', () => {
    const result = simulatePlant(plant, { trace: true, seed: 1, horizon: 3 * 1440 });
    const source = createTraceSource(result.trace!, plant.layout, { label: 't', startIso: scenario.start, horizon: result.horizon });
    const shifts = shiftStarts(scenario, source);
    const calendar = scenario.calendars.find((c) => c.id === scenario.equipmentCalendars.default)!;
    const firstShift = calendar.shifts.map((s) => Number(s.start.slice(0, 2)) * 60 + Number(s.start.slice(3))).sort((a, b) => a - b)[0]!;
    expect(shifts[0]).toBe(firstShift);
    expect(playbackStart(source, shifts)).toBe(firstShift);
    expect(nextMark(shifts, shifts[0]!)).toBeGreaterThan(shifts[0]!);
    expect(shifts.every((m, i) => i === 0 || m > shifts[i - 1]!)).toBe(true);
    // Next event: the next state change of any machine, strictly later.
    const next = source.nextEvent!(firstShift)!;
    expect(next).toBeGreaterThan(firstShift);
    const ids = source.equipmentIds;
    const changed = ids.some((_, e) => source.stateSince!(e, next) === next);
    expect(changed).toBe(true);
  });

  it('a recording from another year is not on the calendar: it starts at its first state change', () => {
    const columns = columnsOf([
      { ts: '2022-08-08T13:51:00Z', equipment: 'LASER-01', state: 'idle' },
      { ts: '2022-08-08T13:55:30Z', equipment: 'LASER-01', state: 'down', reason: 'feed hold' },
      { ts: '2022-08-08T14:10:00Z', equipment: 'LASER-01', state: 'processing' },
    ]);
    const source = createRecordingSource(columns, plant.layout, 'r');
    expect(shiftStarts(scenario, source)).toEqual([]);
    expect(playbackStart(source, [])).toBe(0);
    expect(source.nextEvent!(0)).toBe(4.5);
    const laser = source.equipmentIds.indexOf('LASER-01');
    expect(source.activity!(laser, 10)).toEqual({ reason: 'feed hold' });
    expect(source.stateSince!(laser, 10)).toBe(4.5);
    expect(source.nextEvent!(19)).toBeUndefined();
  });
});

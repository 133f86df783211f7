import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planFromHere } from '../../src/live/fromHere.ts';
import { loadRecordingMappingText, mappedColumns, mappingOf, matchRecording, observedCoverage } from '../../src/live/recordingMapping.ts';
import { indexRecording, knownStateSpan } from '../../src/live/recordingIndex.ts';
import { readRecording } from '../../src/live/recordingStream.ts';
import { observedInRecording } from '../../src/live/snapshot.ts';
import { stateCode } from '../../src/live/stateColumns.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const LAYOUT = ['LASER-01', 'PB-01', 'WELD-01'];

describe('recorded devices matched to layout equipment', () => {
  it('by the same id, or by the mapping, which wins; the rest listed as not in the layout', () => {
    const m = matchRecording(['okuma', 'PB-01', 'mazak', 'WELD-01'], LAYOUT, { okuma: 'LASER-01' });
    expect(m.matched).toEqual([
      { recorded: 'okuma', equipment: 'LASER-01', by: 'mapping' },
      { recorded: 'PB-01', equipment: 'PB-01', by: 'same id' },
      { recorded: 'WELD-01', equipment: 'WELD-01', by: 'same id' },
    ]);
    expect(m.unmapped).toEqual(['mazak']);
    expect(m.withoutData).toEqual([]);
    expect(m.problems).toEqual([]);
    expect(mappingOf(m, 'shift.txt')).toEqual({ recording: 'shift.txt', equipment: { okuma: 'LASER-01' } });
  });

  it('a device sent to another machine frees its own id; nothing matched lists every machine without data', () => {
    const m = matchRecording(['LASER-01'], LAYOUT, { 'LASER-01': 'WELD-01' });
    expect(m.matched).toEqual([{ recorded: 'LASER-01', equipment: 'WELD-01', by: 'mapping' }]);
    expect(m.withoutData).toEqual(['LASER-01', 'PB-01']);
    expect(matchRecording(['okuma'], LAYOUT).withoutData).toEqual(LAYOUT);
  });

  it('refuses a mapping that names unknown equipment or gives one machine two devices; warns of devices the recording lacks', () => {
    const m = matchRecording(['okuma', 'mazak', 'PB-01', 'OKUMA.123456'], LAYOUT, { okuma: 'LASER-1', mazak: 'PB-01', 'OKUMA.123456': 'WELD-01', ghost: 'WELD-01' }, 'map.json');
    expect(m.problems).toEqual([
      { file: 'map.json', path: 'equipment.okuma', expected: 'the id of equipment in the layout', found: '"LASER-1"' },
      expect.objectContaining({ file: 'map.json', path: 'equipment.mazak', expected: 'one device for equipment PB-01', found: 'both "mazak" and "PB-01"' }),
    ]);
    expect(m.warnings).toEqual([expect.objectContaining({ path: 'equipment.ghost', expected: 'a device of this recording' })]);
    expect(m.matched.map((x) => x.recorded)).toEqual(['mazak', 'OKUMA.123456']);
    expect(() => mappedColumns({ equipmentIds: [] } as never, m)).toThrow(/problems/);
    // Keys that are not plain names are quoted in the path.
    expect(matchRecording(['OKUMA.123456'], LAYOUT, { 'OKUMA.123456': 'nope' }).problems[0]!.path).toBe('equipment["OKUMA.123456"]');
  });

  it('renames the devices in the columns without copying the data', async () => {
    const read = await readRecording(new Blob(['time,equipment,field,value\n2026-11-30T06:00:00Z,okuma,state,down\n2026-11-30T06:00:00Z,PB-01,state,idle\n']), { name: 'r.csv' });
    const columns = mappedColumns(read.columns, matchRecording(read.columns.equipmentIds, LAYOUT, { okuma: 'LASER-01' }));
    expect(columns.equipmentIds).toEqual(['LASER-01', 'PB-01']);
    expect(columns.time).toBe(read.columns.time);
  });
});

describe('mapping files', () => {
  it('loads a valid file', () => {
    const loaded = loadRecordingMappingText('{"recording":"okuma.txt","equipment":{"okuma":"LASER-01"}}', 'm.json');
    expect(loaded).toEqual({ ok: true, value: { recording: 'okuma.txt', equipment: { okuma: 'LASER-01' } }, warnings: [] });
  });

  it.each([
    ['', '', 'a JSON object'],
    ['{"equipment":', 'line 1 column 14', 'valid JSON'],
    ['[]', '', 'object'],
    ['{}', 'equipment', 'object'],
    ['{"equipment":{"okuma":"LASER 01"}}', 'equipment.okuma', 'an id'],
    ['{"equipment":{"okuma":7}}', 'equipment.okuma', 'text'],
    ['{"equipment":{}, "devices":{}}', 'devices', ''],
    ['{"equipment":{"":"LASER-01"}}', 'equipment', ''],
  ])('refuses %j with a problem at %j', (text, path, expected) => {
    const loaded = loadRecordingMappingText(text, 'm.json');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems[0]).toMatchObject({ file: 'm.json' });
    expect(loaded.problems[0]!.path).toContain(path);
    expect(loaded.problems[0]!.expected).toContain(expected);
  });
});

describe('simulate from here needs enough of the plant observed', () => {
  const observed = (ids: string[]) => ids.map((id) => ({ id, state: 'idle' as const }));

  it('refuses with nothing matched, saying which devices are not in the layout', () => {
    const c = observedCoverage(LAYOUT, observed(['okuma']), 'T', 1, ['okuma']);
    expect(c).toMatchObject({ ok: false, withData: [], withoutData: LAYOUT });
    expect(c.reason).toBe("no equipment of the layout has recorded data: the recording's device okuma is not in the layout; map it to equipment first");
  });

  it('counts only known states, and takes a minimum', () => {
    expect(observedCoverage(LAYOUT, [{ id: 'PB-01', state: 'unknown' }], 'T').reason).toBe('no equipment of the layout has a known state at T');
    expect(observedCoverage(LAYOUT, observed(['PB-01']), 'T')).toMatchObject({ ok: true, withData: ['PB-01'], withoutData: ['LASER-01', 'WELD-01'] });
    expect(observedCoverage(LAYOUT, observed(['PB-01']), 'T', 2).reason).toBe('only 1 of 3 pieces of equipment have a known state at T; at least 2 are needed');
    expect(observedCoverage(LAYOUT, observed(LAYOUT), 'T', 99).ok).toBe(true);
  });

  it('the Okuma log mapped onto a machine of the sample plant: its last known state starts the run at the scenario start', async () => {
    const plant = await loadSamplePlant('kitchen-hardware');
    const read = await readRecording(createReadStream(new URL('../../../shared/datasets/mtconnect/okuma.txt', import.meta.url)), { name: 'okuma.txt' });
    expect(read.columns.equipmentIds).toEqual(['okuma']);
    const unmatched = matchRecording(read.columns.equipmentIds, plant.layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment.map((e) => e.id)))));
    expect(unmatched.unmapped).toEqual(['okuma']);
    const match = matchRecording(read.columns.equipmentIds, unmatched.withoutData, { okuma: 'LASER-01' });
    const index = indexRecording(mappedColumns(read.columns, match));
    const span = knownStateSpan(index, stateCode('unknown'));
    // Three concatenated sessions; the last ends "unknown, end of recording" at 14:30:19.672.
    expect(new Date(span.first).toISOString()).toBe('2022-08-08T13:37:18.850Z');
    expect(new Date(span.last).toISOString()).toBe('2022-08-08T14:30:19.671Z');
    const at = new Date(span.last).toISOString();
    const refused = planFromHere(plant.scenario!, plant.layout, observedInRecording(indexRecording(read.columns), span.last), at, { hours: 8, unmapped: ['okuma'] });
    expect(refused.ok).toBe(false);
    const plan = planFromHere(plant.scenario!, plant.layout, observedInRecording(index, span.last), at, { hours: 8 });
    if (!plan.ok) throw new Error(plan.coverage.reason);
    expect(plan.snapshot.equipment).toEqual([{ id: 'LASER-01', state: 'idle' }]);
    expect(plan.coverage.withoutData).toHaveLength(24);
    expect(plan.notes[0]).toContain("is before the scenario's start 2026-11-30T00:00:00Z");
    expect(plan.scenario.experiment.horizon).toBe(8 * 60);
  });
});

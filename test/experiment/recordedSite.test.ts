import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileResolver } from '../../src/experiment/loadExperiment.ts';
import { loadNetworkText } from '../../src/experiment/loadNetwork.ts';
import { mappedColumns, matchRecording } from '../../src/live/recordingMapping.ts';
import { readRecordingText } from '../../src/live/recordingStream.ts';
import { stateKpis } from '../../src/live/stateTimeline.ts';
import { formatProblem } from '../../src/model/problem.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** Files on disk from the repository root (../shared beside it), plus files held in memory. */
const resolver = (memory: Record<string, string>): FileResolver => async (ref, from) => {
  const file = path.join(path.dirname(from), ref);
  if (memory[file] !== undefined) return { text: memory[file], file };
  try {
    return { text: readFileSync(path.join(root, file), 'utf8'), file };
  } catch {
    return undefined;
  }
};
const OKUMA = '../../shared/datasets/mtconnect/okuma.txt';
const base = { format: 'plant-twin/network', version: 1, id: 'n', name: 'N' };
const site = (id: string, extra: object = {}) => ({ id, name: id, timeZone: 'Europe/London', scenario: '../scenarios/kitchen-hardware-week.json', ...extra });
const network = (...sites: object[]) => JSON.stringify({ ...base, sites });

// Laser: processing 06:00–06:30, down 06:30–06:40 (10 min), processing to 07:00; 45 good and 5 scrap made.
// Availability 50/60, performance 54 s × 50 / 50 min = 0.9, quality 0.9: OEE 0.675. "press-9" is in no layout.
const CSV = [
  'time,equipment,field,value',
  '2026-11-30T06:00:00Z,LASER-01,state,processing', '2026-11-30T06:00:00Z,LASER-01,good,100', '2026-11-30T06:00:00Z,LASER-01,scrap,0',
  '2026-11-30T06:30:00Z,LASER-01,state,down', '2026-11-30T06:40:00Z,LASER-01,state,processing',
  '2026-11-30T07:00:00Z,LASER-01,state,idle', '2026-11-30T07:00:00Z,LASER-01,good,145', '2026-11-30T07:00:00Z,LASER-01,scrap,5',
  '2026-11-30T05:00:00Z,press-9,state,down', '2026-11-30T09:00:00Z,press-9,state,processing',
].join('\n') + '\n';

describe('recorded sites of a network', () => {
  it('sums a recording by the live/recorded KPI code, leaving out devices the layout lacks', async () => {
    const loaded = await loadNetworkText(network(site('sim'), site('rec', { recording: 'laser.csv', idealCycleSeconds: { 'LASER-01': 54 } })),
      'networks/n.json', resolver({ 'networks/laser.csv': CSV }));
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    expect(loaded.value.sites[0]!.recorded).toBeUndefined();
    const rec = loaded.value.sites[1]!.recorded!;
    expect(rec.unmapped).toEqual(['press-9']);
    expect(rec.kpis.equipment.map((e) => e.equipment)).toEqual(['LASER-01']);
    expect(rec.kpis.t1 - rec.kpis.t0).toBe(3_600_000);
    expect(rec.kpis.timeInState.down).toBe(600_000);
    expect(rec.kpis.availability).toBeCloseTo(50 / 60, 12);
    expect(rec.kpis.performance).toBeCloseTo(0.9, 12);
    expect(rec.kpis.quality).toBeCloseTo(0.9, 12);
    expect(rec.kpis.oee).toBeCloseTo(0.675, 12);
  });

  it('gives the OEE stateKpis gives on the MTConnect dataset, through a mapping file', async () => {
    const mapping = JSON.stringify({ equipment: { okuma: 'LASER-01' } });
    const loaded = await loadNetworkText(network(site('rec', { recording: OKUMA, recordingMapping: 'okuma-map.json', idealCycleSeconds: 120 })),
      'networks/n.json', resolver({ 'networks/okuma-map.json': mapping }));
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const rec = loaded.value.sites[0]!.recorded!;
    expect(rec.format).toBe('shdr');
    expect(rec.matched).toEqual([{ recorded: 'okuma', equipment: 'LASER-01', by: 'mapping' }]);

    const file = path.join(root, 'networks', OKUMA);
    const read = readRecordingText(readFileSync(file, 'utf8'), { name: 'okuma.txt' });
    const columns = mappedColumns(read.columns, matchRecording(read.columns.equipmentIds, ['LASER-01'], { okuma: 'LASER-01' }));
    const times = Array.from(columns.time);
    const direct = stateKpis(columns, { t0: Math.min(...times), t1: Math.max(...times), idealCycleMs: 120_000 });
    expect(rec.events).toBe(read.events);
    expect(rec.kpis).toEqual(direct);
    expect(rec.kpis.availability).toBeGreaterThan(0);
    expect(rec.kpis.timeInState.processing).toBeGreaterThan(0);
  });

  const table: [string, object, Record<string, string>, RegExp][] = [
    ['a missing recording', { recording: 'gone.csv' }, {}, /sites\[0\]\.recording: expected the path of a machine-state recording.*found "gone.csv", but there is no such file/],
    ['a recording with a bad line', { recording: 'bad.csv' }, { 'networks/bad.csv': 'time,equipment,field,value\n2026-11-30T06:00:00Z,LASER-01,state,flying\n' }, /sites\[0\]\.recording \(site "a"\), networks\/bad.csv: line 2/],
    ['a recording of no equipment of the layout', { recording: 'other.csv' }, { 'networks/other.csv': 'time,equipment,field,value\n2026-11-30T06:00:00Z,press-9,state,down\n' }, /sites\[0\]\.recording: expected a recording of equipment of this site's layout, found devices press-9/],
    ['a mapping to equipment the layout lacks', { recording: OKUMA, recordingMapping: 'm.json' }, { 'networks/m.json': '{"equipment":{"okuma":"NOPE-01"}}' }, /sites\[0\]\.recordingMapping \(site "a"\), networks\/m.json: equipment.okuma: expected the id of equipment in the layout/],
    ['a missing mapping file', { recording: OKUMA, recordingMapping: 'none.json' }, {}, /sites\[0\]\.recordingMapping: expected the path of a recording mapping file/],
    ['an ideal cycle for unknown equipment', { recording: 'laser.csv', idealCycleSeconds: { NOPE: 5 } }, { 'networks/laser.csv': CSV }, /sites\[0\]\.idealCycleSeconds\.NOPE: expected the id of equipment/],
  ];
  it.each(table)('refuses %s, naming the place', async (_, extra, memory, message) => {
    const loaded = await loadNetworkText(network(site('a', extra)), 'networks/n.json', resolver(memory));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map(formatProblem).join('\n')).toMatch(message);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDevicesXml } from '../../src/live/mtconnectDevices.ts';
import { END_OF_RECORDING, ShdrReader, type ShdrChange } from '../../src/live/shdr.ts';
import { isoToMs, StateColumnsBuilder } from '../../src/live/stateColumns.ts';
import { stateKpis } from '../../src/live/stateTimeline.ts';

const DATASET = new URL('../../../shared/datasets/mtconnect/', import.meta.url);

function replay(lines: string[], dataItems?: ReturnType<typeof readDevicesXml>[number]['dataItems']) {
  const changes: [string, ShdrChange][] = [];
  const reader = new ShdrReader({ equipment: 'm', ...(dataItems ? { dataItems } : {}) }, (t, c) => changes.push([new Date(t).toISOString(), c]));
  const bad = lines.map((l, i) => [i + 1, reader.line(l)] as const).filter(([, p]) => p);
  reader.finish();
  return { changes, bad, reader };
}

describe('SHDR lines', () => {
  it('combines execution, mode and emergency stop by precedence, reporting only changes', () => {
    const { changes, bad } = replay([
      '2024-01-01T00:00:00.0000000Z|avail|AVAILABLE|mode|AUTOMATIC|estop|ARMED|execution|READY|part_count|10',
      '2024-01-01T00:00:01Z|execution|ACTIVE|Xact|12.5',
      '2024-01-01T00:00:02Z|Xact|13.5',
      '2024-01-01T00:00:03Z|estop|TRIGGERED',
      '2024-01-01T00:00:04Z|estop|ARMED|mode|MANUAL',
      '2024-01-01T00:00:05Z|mode|AUTOMATIC|part_count|11',
      '2024-01-01T00:00:06Z|avail|UNAVAILABLE',
    ]);
    expect(bad).toEqual([]);
    expect(changes).toEqual([
      ['2024-01-01T00:00:00.000Z', { state: 'idle', good: 10 }],
      ['2024-01-01T00:00:01.000Z', { state: 'processing' }],
      ['2024-01-01T00:00:03.000Z', { state: 'down', reason: 'emergency stop' }],
      ['2024-01-01T00:00:04.000Z', { state: 'setup', reason: 'mode MANUAL' }],
      ['2024-01-01T00:00:05.000Z', { state: 'processing', good: 11 }],
      ['2024-01-01T00:00:06.000Z', { state: 'off', reason: 'unavailable' }],
      ['2024-01-01T00:00:06.000Z', { state: 'unknown', reason: END_OF_RECORDING }],
    ]);
  });

  it('a FAULT condition makes the machine down until a NORMAL clears it', () => {
    const { changes } = replay([
      '2024-01-01T00:00:00Z|avail|AVAILABLE|execution|ACTIVE',
      '2024-01-01T00:00:01Z|servo_cond|FAULT|2001|1|HIGH|X axis overtravel',
      '2024-01-01T00:00:02Z|servo_cond|WARNING|2002||LOW|temperature',
      '2024-01-01T00:00:03Z|servo_cond|NORMAL||||',
    ]);
    expect(changes.map(([, c]) => c.state)).toEqual(['processing', 'down', 'processing', 'unknown']);
    expect(changes[1]![1].reason).toBe('X axis overtravel');
  });

  it('skips asset documents, multiline bodies and protocol commands', () => {
    const { changes, bad, reader } = replay([
      '* shdrVersion: 2',
      '2024-01-01T00:00:00Z|execution|READY',
      '2023-12-31T10:00:00Z|@ASSET@|T1|CuttingTool|--multiline--XYZ',
      '<CuttingTool toolId="1">|not|a|data|line',
      '--multiline--XYZ',
      '2024-01-01T00:00:01Z|@REMOVE_ASSET@|T1',
      '2024-01-01T00:00:02Z|execution|ACTIVE',
    ]);
    expect(bad).toEqual([]);
    expect(reader.stats.assets).toBe(1);
    expect(reader.stats.segments).toBe(1);
    expect(changes.map(([t, c]) => [t.slice(17, 19), c.state])).toEqual([['00', 'idle'], ['02', 'processing'], ['02', 'unknown']]);
  });

  it('reports a bad line and leaves the state as it was', () => {
    const { changes, bad } = replay([
      '2024-01-01T00:00:00Z|execution|READY',
      'yesterday|execution|ACTIVE',
      '2024-01-01T00:00:01Z|execution|ACTIVE|mode',
      '2024-01-01T00:00:02Z|system|FAULT|1',
    ]);
    expect(bad.map(([line, problems]) => [line, problems![0]!.expected])).toEqual([
      [2, 'a SHDR line: an ISO 8601 UTC timestamp, then |key|value pairs'],
      [3, 'a value after the key'],
      [4, 'a condition: key|level|nativeCode|nativeSeverity|qualifier|message'],
    ]);
    expect(changes.map(([, c]) => c.state)).toEqual(['idle', 'unknown']);
  });

  it('a backward clock jump starts a new segment: the old one ends unknown, the new one states everything again', () => {
    const { changes, reader } = replay([
      '2024-01-01T10:00:00Z|execution|ACTIVE|part_count|5',
      '2024-01-01T10:00:00.900Z|execution|READY',
      '2024-01-01T10:00:00.800Z|Xact|1',
      '2024-01-01T09:00:00Z|execution|READY|part_count|5',
    ]);
    expect(reader.stats.segments).toBe(2);
    expect(changes).toEqual([
      ['2024-01-01T10:00:00.000Z', { state: 'processing', good: 5 }],
      ['2024-01-01T10:00:00.900Z', { state: 'idle' }],
      ['2024-01-01T10:00:00.900Z', { state: 'unknown', reason: END_OF_RECORDING }],
      ['2024-01-01T09:00:00.000Z', { state: 'idle', good: 5 }],
      ['2024-01-01T09:00:00.000Z', { state: 'unknown', reason: END_OF_RECORDING }],
    ]);
  });
});

describe('the Okuma MULTUS U3000 recording (mtconnect/cppagent demo, Apache-2.0)', () => {
  const devices = readDevicesXml(readFileSync(new URL('Devices.xml', DATASET), 'utf8'));
  const okuma = devices.find((d) => d.name === 'OKUMA')!;
  const lines = readFileSync(new URL('okuma.txt', DATASET), 'utf8').split(/\r?\n/);

  it('Devices.xml names the Okuma data items the log uses', () => {
    expect(devices.map((d) => d.name)).toEqual(['OKUMA', 'Mazak']);
    expect(okuma.dataItems.get('pexecution')).toEqual({ type: 'EXECUTION', category: 'EVENT' });
    expect(okuma.dataItems.get('HydraulicSystem1_cond')?.category).toBe('CONDITION');
  });

  it('replays without a bad line: three recordings, four finished parts, 22.6 min processing', () => {
    const b = new StateColumnsBuilder();
    const reader = new ShdrReader({ equipment: 'okuma', dataItems: okuma.dataItems }, (t, c) => b.push(t, 'okuma', c));
    const bad = lines.filter((l) => reader.line(l) !== undefined);
    reader.finish();
    expect(bad).toEqual([]);
    expect(reader.stats.segments).toBe(3);
    expect(reader.stats.assets).toBe(118);
    expect([...reader.stats.unknownKeys]).toEqual(['ApplicationInstallDate']);
    const columns = b.build();
    const kpis = stateKpis(columns, { t0: isoToMs('2022-08-08T13:37:18.850Z'), t1: isoToMs('2022-08-08T14:30:19.672Z') });
    const m = kpis.equipment[0]!;
    // Cycles: 13:37:22-13:47:27, 13:51:36-13:54:43, 13:57:44-13:58:01, 14:21:10-14:30:19.
    expect(m.timeInState.processing / 1000).toBeCloseTo(1357.4, 0);
    expect(m.timeInState.idle / 1000).toBeCloseTo(262.6, 0);
    expect(m.timeInState.unknown / 1000).toBeCloseTo(1560.8, 0);
    expect(m.timeInState.down).toBe(0);
    expect(m.good).toBe(4);
    expect(m.availability).toBeCloseTo(0.838, 3);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRecording, recordingFormat, type RecordingProgress } from '../../src/live/recordingStream.ts';
import { NO_STATE, stateOfCode } from '../../src/live/stateColumns.ts';
import { stateKpis } from '../../src/live/stateTimeline.ts';
import { parseStateCsv } from '../../src/model/stateCsv.ts';
import { parseStateJsonLines } from '../../src/model/stateJsonLines.ts';

const DATASET = new URL('../../../shared/datasets/mtconnect/', import.meta.url);
const STATES = ['processing', 'idle', 'down', 'setup'] as const;

/** Bytes of `text` in chunks of `size`, cutting lines, \r\n pairs and multi-byte characters anywhere. */
function chunked(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
      }
    },
  });
}

function jsonLines(n: number, badEvery: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % badEvery === badEvery - 1) lines.push('{"ts":"not a time","equipment":"m1","state":"idle"}');
    else lines.push(JSON.stringify({ ts: 1_700_000_000_000 + i * 1000, equipment: `m${i % 500}`, state: STATES[i % 4], good: i >> 2 }));
  }
  return lines.join('\n');
}

describe('streaming a recording into columns', () => {
  it('200,000 JSON lines become typed columns of about 50 bytes an event; bad lines counted, the first hundred listed by number', async () => {
    const text = jsonLines(200_000, 1000);
    const progress: RecordingProgress[] = [];
    const r = await readRecording(chunked(text, 65_536), { name: 'shift.jsonl', onProgress: (p) => progress.push(p), progressEvery: 1 << 20 });
    expect(r.complete).toBe(true);
    expect(r.format).toBe('jsonl');
    expect(r.lines).toBe(200_000);
    expect(r.badLines).toBe(200);
    expect(r.columns.length).toBe(199_800);
    expect(r.columns.time).toBeInstanceOf(Float64Array);
    expect(r.columns.equipment).toBeInstanceOf(Uint16Array);
    expect(r.columns.state).toBeInstanceOf(Uint8Array);
    expect(r.columns.equipmentIds).toHaveLength(500);
    const bytesPerEvent = [r.columns.time, r.columns.equipment, r.columns.state, r.columns.reason, r.columns.order, r.columns.operation, r.columns.good, r.columns.scrap]
      .reduce((a, c) => a + c.byteLength, 0) / r.columns.length;
    expect(bytesPerEvent).toBeLessThanOrEqual(50);
    expect(r.problems[0]).toMatchObject({ file: 'shift.jsonl', path: 'line 1000: ts' });
    expect(r.problems.at(-1)!.found).toBe('100 more bad lines, not listed');
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toMatchObject({ bytes: new TextEncoder().encode(text).length, lines: 200_000, events: 199_800, badLines: 200 });
    expect(stateOfCode(r.columns.state[1]!)).toBe('idle');
    expect(r.columns.good[7]).toBe(1);
  });

  it('gives the same events and line numbers as the whole-file parsers, whatever the chunk size', async () => {
    const csv = '\uFEFFtime,equipment,field,value\r\n2026-11-30T06:00:00Z,saege-1,state,processing\r\n2026-11-30T06:00:00Z,saege-1,reason,"Späne, viele"\r\nbad line\r\n'
      + '2026-11-30T06:05:00Z,saege-1,state,down\r\n2026-11-30T06:05:00Z,saege-1,good,12\r\n';
    const whole = parseStateCsv(csv, 'r.csv');
    for (const size of [1, 2, 3, 7, 64, 4096]) {
      const r = await readRecording(chunked(csv, size), { name: 'r.csv' });
      expect(r.badLines).toBe(1);
      expect(r.problems).toEqual(whole.problems);
      expect(r.columns.length).toBe(whole.events.length);
      expect(r.columns.texts).toContain('Späne, viele');
    }
    expect(whole.events).toHaveLength(2);
  });

  it('JSON lines: the same problems as the whole-file parser', async () => {
    const text = '{"ts":1,"equipment":"a","state":"idle"}\n{"ts":2,"equipment":"a","state":"dwon"}\n{"ts":3, "equipment":\n';
    const r = await readRecording(chunked(text, 5), { name: 'r.jsonl' });
    expect(r.problems).toEqual(parseStateJsonLines(text, 'r.jsonl').problems);
    expect(r.columns.length).toBe(1);
  });

  it('a stream that fails midway is reported as incomplete, with the line reached', async () => {
    let sent = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 3) controller.enqueue(new TextEncoder().encode('{"ts":1,"equipment":"a","state":"idle"}\n'));
        else controller.error(new Error('disk gone'));
      },
    });
    const r = await readRecording(failing, { name: 'r.jsonl' });
    expect(r.complete).toBe(false);
    expect(r.columns.length).toBe(3);
    expect(r.problems.at(-1)).toMatchObject({ path: 'line 3', expected: 'the whole file' });
    expect(r.problems.at(-1)!.found).toContain('disk gone');
  });

  it('cancelling stops reading and says so', async () => {
    const controller = new AbortController();
    const r = await readRecording(chunked(jsonLines(10_000, 1e9), 4096), {
      name: 'r.jsonl', signal: controller.signal, progressEvery: 4096, onProgress: () => controller.abort(),
    });
    expect(r.complete).toBe(false);
    expect(r.problems.at(-1)!.found).toBe('reading cancelled here');
    expect(r.columns.length).toBeLessThan(10_000);
  });

  it('picks the format by extension, else by the first line', () => {
    expect(recordingFormat('a.CSV', '{')).toBe('csv');
    expect(recordingFormat('okuma.txt', 'time,equipment')).toBe('shdr');
    expect(recordingFormat('export', '\uFEFF{"ts":1}')).toBe('jsonl');
    expect(recordingFormat('export', '2024-01-01T00:00:00Z|avail|AVAILABLE')).toBe('shdr');
    expect(recordingFormat('export', 'time,equipment,field,value')).toBe('csv');
  });

  it('streams the Okuma SHDR log from a Blob with its Devices.xml', async () => {
    const blob = new Blob([readFileSync(new URL('okuma.txt', DATASET))]);
    const devicesXml = readFileSync(new URL('Devices.xml', DATASET), 'utf8');
    const r = await readRecording(blob, { name: 'okuma.txt', devicesXml, device: 'OKUMA', equipment: 'lathe-1', progressEvery: 100_000 });
    expect(r.complete).toBe(true);
    expect(r.format).toBe('shdr');
    expect(r.lines).toBe(10_770);
    expect(r.badLines).toBe(0);
    expect(r.columns.equipmentIds).toEqual(['lathe-1']);
    const states = Array.from(r.columns.state).filter((s) => s !== NO_STATE).map(stateOfCode);
    expect(states.filter((s) => s === 'processing')).toHaveLength(4);
    let t0 = Infinity;
    let t1 = -Infinity;
    for (const t of r.columns.time) { t0 = Math.min(t0, t); t1 = Math.max(t1, t); }
    expect(stateKpis(r.columns, { t0, t1 }).equipment[0]!.good).toBe(4);
  });

  it('a line longer than the limit streams by in pieces, is counted bad with its length, and the next line is read', async () => {
    const long = `2026-11-30T06:00:00Z,m1,reason,"${'x'.repeat(300_000)}`;
    const csv = `time,equipment,field,value\n${long}\n2026-11-30T06:01:00Z,m1,state,down\n`;
    for (const size of [4096, 65_536]) {
      const r = await readRecording(chunked(csv, size), { name: 'r.csv', maxLineLength: 100_000 });
      expect(r.complete).toBe(true);
      expect(r.badLines).toBe(1);
      expect(r.problems).toEqual([expect.objectContaining({ path: 'line 2', expected: 'a line of at most 100,000 characters', found: `a line of ${long.length.toLocaleString('en')} characters` })]);
      expect(r.events).toBe(1);
      expect(r.lines).toBe(3);
    }
  });

  it('bytes that are not UTF-8 stop the read with their line and column, even split between chunks', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('time,equipment,field,value\n2026-11-30T06:00:00Z,m1,reason,Gr'), 0xfc, ...new TextEncoder().encode('n\n')]);
    for (const size of [1, 3, 4096]) {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += size) controller.enqueue(bytes.slice(at, at + size));
          controller.close();
        },
      });
      const r = await readRecording(stream, { name: 'r.csv' });
      expect(r.complete).toBe(false);
      expect(r.problems.at(-1)).toMatchObject({ path: 'line 2 column 34', expected: 'UTF-8 text', found: 'the byte 0xFC, which is not UTF-8 here' });
    }
    const latin = await readRecording(new Blob([bytes]), { name: 'r.csv', encoding: 'latin1' });
    expect(latin.complete).toBe(true);
    expect(latin.columns.texts).toEqual(['Grün']);
  });

  it('a character cut off by the end of the file is invalid UTF-8, not a replacement character', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"ts":1,"equipment":"a","state":"idle"}\n{"ts":2,"equipment":"a","reason":"'), 0xe2, 0x82]);
    const r = await readRecording(new Blob([bytes]), { name: 'r.jsonl' });
    expect(r.complete).toBe(false);
    expect(r.problems.at(-1)).toMatchObject({ path: 'line 2 column 35', found: 'the byte 0xE2, which is not UTF-8 here' });
  });

  it('a gap marker makes every equipment known before it unknown from its start; counted', async () => {
    const text = [
      '{"ts":1000,"equipment":"a","state":"processing"}',
      '{"ts":1500,"equipment":"b","state":"idle"}',
      '{"ts":2000,"gap":"connection to the broker lost","until":5000,"sessionKept":false}',
      '{"ts":6000,"equipment":"a","state":"processing"}',
      '',
    ].join('\n');
    const r = await readRecording(new Blob([text]), { name: 'r.jsonl' });
    expect(r.problems).toEqual([]);
    expect(r.gaps).toBe(1);
    const rows = Array.from({ length: r.columns.length }, (_, i) => [r.columns.time[i], r.columns.equipmentIds[r.columns.equipment[i]!], stateOfCode(r.columns.state[i]!)]);
    expect(rows).toEqual([[1000, 'a', 'processing'], [1500, 'b', 'idle'], [2000, 'a', 'unknown'], [2000, 'b', 'unknown'], [6000, 'a', 'processing']]);
    expect(r.columns.texts).toContain('recording gap: connection to the broker lost');
    const whole = parseStateJsonLines(text, 'r.jsonl');
    expect(whole.events.filter((e) => e.state === 'unknown').map((e) => e.equipment)).toEqual(['a', 'b']);
    const kpis = stateKpis(r.columns, { t0: 1000, t1: 7000 }).equipment.find((e) => e.equipment === 'b');
    // Unknown before its first event (1000–1500) and from the gap to the end of the window (2000–7000).
    expect(kpis?.timeInState.unknown).toBe(5500);
  });

  it('counting only (a validator on a huge file) keeps no columns but the same counts and problems', async () => {
    const text = jsonLines(5000, 100);
    const kept = await readRecording(chunked(text, 4096), { name: 'r.jsonl' });
    const counted = await readRecording(chunked(text, 4096), { name: 'r.jsonl', keepColumns: false });
    expect(counted.events).toBe(kept.columns.length);
    expect(counted.columns.length).toBe(0);
    expect(counted.problems).toEqual(kept.problems);
  });
});

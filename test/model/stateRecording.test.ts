import { describe, expect, it } from 'vitest';
import { parseStateCsv } from '../../src/model/stateCsv.ts';
import { parseStateJsonLines } from '../../src/model/stateJsonLines.ts';

describe('CSV long-format state recordings', () => {
  it('reads rows into events, joining the fields of one instant of one machine', () => {
    const csv = [
      'time,equipment,field,value',
      '2026-11-30T06:00:00Z,laser-1,state,processing',
      '2026-11-30T06:00:00Z,laser-1,order,o-1',
      '2026-11-30T06:05:00Z,laser-1,state,down',
      '2026-11-30T06:05:00Z,laser-1,reason,"nozzle, clogged"',
      '1796018700000,press-1,good,12',
      '',
    ].join('\r\n');
    const r = parseStateCsv(csv, 'rec.csv');
    expect(r.problems).toEqual([]);
    expect(r.badLines).toBe(0);
    expect(r.events).toEqual([
      { ts: '2026-11-30T06:00:00Z', equipment: 'laser-1', state: 'processing', order: 'o-1' },
      { ts: '2026-11-30T06:05:00Z', equipment: 'laser-1', state: 'down', reason: 'nozzle, clogged' },
      { ts: 1796018700000, equipment: 'press-1', good: 12 },
    ]);
  });

  it('accepts the columns in any order', () => {
    const r = parseStateCsv('equipment,time,value,field\nlaser-1,2026-11-30T06:00:00Z,idle,state\n', 'rec.csv');
    expect(r.events).toEqual([{ ts: '2026-11-30T06:00:00Z', equipment: 'laser-1', state: 'idle' }]);
  });

  it('skips, counts and reports each bad line by its number', () => {
    const csv = [
      'time,equipment,field,value',
      '2026-11-30T06:00:00Z,laser-1,state,processin',
      'yesterday,laser-1,state,idle',
      '2026-11-30T06:01:00Z,laser-1,colour,red',
      '2026-11-30T06:02:00Z,laser-1,good,-3',
      '2026-11-30T06:03:00Z,laser-1,state',
      '2026-11-30T06:04:00Z,laser 1,state,idle',
      '2026-11-30T06:05:00Z,laser-1,reason,"open quote',
      '2026-11-30T06:06:00Z,laser-1,state,idle',
      '',
    ].join('\n');
    const r = parseStateCsv(csv, 'rec.csv');
    expect(r.badLines).toBe(7);
    expect(r.events).toHaveLength(1);
    expect(r.problems.map((p) => p.path)).toEqual(['line 2', 'line 3', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8']);
    expect(r.problems[0]?.hint).toBe("did you mean 'processing'?");
    expect(r.problems[1]?.expected).toContain('ISO 8601');
    expect(r.problems[2]?.expected).toContain('a field: one of state, reason');
    expect(r.problems[3]?.expected).toBe('a good count: a whole number ≥ 0');
    expect(r.problems[4]?.found).toBe('3 values');
    expect(r.problems[5]?.found).toBe('"laser 1"');
    expect(r.problems[6]?.expected).toBe('a closing double quote');
    for (const p of r.problems) expect(p.file).toBe('rec.csv');
  });

  it('requires the header line', () => {
    const r = parseStateCsv('2026-11-30T06:00:00Z,laser-1,state,idle\n2026-11-30T06:01:00Z,laser-1,state,down\n', 'rec.csv');
    expect(r.events).toEqual([]);
    expect(r.problems[0]).toMatchObject({ path: 'line 1', expected: 'a header line "time,equipment,field,value"' });
  });

  it('lists the first hundred bad lines and counts the rest', () => {
    const lines = ['time,equipment,field,value', ...Array.from({ length: 250 }, () => 'bad')];
    const r = parseStateCsv(lines.join('\n'), 'rec.csv');
    expect(r.badLines).toBe(250);
    expect(r.problems).toHaveLength(101);
    expect(r.problems[100]?.found).toBe('150 more bad lines, not listed');
  });
});

describe('JSON-lines state recordings', () => {
  it('reads one event per line and reports bad lines with the place inside the line', () => {
    const text = [
      '{"ts":"2026-11-30T06:00:00Z","equipment":"laser-1","state":"processing","order":"o-1"}',
      '',
      '{"ts":1796018700000,"equipment":"laser-1","state":"dwon"}',
      '{"ts":"2026-11-30T06:10:00Z","equipment":"laser-1"}',
      '{"ts":"2026-11-30T06:10:00Z", "equipment":',
      '{"ts":"2026-11-30T06:10:00Z","equipment":"laser-1","good":3}',
    ].join('\n');
    const r = parseStateJsonLines(text, 'rec.jsonl');
    expect(r.events).toEqual([
      { ts: '2026-11-30T06:00:00Z', equipment: 'laser-1', state: 'processing', order: 'o-1' },
      { ts: '2026-11-30T06:10:00Z', equipment: 'laser-1', good: 3 },
    ]);
    expect(r.badLines).toBe(3);
    expect(r.problems.map((p) => p.path)).toEqual(['line 3: state', 'line 4', 'line 5: column 43']);
    expect(r.problems[0]?.hint).toBe("did you mean 'down'?");
    expect(r.problems[1]?.expected).toBe('an event carries at least one field besides ts and equipment');
  });
});

import { describe, expect, it } from 'vitest';
import { parseVallada } from '../../../solver/setups/parse.ts';

// Two jobs, two machines, in the published layout: CRLF, tabs, a leading tab on job lines.
const good = [
  '2  2  1', '2', '\t0\t5\t1\t7', '\t0\t3\t1\t2', 'SSD',
  'M0', '0\t4', '6\t0',
  'M1', '0 1', '9 0', '',
].join('\r\n');

describe('Vallada & Ruiz parser', () => {
  it('reads processing times per machine and setup matrices with row = predecessor', () => {
    const r = parseVallada(good, 'dir/I_2_2_S_1-9_1.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      name: 'I_2_2_S_1-9_1',
      jobs: 2,
      machines: 2,
      processing: [[5, 3], [7, 2]],
      setup: [[[0, 4], [6, 0]], [[0, 1], [9, 0]]],
    });
  });

  it('accepts any whitespace, LF or CR line ends and pairs listed in any machine order', () => {
    const text = '2 2 1\n2\n1 7 0 5\n0 3 1 2\nssd\nM0 0 4 6 0\rM1\n0 1\n9 0';
    const r = parseVallada(text, 'x.txt');
    expect(r.ok && r.value.processing).toEqual([[5, 3], [7, 2]]);
  });

  const bad: [string, string, string, string][] = [
    ['a non-number setup', good.replace('6\t0', 'six\t0'), 'line 8', 'a setup time ≥ 0 (machine 0, from job 1 to job 0)'],
    ['a negative processing time', good.replace('\t0\t3', '\t0\t-3'), 'line 4', 'the processing time of job 1 (a number ≥ 0)'],
    ['a machine index out of range', good.replace('\t0\t3\t1\t2', '\t0\t3\t4\t2'), 'line 4', 'each machine index 0..1 once for job 1'],
    ['a second machine count that disagrees', good.replace('\r\n2\r\n', '\r\n3\r\n'), 'line 2', 'the number of machines again (2)'],
    ['a missing SSD marker', good.replace('SSD', 'XYZ'), 'line 5', 'the marker "SSD"'],
    ['a short setup matrix', good.replace('M1', '0\tM1'), 'line 9', 'the marker "M1"'],
    ['a file cut short', good.slice(0, good.indexOf('M1')), 'line 9', 'the marker "M1"'],
    ['trailing numbers', `${good}5\r\n`, 'line 12', 'the end of the file'],
    ['a zero job count', good.replace('2  2  1', '0  2  1'), 'line 1', 'the number of jobs (an integer ≥ 1)'],
  ];
  it.each(bad)('reports %s with its line', (_label, text, path, expected) => {
    const r = parseVallada(text, 'bad.txt');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ file: 'bad.txt', path, expected });
  });

  it('collects every bad number in one pass instead of stopping at the first', () => {
    const r = parseVallada(good.replace('6\t0', 'x\t0').replace('9 0', '9 y'), 'bad.txt');
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['line 8', 'line 11']);
  });
});

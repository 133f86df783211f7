import { describe, expect, it } from 'vitest';
import { parseFjsp } from '../../solver/jobshop/parseFjsp.ts';

describe('parseFjsp', () => {
  it('reads eligible machines (1-based in the file) with their durations', () => {
    const r = parseFjsp('2\t3\t1.5\n 2  2 1 5 3 4  1 2 7 \n1 3 1 1 2 2 3 3\n', 'x/mini.fjs');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.name).toBe('mini');
    expect(p.machineCount).toBe(3);
    expect(p.operations.map((o) => o.modes)).toEqual([
      [{ machine: 0, duration: 5 }, { machine: 2, duration: 4 }],
      [{ machine: 1, duration: 7 }],
      [{ machine: 0, duration: 1 }, { machine: 1, duration: 2 }, { machine: 2, duration: 3 }],
    ]);
    expect(p.operations[1]?.predecessors).toEqual([0]);
    expect(p.jobs.map((j) => j.operations)).toEqual([[0, 1], [2]]);
  });

  it('accepts a header without the flexibility field and machines that no operation uses', () => {
    const r = parseFjsp('1 5\n1 1 2 3\n', 'f.fjs');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.machineCount).toBe(5);
  });

  const bad: [string, string, { path: string; expected: RegExp; found: string }][] = [
    ['empty file', '', { path: 'line 1', expected: /header/, found: 'an empty file' }],
    ['bad flexibility', '1 2 abc\n1 1 1 1\n', { path: 'line 1', expected: /average number/, found: '"abc"' }],
    ['machine 0 (the format counts from 1)', '1 2\n1 1 0 4\n', { path: 'line 2', expected: /machine \(numbered from 1\) of operation 1 \(an integer from 1 to 2\)/, found: '"0"' }],
    ['machine above the header count', '1 2\n1 1 3 4\n', { path: 'line 2', expected: /from 1 to 2/, found: '"3"' }],
    ['too many eligible machines', '1 2\n1 3 1 1 2 2 1 1\n', { path: 'line 2', expected: /number of eligible machines of operation 1/, found: '"3"' }],
    ['a pair cut short', '1 2\n1 2 1 4 2\n', { path: 'line 2', expected: /duration of operation 1/, found: 'end of line' }],
    ['fewer operations than announced', '1 2\n2 1 1 4\n', { path: 'line 2', expected: /2 operations/, found: '1' }],
    ['numbers left over', '1 2\n1 1 1 4 9 9\n', { path: 'line 2', expected: /end of line after 1 operations/, found: '2 more numbers' }],
    ['a machine listed twice', '1 2\n1 2 1 4 1 5\n', { path: 'line 2', expected: /distinct machines/, found: 'machine 1 twice' }],
    ['missing job line', '2 2\n1 1 1 4\n', { path: 'line 3', expected: /2 job lines/, found: '1' }],
    ['extra line', '1 2\n1 1 1 4\n1 1 1 4\n', { path: 'line 3', expected: /end of file/, found: '"1 1 1 4"' }],
  ];
  it.each(bad)('reports %s with its line, what was expected and what was found', (_name, text, want) => {
    const r = parseFjsp(text, 'bad.fjs');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems[0];
    expect(p?.path).toBe(want.path);
    expect(p?.expected).toMatch(want.expected);
    expect(p?.found).toBe(want.found);
  });
});

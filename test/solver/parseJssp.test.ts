import { describe, expect, it } from 'vitest';
import { parseJssp } from '../../solver/jobshop/parseJssp.ts';

describe('parseJssp', () => {
  it('reads jobs as routing chains with 0-based machines, tolerating extra spaces and blank lines', () => {
    const r = parseJssp('2 3\n0 5  1 3 2 2 \n\n 2 4 0 1 1 6\n', 'dir/tiny.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.name).toBe('tiny');
    expect(p.machineCount).toBe(3);
    expect(p.jobs.map((j) => j.operations)).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(p.operations[4]).toEqual({ job: 1, index: 1, modes: [{ machine: 0, duration: 1 }], predecessors: [3], release: 0 });
    expect(p.operations[3]?.predecessors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('warns, but reads, a job that returns to a machine', () => {
    const r = parseJssp('1 2\n0 1 0 2\n', 'f.txt');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toMatchObject([{ path: 'line 2', found: 'machine 0 again at operation 1' }]);
  });

  const bad: [string, string, { path: string; expected: RegExp; found: string }][] = [
    ['empty file', '  \n', { path: 'line 1', expected: /header/, found: 'an empty file' }],
    ['non-numeric job count', 'x 3\n', { path: 'line 1', expected: /number of jobs/, found: '"x"' }],
    ['header with a third number', '1 1 7\n0 1\n', { path: 'line 1', expected: /exactly 2 numbers/, found: '3 numbers' }],
    ['short job line', '1 2\n0 1 1\n', { path: 'line 2', expected: /4 numbers/, found: '3 numbers' }],
    ['machine out of range', '1 2\n0 1 2 5\n', { path: 'line 2', expected: /machine of operation 1 \(an integer from 0 to 1\)/, found: '"2"' }],
    ['zero duration', '1 1\n0 0\n', { path: 'line 2', expected: /duration of operation 0 \(an integer ≥ 1\)/, found: '"0"' }],
    ['decimal duration', '1 1\n0 2.5\n', { path: 'line 2', expected: /duration/, found: '"2.5"' }],
    ['missing job line', '2 1\n0 3\n', { path: 'line 3', expected: /2 job lines/, found: '1' }],
    ['extra line', '1 1\n0 3\n0 4\n', { path: 'line 3', expected: /end of file/, found: '"0 4"' }],
  ];
  it.each(bad)('reports %s with its line, what was expected and what was found', (_name, text, want) => {
    const r = parseJssp(text, 'bad.txt');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems[0];
    expect(p?.file).toBe('bad.txt');
    expect(p?.path).toBe(want.path);
    expect(p?.expected).toMatch(want.expected);
    expect(p?.found).toBe(want.found);
  });

  it('reports every bad line, not only the first', () => {
    const r = parseJssp('3 1\n0 x\n0 1\n5 1\n', 'bad.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['line 2', 'line 4']);
  });
});

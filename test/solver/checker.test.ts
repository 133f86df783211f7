import { describe, expect, it } from 'vitest';
import { checkTimetable, type ViolationKind } from '../../solver/checker.ts';
import { problemFromRoutings, type SchedulingProblem } from '../../solver/problem.ts';
import type { Timetable } from '../../solver/timetable.ts';

// Job 0: op 0 on m0 (3) or m1 (5), then op 1 on m1 (2). Job 1: op 2 on m1 (4). Op 2 released at 1.
function problem(): SchedulingProblem {
  const p = problemFromRoutings('t', 2, [
    [[{ machine: 0, duration: 3 }, { machine: 1, duration: 5 }], [{ machine: 1, duration: 2 }]],
    [[{ machine: 1, duration: 4 }]],
  ]);
  (p.operations[2] as { release: number }).release = 1;
  return p;
}

const good: Timetable = { machine: [0, 1, 1], start: [0, 5, 1], end: [3, 7, 5] };

function edit(f: (t: Timetable) => void): Timetable {
  const t = structuredClone(good);
  f(t);
  return t;
}

describe('checkTimetable', () => {
  it('accepts a feasible timetable', () => {
    expect(checkTimetable(problem(), good)).toEqual([]);
  });

  const cases: [string, Timetable, ViolationKind, number[]][] = [
    ['wrong number of entries', edit((t) => t.end.pop()), 'shape', []],
    ['a machine that is not eligible', edit((t) => { t.machine[2] = 0; t.start[2] = 3; t.end[2] = 7; }), 'eligibility', [2]],
    ['a duration that does not match the machine', edit((t) => { t.machine[0] = 1; t.start[0] = 0; t.end[0] = 1; t.start[2] = 5; t.end[2] = 9; t.start[1] = 9; t.end[1] = 11; }), 'duration', [0]],
    ['a start before the release date', edit((t) => { t.start[2] = 0; t.end[2] = 4; }), 'release', [2]],
    ['a start before the predecessor ends', edit((t) => { t.start[0] = 3; t.end[0] = 6; }), 'precedence', [0, 1]],
    ['two operations at once on a machine', edit((t) => { t.start[1] = 4; t.end[1] = 6; }), 'overlap', [2, 1]],
    ['a non-finite time', edit((t) => { t.start[0] = Number.NaN; }), 'shape', [0]],
  ];
  it.each(cases)('catches %s', (_name, t, kind, ops) => {
    const v = checkTimetable(problem(), t);
    expect(v.map((x) => x.kind)).toContain(kind);
    expect(v.find((x) => x.kind === kind)?.operations).toEqual(ops);
  });

  it('catches a changeover that does not fit between two operations', () => {
    const p = { ...problem(), setups: { familyCount: 2, family: [0, 0, 1], matrix: [[0, 0, 0, 0], [0, 3, 0, 0]] } };
    // On m1, op 2 (family 1) runs 1..5 and op 1 (family 0) at 5: family 1→0 needs 0; fine.
    expect(checkTimetable(p, good)).toEqual([]);
    const swapped = { ...p, setups: { ...p.setups, family: [0, 1, 0] } };
    // Now op 2 is family 0 and op 1 family 1: 0→1 needs 3 but op 1 starts right at 5.
    expect(checkTimetable(swapped, good)).toMatchObject([{ kind: 'setup', operations: [2, 1] }]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkTimetable } from '../../solver/checker.ts';
import { benchmarkScheduleJson } from '../../solver/jobshop/scheduleJson.ts';
import { parseFjsp } from '../../solver/jobshop/parseFjsp.ts';
import { solveMakespan } from '../../solver/solve.ts';
import type { Timetable } from '../../solver/timetable.ts';

describe('benchmarkScheduleJson', () => {
  it('lists every operation by job and routing index, and another tool can re-check it', () => {
    const r = parseFjsp('2 2\n2 1 1 3 2 1 2 2 2\n1 2 1 2 2 2\n', 'two.fjs');
    if (!r.ok) throw new Error('fixture does not parse');
    const p = r.value;
    const solved = solveMakespan(p, { seed: 1, maxIterations: 100 });
    const json = JSON.parse(JSON.stringify(benchmarkScheduleJson(p, solved.timetable))) as ReturnType<typeof benchmarkScheduleJson>;
    expect(json.instance).toBe('two');
    expect(json.makespan).toBe(solved.makespan);
    expect(json.operations.map((o) => [o.job, o.operation])).toEqual([[0, 0], [0, 1], [1, 0]]);
    // Rebuild a timetable from the JSON alone, as an outside checker would.
    const t: Timetable = { machine: [], start: [], end: [] };
    for (const o of json.operations) {
      const i = p.jobs[o.job]?.operations[o.operation] as number;
      t.machine[i] = o.machine;
      t.start[i] = o.start;
      t.end[i] = o.end;
    }
    expect(checkTimetable(p, t)).toEqual([]);
  });
});

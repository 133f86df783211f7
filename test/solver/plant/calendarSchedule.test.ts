import { describe, expect, it } from 'vitest';
import { scenarioProblem } from '../../../solver/scenarioProblem.ts';
import { Decoder } from '../../../solver/plant/decode.ts';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { setupScenario } from './plantFixture.ts';

const oneOrder = setupScenario({ orders: [{ id: 'o1', product: 'p1', quantity: 150, release: '2026-11-30T06:00:00Z', due: '2026-12-01T14:00:00Z' }] });

describe('calendar-aware timetable', () => {
  it('pauses an operation over the break and resumes it after', () => {
    const pp = scenarioProblem(oneOrder);
    const d = new Decoder(pp);
    const cut = pp.problem.jobs[0]!.operations[0]!;
    d.reset();
    // 15 min first setup from 06:00, then 300 min of cutting: 06:15–10:00 is 225, 10:30 + 75 = 11:45.
    d.commit(cut, 0, 300, d.ready(cut));
    expect([d.setupStart[cut], d.setup[cut], d.start[cut], d.end[cut]]).toEqual([360, 15, 375, 705]);
  });

  it('continues an operation into the next working day when the shift ends', () => {
    const pp = scenarioProblem(oneOrder);
    const d = new Decoder(pp);
    const [cut, mill] = pp.problem.jobs[0]!.operations as [number, number];
    d.reset();
    d.commit(cut, 0, 300, d.ready(cut));
    // mill-2: 150 × 6 = 900 min from 11:45 (+5 min setup): 11:50–14:00 = 130, Tuesday 06:00–10:00 = 240,
    // 10:30–14:00 = 210, Wednesday 06:00 + 320 → 10:00 is 240, 10:30 + 80 = 11:50 on Wednesday.
    d.commit(mill, 2, 900, d.ready(mill));
    expect(d.start[mill]).toBe(710);
    expect(d.end[mill]).toBe(2 * 1440 + 710);
    expect(checkPlantTimetable(pp, { machine: [0, 2, 3], start: [d.start[cut]!, d.start[mill]!, 1e5], end: [d.end[cut]!, d.end[mill]!, 1e5 + 1] }).filter((v) => v.kind !== 'calendar')).toEqual([]);
  });
});

describe('plant checker', () => {
  const pp = scenarioProblem(setupScenario());
  const r = solvePlant(pp, { maxIterations: 300, seed: 3 });

  it('accepts the solver\'s schedule', () => {
    expect(checkPlantTimetable(pp, r.timetable)).toEqual([]);
  });

  it('rejects an operation whose working minutes do not match its duration', () => {
    const t = { ...r.timetable, end: r.timetable.end.slice() };
    t.end[0] = t.end[0]! + 1;
    expect(checkPlantTimetable(pp, t).map((v) => v.kind)).toContain('calendar');
  });

  it('rejects a shift across non-working time counted as work', () => {
    const t = { ...r.timetable, start: r.timetable.start.slice(), end: r.timetable.end.slice() };
    // Start the first cut at 13:00 on Monday and claim it ends its whole duration later in clock time.
    const d = pp.problem.operations[0]!.modes[0]!.duration;
    t.start[0] = 780;
    t.end[0] = 780 + d;
    expect(checkPlantTimetable(pp, t).map((v) => v.kind)).toContain('calendar');
  });

  it('rejects a changeover that does not fit in working time', () => {
    const t = { ...r.timetable, start: r.timetable.start.slice(), end: r.timetable.end.slice() };
    // The first saw operation right at 06:00 leaves no working minute for the 15 min first setup.
    const first = [0, 3, 6].sort((a, b) => t.start[a]! - t.start[b]!)[0]!;
    const shift = t.start[first]! - 360;
    t.start[first] = 360;
    t.end[first] = t.end[first]! - shift;
    expect(checkPlantTimetable(pp, t).map((v) => v.kind)).toContain('setup');
  });

  it('rejects a moved frozen operation and a moved locked one', () => {
    const frozenPp = { ...pp, fixed: pp.fixed.map((f, i) => (i === 0 ? { kind: 'frozen' as const, machine: 0, start: 360, end: 560 } : i === 4 ? { kind: 'locked' as const, machine: 1, start: r.timetable.start[4]! + 60, end: r.timetable.end[4]! + 60 } : f)) };
    const kinds = checkPlantTimetable(frozenPp, r.timetable).map((v) => v.kind);
    expect(kinds).toContain('locked');
    expect(r.timetable.start[0]).not.toBe(360);
    expect(kinds).toContain('frozen');
  });
});

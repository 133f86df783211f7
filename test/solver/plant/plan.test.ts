import { describe, expect, it } from 'vitest';
import { placeOperation, planFromSchedule, type Plan } from '../../../solver/plant/plan.ts';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import { plantOutputs } from '../../../solver/plant/plantOutputs.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { loadFeaturePlant } from '../../fixtures/featurePlant.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { problemOf, randomScenario, setupScenario } from './plantFixture.ts';

const planOf = (r: ReturnType<typeof planFromSchedule>): Plan => {
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.plan;
};

describe('plans read from schedule files and edited by the engine\'s rules', () => {
  it('times a solved schedule read back from its file exactly as the solver did (small and random plants)', async () => {
    const cases = [problemOf(setupScenario()), problemOf(randomScenario(3))];
    for (const seed of [1, 2, 5]) cases.push(plantProblem(await loadFeaturePlant(seed)));
    for (const pp of cases) {
      const r = solvePlant(pp, { maxIterations: 100, seed: 2 });
      const { schedule } = plantOutputs(pp, r, { createdAt: '2026-11-30T00:00:00Z' });
      const plan = planOf(planFromSchedule(pp, schedule));
      expect(plan.timetable.machine).toEqual(r.timetable.machine);
      expect(plan.timetable.batch).toEqual(r.timetable.batch);
      for (let v = 0; v < r.timetable.start.length; v++) {
        expect(plan.timetable.start[v]).toBeCloseTo(r.timetable.start[v]!, 6);
        expect(plan.timetable.end[v]).toBeCloseTo(r.timetable.end[v]!, 6);
        expect(plan.timetable.setup[v]).toBeCloseTo(r.timetable.setup[v]!, 6);
      }
      expect(checkPlantTimetable(pp, plan.timetable)).toEqual([]);
    }
  });

  it('lists what a schedule file gets wrong instead of guessing', () => {
    const pp = problemOf(setupScenario());
    const { schedule } = plantOutputs(pp, solvePlant(pp, { maxIterations: 50 }), { createdAt: '2026-11-30T00:00:00Z' });
    const ops = schedule.operations;
    const cut = ops.findIndex((o) => o.operation === 'cut');
    const bad = { ...schedule, operations: [...ops.slice(0, cut), { ...ops[cut]!, equipment: 'oven' }, ...ops.slice(cut + 1), { ...ops[0]!, order: 'nope' }].filter((_, i) => i !== 1) };
    const r = planFromSchedule(pp, bad);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.some((p) => p.includes('oven may not run it'))).toBe(true);
    expect(problems.some((p) => p.includes('nope/') && p.includes('no such open operation'))).toBe(true);
    expect(problems.some((p) => p.includes('not in the schedule'))).toBe(true);
  });

  it('places a dragged operation at the dropped time, re-times the rest around it, and says when a pin cannot hold', () => {
    const pp = problemOf(setupScenario());
    const r = solvePlant(pp, { maxIterations: 100 });
    const plan = planOf(planFromSchedule(pp, plantOutputs(pp, r, { createdAt: '2026-11-30T00:00:00Z' }).schedule));
    const t = plan.timetable;
    // The last job on a mill moved to the other mill (or later on its own), one hour after the plan's makespan.
    const mills = pp.equipment.flatMap((id, k) => (id.startsWith('mill') ? [k] : []));
    const v = t.machine.findIndex((k) => mills.includes(k));
    const other = mills.find((k) => k !== t.machine[v])!;
    const clock = pp.plant.machines[other]!.availability;
    const late = clock.startAt(clock.work(Math.max(...t.end) + 60));
    const moved = planOf(placeOperation(pp, plan, v, other, late));
    expect(moved.timetable.machine[v]).toBe(other);
    expect(moved.timetable.setupStart[v]).toBe(late);
    expect(moved.movedPins).toEqual([]);
    expect(moved.pins[v]).toBe(late);
    expect(checkPlantTimetable(pp, moved.timetable)).toEqual([]);
    // Before its own cut ends it cannot begin: the timing moves it later and says so.
    const cut = pp.problem.operations[v]!.predecessors[0]!;
    const early = planOf(placeOperation(pp, plan, v, other, Math.max(pp.planStart, t.start[cut]!)));
    expect(early.movedPins).toHaveLength(1);
    expect(early.timetable.setupStart[v]).toBeGreaterThanOrEqual(t.end[cut]! - 1e-9);
    expect(checkPlantTimetable(pp, early.timetable).filter((x) => x.kind !== 'locked')).toEqual([]);
    // A machine that may not run it is refused.
    const oven = pp.equipment.indexOf('oven');
    const refused = placeOperation(pp, plan, v, oven, late);
    expect(refused.ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_OBJECTIVE, objectiveKpis } from '../../solver/objective.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';
import { Random } from '../../solver/random.ts';
import { describeRefusal, describeViolation } from '../../src/scheduling/describe.ts';
import { checkPlan, moveOperation, setLocked } from '../../src/scheduling/edit.ts';
import { planFromTimetable, planIso, planKpis, planOutputs, type Plan } from '../../src/scheduling/plan.ts';
import { loadFeaturePlant } from '../fixtures/featurePlant.ts';

async function solved(seed: number): Promise<Plan> {
  const pp = plantProblem(await loadFeaturePlant(seed));
  const r = solvePlant(pp, { maxIterations: 200, seed });
  return planFromTimetable(pp, r.timetable);
}

/** Changeovers that differ from what the simulator's rule gives on the machine sequences (the checker recomputes them from nothing). */
const wrongChangeovers = (plan: Plan) => checkPlan(plan).filter((v) => v.kind === 'setup' && /the matrices give/.test(v.message));

describe('a plan of the engine\'s timetable', () => {
  it('is what the engine returned: checked feasible, and written as the solver writes it', async () => {
    for (const seed of [2, 4, 7]) {
      const pp = plantProblem(await loadFeaturePlant(seed));
      const r = solvePlant(pp, { maxIterations: 200, seed });
      const plan = planFromTimetable(pp, r.timetable);
      expect(checkPlan(plan), `seed ${seed}`).toEqual([]);
      expect(planKpis(plan)).toEqual(r.kpis);
      const options = { createdAt: '2026-12-01T00:00:00Z' };
      expect(planOutputs(plan, r.objective, { lowerBound: r.lowerBound, gap: r.gap }, options).schedule).toEqual(plantOutputs(pp, r, options).schedule);
    }
  });
});

describe('moving an operation', () => {
  it('keeps every changeover consistent with the new machine sequences, and the KPIs with the times', async () => {
    // Moves are chained whether the checker accepts them or not, as long as jobs do not overlap on
    // a machine (with overlapping jobs there is no sequence to be consistent with).
    let kept = 0;
    for (let seed = 1; seed <= 8; seed++) {
      let plan = await solved(seed);
      const rng = new Random(seed);
      const n = plan.machine.length;
      for (let k = 0; k < 16; k++) {
        const op = rng.int(n);
        const modes = plan.pp.problem.operations[op]!.modes;
        const m = modes[rng.int(modes.length)]!.machine;
        const moved = moveOperation(plan, op, m, plan.start[op]! + (rng.int(600) - 300));
        if (!('plan' in moved) || checkPlan(moved.plan).some((v) => v.kind === 'overlap')) continue;
        plan = moved.plan;
        kept++;
        expect(wrongChangeovers(plan), `seed ${seed} move ${k}`).toEqual([]);
        expect(planKpis(plan)).toEqual(objectiveKpis(plan.pp.problem, plan.end, plan.setup));
      }
    }
    expect(kept).toBeGreaterThan(20);
  });

  it('refuses an ineligible machine, and a pinned operation, with the reason', async () => {
    const plan = await solved(3);
    const op = plan.pp.problem.operations.findIndex((o) => o.modes.length === 1);
    const other = plan.pp.equipment.findIndex((_, m) => m !== plan.machine[op]);
    const refused = moveOperation(plan, op, other, plan.start[op]!);
    expect('refused' in refused && describeRefusal(plan, refused.refused)).toMatch(/^Not eligible: .* cannot run on /);
    const pinned = setLocked(plan, op, true);
    const stays = moveOperation(pinned, op, plan.machine[op]!, plan.start[op]! + 60);
    expect('refused' in stays && describeRefusal(pinned, stays.refused)).toMatch(/^Locked: /);
  });

  it('lets the checker say why a job put before its predecessor is infeasible, and accepts the job back in place', async () => {
    const plan = await solved(6);
    const op = plan.pp.problem.operations.findIndex((o) => o.predecessors.length > 0);
    const before = plan.pp.problem.operations[op]!.predecessors[0]!;
    const moved = moveOperation(plan, op, plan.machine[op]!, plan.start[before]!);
    if (!('plan' in moved)) throw new Error('refused');
    const violations = checkPlan(moved.plan);
    const precedence = violations.find((v) => v.kind === 'precedence' || v.kind === 'transport');
    expect(precedence).toBeDefined();
    expect(describeViolation(moved.plan, precedence!)).toMatch(/^Precedence: .* would start at \w{3} \d\d:\d\d, before .* ends at \w{3} \d\d:\d\d( and its lot has travelled \d+ min)?\.$/);
    expect(checkPlan(plan)).toEqual([]);
  });

  it('moved to the end of its machine after everything else, the last operation of an order stays feasible and the makespan grows', async () => {
    const plan = await solved(5);
    const pp = plan.pp;
    const last = pp.problem.jobs[0]!.operations.at(-1)!;
    const m = plan.machine[last]!;
    const late = Math.max(...plan.end) + 600;
    const moved = moveOperation(plan, last, m, late);
    if (!('plan' in moved)) throw new Error('refused');
    expect(checkPlan(moved.plan)).toEqual([]);
    expect(planKpis(moved.plan).makespan).toBeGreaterThan(planKpis(plan).makespan);
    const file = planOutputs(moved.plan, DEFAULT_OBJECTIVE, undefined).schedule;
    const written = file.operations.find((o) => o.order === pp.orders[pp.problem.operations[last]!.job]!.id && o.operation === pp.operationIds[last]);
    expect(written?.end).toBe(planIso(moved.plan, moved.plan.end[last]!));
  });
});

import { describe, expect, it } from 'vitest';
import { Schedule } from '../../src/model/scheduleSchema.ts';
import { setupTime } from '../../solver/problem.ts';
import { DEFAULT_OBJECTIVE, objectiveKpis } from '../../solver/objective.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';
import { scenarioProblem } from '../../solver/scenarioProblem.ts';
import { Random } from '../../solver/random.ts';
import { describeRefusal, describeViolation } from '../../src/scheduling/describe.ts';
import { checkPlan, machineSequence, moveOperation, setLocked } from '../../src/scheduling/edit.ts';
import { planFromSchedule, planFromTimetable, planKpis, planOutputs, type Plan } from '../../src/scheduling/plan.ts';
import { randomScenario } from '../solver/plant/plantFixture.ts';

/** −0 (the solver's rounding of a zero changeover) and 0 are the same minutes. */
const plusZero = (x: number) => x + 0;

function solved(seed: number): Plan {
  const pp = scenarioProblem(randomScenario(seed));
  const r = solvePlant(pp, { maxIterations: 200, seed });
  return planFromTimetable(pp, r.timetable);
}

/** Every changeover as the machine sequences say it should be, recomputed from nothing. */
function expectedSetups(plan: Plan): number[] {
  const out = new Array<number>(plan.machine.length).fill(0);
  plan.pp.equipment.forEach((_, m) => {
    machineSequence(plan, m).forEach((op, k, seq) => {
      if (plan.pp.fixed[op]?.kind === 'frozen') return;
      const prev = seq[k - 1];
      out[op] = prev === undefined ? plan.pp.initialSetup[m]![plan.pp.problem.setups!.family[op]!]! : setupTime(plan.pp.problem, m, prev, op);
    });
  });
  return out;
}

describe('a schedule file read onto the plant problem', () => {
  it('gives back the solver timetable, and writing the unchanged plan gives the solver file', () => {
    const pp = scenarioProblem(randomScenario(4));
    const r = solvePlant(pp, { maxIterations: 200, seed: 4 });
    const file = plantOutputs(pp, r, { createdAt: '2026-12-01T00:00:00Z' }).schedule;
    const read = planFromSchedule(pp, Schedule.parse(JSON.parse(JSON.stringify(file))));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(Array.from(read.value.machine)).toEqual(r.timetable.machine);
    expect(Array.from(read.value.start)).toEqual(r.timetable.start);
    expect(Array.from(read.value.end)).toEqual(r.timetable.end);
    expect(Array.from(read.value.setup)).toEqual(r.timetable.setup.map(plusZero));
    const again = planOutputs(read.value, r.objective, { lowerBound: r.lowerBound, gap: r.gap }, { createdAt: '2026-12-01T00:00:00Z' }).schedule;
    expect(again).toEqual(file);
  });

  it('names what does not match: an operation the scenario lacks, one left out, unknown equipment', () => {
    const plan = solved(2);
    const file = planOutputs(plan, DEFAULT_OBJECTIVE, undefined).schedule;
    const [first, second, ...rest] = file.operations;
    const broken = { ...file, operations: [{ ...first!, order: 'nope' }, { ...second!, equipment: 'lathe-9' }, ...rest] };
    const read = planFromSchedule(plan.pp, broken, 'plan.json');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => `${p.path}: ${p.found}`)).toEqual(expect.arrayContaining([
      `operations[0]: nope/${first!.operation}`,
      'operations[1].equipment: lathe-9',
    ]));
    // The real operation of the renamed order is missing; the one on unknown equipment was found.
    expect(read.problems.filter((p) => p.found === 'it missing')).toHaveLength(1);
  });
});

describe('moving an operation', () => {
  it('keeps every changeover consistent with the new machine sequences, and the KPIs with the times', () => {
    for (let seed = 1; seed <= 8; seed++) {
      let plan = solved(seed);
      const rng = new Random(seed);
      const n = plan.machine.length;
      for (let k = 0; k < 12; k++) {
        const op = rng.int(n);
        const modes = plan.pp.problem.operations[op]!.modes;
        const m = modes[rng.int(modes.length)]!.machine;
        const moved = moveOperation(plan, op, m, plan.start[op]! + (rng.int(600) - 300));
        if (!('plan' in moved)) continue;
        plan = moved.plan;
        expect(Array.from(plan.setup, plusZero), `seed ${seed} move ${k}`).toEqual(expectedSetups(plan).map(plusZero));
        expect(planKpis(plan)).toEqual(objectiveKpis(plan.pp.problem, plan.end, plan.setup));
      }
    }
  });

  it('refuses an ineligible machine, and a pinned operation, with the reason', () => {
    const plan = solved(3);
    const op = plan.pp.problem.operations.findIndex((o) => o.modes.length === 1);
    const other = plan.pp.equipment.findIndex((_, m) => m !== plan.machine[op]);
    const refused = moveOperation(plan, op, other, plan.start[op]!);
    expect('refused' in refused && describeRefusal(plan, refused.refused)).toMatch(/^Not eligible: .* cannot run on /);
    const pinned = setLocked(plan, op, true);
    const stays = moveOperation(pinned, op, plan.machine[op]!, plan.start[op]! + 60);
    expect('refused' in stays && describeRefusal(pinned, stays.refused)).toMatch(/^Locked: /);
  });

  it('lets the checker say why a job put before its predecessor is infeasible, and accepts the job back in place', () => {
    const plan = solved(6);
    const op = plan.pp.problem.operations.findIndex((o) => o.predecessors.length > 0);
    const before = plan.pp.problem.operations[op]!.predecessors[0]!;
    const moved = moveOperation(plan, op, plan.machine[op]!, plan.start[before]!);
    if (!('plan' in moved)) throw new Error('refused');
    const violations = checkPlan(moved.plan);
    const precedence = violations.find((v) => v.kind === 'precedence');
    expect(precedence).toBeDefined();
    expect(describeViolation(moved.plan, precedence!)).toMatch(/^Precedence: .* would start at \w{3} \d\d:\d\d, before .* ends at \w{3} \d\d:\d\d\.$/);
    expect(checkPlan(plan)).toEqual([]);
  });

  it('moved to the end of its machine after everything else, the last operation of an order stays feasible and the makespan grows', () => {
    const plan = solved(5);
    const pp = plan.pp;
    const last = pp.problem.jobs[0]!.operations.at(-1)!;
    const m = plan.machine[last]!;
    const late = Math.max(...plan.end) + 600;
    const moved = moveOperation(plan, last, m, late);
    if (!('plan' in moved)) throw new Error('refused');
    expect(checkPlan(moved.plan)).toEqual([]);
    expect(planKpis(moved.plan).makespan).toBeGreaterThan(planKpis(plan).makespan);
    const file = planOutputs(moved.plan, DEFAULT_OBJECTIVE, undefined).schedule;
    const back = planFromSchedule(pp, Schedule.parse(file));
    expect(back.ok && Array.from(back.value.start)).toEqual(Array.from(moved.plan.start));
  });
});

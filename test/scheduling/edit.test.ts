import { describe, expect, it } from 'vitest';
import { DEFAULT_OBJECTIVE, objectiveKpis } from '../../solver/objective.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';
import { Random } from '../../solver/random.ts';
import { checkPlantTimetable } from '../../solver/plant/plantChecker.ts';
import { describeMovedPin, describeRefusal } from '../../src/scheduling/describe.ts';
import { checkPlan, moveOperation, movedPins, setLocked } from '../../src/scheduling/edit.ts';
import { planFromTimetable, planIso, planKpis, planOutputs, planTimetable, type Plan } from '../../src/scheduling/plan.ts';
import { loadRandomPlant } from '../fixtures/randomPlant.ts';
import { makePlant, operation, order } from '../sim/plant/plantBuilder.ts';

async function solved(seed: number): Promise<Plan> {
  const pp = plantProblem(await loadRandomPlant(seed));
  const r = solvePlant(pp, { maxIterations: 200, seed });
  return planFromTimetable(pp, r.timetable);
}

describe('a plan of the engine\'s timetable', () => {
  it('is what the engine returned: checked feasible, and written as the solver writes it', async () => {
    for (const seed of [2, 4, 7]) {
      const pp = plantProblem(await loadRandomPlant(seed));
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
  it('is timed by the engine: every drop on random plants gives a plan the checker accepts, and a drop where it already is changes nothing', async () => {
    let moves = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const start = await solved(seed);
      let plan = start;
      const rng = new Random(seed);
      const n = plan.machine.length;
      // Dropped where it already begins, on its own machine: the engine's timing of the plan is the solver's.
      const same = moveOperation(plan, 0, plan.machine[0]!, plan.start[0]!);
      if (!('plan' in same)) throw new Error(`seed ${seed}: refused`);
      expect(planTimetable(same.plan), `seed ${seed}`).toEqual(planTimetable(plan));
      for (let k = 0; k < 16; k++) {
        const op = rng.int(n);
        const modes = plan.pp.problem.operations[op]!.modes;
        const m = modes[rng.int(modes.length)]!.machine;
        const moved = moveOperation(plan, op, m, plan.start[op]! + (rng.int(600) - 300));
        if (!('plan' in moved)) continue;
        plan = moved.plan;
        moves++;
        expect(plan.machine[op], `seed ${seed} move ${k}`).toBe(m);
        expect(checkPlan(plan), `seed ${seed} move ${k}`).toEqual([]);
        expect(planKpis(plan)).toEqual(objectiveKpis(plan.pp.problem, plan.end, plan.setup));
      }
    }
    expect(moves).toBeGreaterThan(100);
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

  it('a job dropped before its predecessor ends (another machine) is placed after it by the engine, which says its pin moved', async () => {
    const plan = await solved(6);
    const ops = plan.pp.problem.operations;
    // Not on batch equipment, where it could join a batch and the batch's first operation holds the pin.
    const op = ops.findIndex((o, v) => plan.pp.plant.machines[plan.machine[v]!]!.batch === null && o.predecessors.some((u) => plan.machine[u] !== plan.machine[v]));
    const before = ops[op]!.predecessors.find((u) => plan.machine[u] !== plan.machine[op])!;
    const moved = moveOperation(plan, op, plan.machine[op]!, plan.start[before]!);
    if (!('plan' in moved)) throw new Error('refused');
    expect(checkPlan(moved.plan)).toEqual([]);
    expect(moved.plan.start[op]).toBeGreaterThanOrEqual(moved.plan.end[before]!);
    expect(movedPins(moved.plan)).toContain(op);
    expect(describeMovedPin(moved.plan, op)).toMatch(/^\S+ \S+ begins \w{3} \d\d:\d\d, not \w{3} \d\d:\d\d$/);
  });

  it('a job dropped before its predecessor on the same machine cannot be timed: refused with the engine\'s reason', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const plan = await solved(seed);
      const ops = plan.pp.problem.operations;
      const op = ops.findIndex((o, v) => o.predecessors.some((u) => plan.machine[u] === plan.machine[v]));
      if (op < 0) continue;
      const before = ops[op]!.predecessors.find((u) => plan.machine[u] === plan.machine[op])!;
      const refused = moveOperation(plan, op, plan.machine[op]!, plan.setupStart[before]! - 30);
      if (!('refused' in refused)) throw new Error(`seed ${seed}: accepted`);
      expect(describeRefusal(plan, refused.refused)).toMatch(/^Not placed: the plan cannot be followed: an order would wait for itself/);
      return;
    }
    throw new Error('no random plant with two operations of an order on one machine');
  });

  it('a drop needing the only operator while the other machine has it waits for the operator (the machine\'s own working time would say it starts at once)', () => {
    const plant = makePlant({
      machines: [{ id: 'M1' }, { id: 'M2' }],
      scenario: {
        products: [{ id: 'P1', name: 'P1', family: 'F', routing: 'R1' }, { id: 'P2', name: 'P2', family: 'F', routing: 'R2' }],
        routings: [
          { id: 'R1', operations: [operation('op', { M1: 1 }, { runSkill: 'op' })] },
          { id: 'R2', operations: [operation('op', { M2: 1 }, { runSkill: 'op' })] },
        ],
        operators: [{ id: 'crew', count: 1, skills: ['op'] }],
        orders: [order('o1', 'P1', 60, 0, 2000), order('o2', 'P2', 60, 0, 2000)],
        experiment: { horizon: 2000 },
      },
    });
    const pp = plantProblem(plant);
    const plan = planFromTimetable(pp, solvePlant(pp, { maxIterations: 50, seed: 1 }).timetable);
    const [first, second] = plan.start[0]! < plan.start[1]! ? [0, 1] : [1, 0];
    expect([plan.start[first], plan.end[first], plan.start[second], plan.end[second]]).toEqual([0, 60, 60, 120]);
    const moved = moveOperation(plan, second, plan.machine[second]!, 30);
    if (!('plan' in moved)) throw new Error('refused');
    // The engine: the operator is busy until 60, so the run begins then; its pin at 30 did not hold.
    expect([moved.plan.start[second], moved.plan.end[second]]).toEqual([60, 120]);
    expect(movedPins(moved.plan)).toEqual([second]);
    expect(describeMovedPin(moved.plan, second)).toBe(`${pp.orders[second]!.id} op begins Mon 01:00, not Mon 00:30`);
    expect(checkPlan(moved.plan)).toEqual([]);
    // Timed by the machine's working time alone (M2 is free at 30) the checker finds the one operator in two places.
    const t = planTimetable(plan);
    const naive = { ...t, start: t.start.with(second, 30), setupStart: t.setupStart.with(second, 30), end: t.end.with(second, 90), room: t.room.with(second, 30) };
    expect(checkPlantTimetable(pp, naive).map((v) => v.kind)).toContain('operator');
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

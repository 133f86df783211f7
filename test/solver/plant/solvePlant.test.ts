import { describe, expect, it } from 'vitest';
import { loadDispatchListText, loadScheduleText } from '../../../src/model/load.ts';
import { compareValues, objectiveKpis, objectiveValue, parseObjective, type Objective } from '../../../solver/objective.ts';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import { plantOutputs } from '../../../solver/plant/plantOutputs.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { problemFromRoutings } from '../../../solver/problem.ts';
import { Layout } from '../../../src/model/layoutSchema.ts';
import { scheduleApi } from '../../../src/workers/scheduleApi.ts';
import { smallLayout } from '../../fixtures/smallPlant.ts';
import { problemOf, randomScenario, setupScenario } from './plantFixture.ts';

describe('objectives', () => {
  it('computes tardiness, late orders, makespan and setup of a three-job schedule by hand', () => {
    const p = problemFromRoutings('three', 1, [[[{ machine: 0, duration: 5 }]], [[{ machine: 0, duration: 5 }]], [[{ machine: 0, duration: 5 }]]]);
    p.jobs[0]!.due = 10; p.jobs[0]!.weight = 2;
    p.jobs[1]!.due = 4; p.jobs[1]!.weight = 3;
    p.jobs[2]!.due = 20; p.jobs[2]!.weight = 1;
    // Ends 12, 7, 19: job 0 is 2 late (×2), job 1 is 3 late (×3), job 2 on time.
    const k = objectiveKpis(p, [12, 7, 19], [2, 0, 1]);
    expect(k).toEqual({ makespan: 19, totalSetup: 3, weightedTardiness: 13, lateOrders: 2, onTimeOrders: 1 });
    expect(objectiveValue(parseObjective('w:weightedTardiness=1,totalSetup=0.5') as Objective, k)).toEqual([14.5]);
  });

  it('ranks lexicographically and by weighted sum differently', () => {
    const fewLate = { makespan: 0, totalSetup: 100, weightedTardiness: 0, lateOrders: 0, onTimeOrders: 3 };
    const lessSetup = { ...fewLate, totalSetup: 10, lateOrders: 1, onTimeOrders: 2 };
    const lex = parseObjective('lex:lateOrders,totalSetup') as Objective;
    const sum = parseObjective('w:lateOrders=1,totalSetup=1') as Objective;
    expect(compareValues(objectiveValue(lex, fewLate), objectiveValue(lex, lessSetup))).toBeLessThan(0);
    expect(compareValues(objectiveValue(sum, fewLate), objectiveValue(sum, lessSetup))).toBeGreaterThan(0);
    expect(parseObjective('lex:lateOrders,speed')).toMatch(/unknown criterion "speed"/);
  });

  it('lets the chosen objective steer the solver: setup first gives no more setup than lateness first', () => {
    const pp = problemOf(randomScenario(11));
    const setupFirst = solvePlant(pp, { maxIterations: 800, objective: parseObjective('lex:totalSetup,weightedTardiness') as Objective });
    const lateFirst = solvePlant(pp, { maxIterations: 800, objective: parseObjective('lex:weightedTardiness,totalSetup') as Objective });
    expect(setupFirst.kpis.totalSetup).toBeLessThanOrEqual(lateFirst.kpis.totalSetup);
    expect(lateFirst.kpis.weightedTardiness).toBeLessThanOrEqual(setupFirst.kpis.weightedTardiness);
  });
});

describe('solving plant problems', () => {
  it('reproduces a run exactly with an iteration budget and a seed', () => {
    const pp = problemOf(randomScenario(5));
    const a = solvePlant(pp, { maxIterations: 500, seed: 9 });
    const b = solvePlant(pp, { maxIterations: 500, seed: 9 });
    expect(a.timetable).toEqual(b.timetable);
    expect(a.value).toEqual(b.value);
  });

  it('returns only schedules the checker accepts on random small plants, never worse than EDD', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const pp = problemOf(randomScenario(seed));
      const r = solvePlant(pp, { maxIterations: 300, seed });
      expect(checkPlantTimetable(pp, r.timetable), `seed ${seed}`).toEqual([]);
      expect(checkPlantTimetable(pp, r.edd.timetable), `seed ${seed} EDD`).toEqual([]);
      expect(compareValues(r.value, r.edd.value)).toBeLessThanOrEqual(0);
      expect(r.lowerBound.every((b, i) => b <= (r.value[i] ?? 0) + 1e-9)).toBe(true);
    }
  });

  it('keeps frozen and locked operations where they are', () => {
    const scenario = setupScenario({
      startState: { kind: 'snapshot', time: '2026-11-30T07:00:00Z', equipment: [{ id: 'saw', state: 'processing', order: 'o1', operation: 'cut', remaining: 50 }] },
    });
    const plain = problemOf(scenario);
    const first = plantOutputs(plain, solvePlant(plain, { maxIterations: 200 }), { createdAt: '2026-11-30T06:00:00Z' });
    const lockedOp = first.schedule.operations.find((o) => o.order === 'o3' && o.operation === 'mill')!;
    const previous = { ...first.schedule, operations: first.schedule.operations.map((o) => (o === lockedOp ? { ...o, locked: true } : o)) };
    const pp = problemOf(scenario, { previous });
    const r = solvePlant(pp, { maxIterations: 400, seed: 7, objective: parseObjective('makespan') as Objective });
    expect(checkPlantTimetable(pp, r.timetable)).toEqual([]);
    const out = plantOutputs(pp, r, { createdAt: '2026-11-30T06:00:00Z' }).schedule.operations;
    const frozen = out.find((o) => o.order === 'o1' && o.operation === 'cut')!;
    expect([frozen.frozen, frozen.equipment, frozen.start, frozen.end]).toEqual([true, 'saw', '2026-11-30T07:00:00Z', '2026-11-30T07:50:00Z']);
    const locked = out.find((o) => o.order === 'o3' && o.operation === 'mill')!;
    expect([locked.locked, locked.equipment, locked.start, locked.end]).toEqual([true, lockedOp.equipment, lockedOp.start, lockedOp.end]);
  });

  it('times machines on a round-the-clock calendar with a clock that never pauses (the job-shop timing)', () => {
    const always = { id: 'always', shifts: [{ name: 'all', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }] };
    const pp = problemOf(setupScenario({ calendars: [always], equipmentCalendars: { default: 'always' } } as never));
    expect(pp.plant.machines.every((m) => m.availability.always)).toBe(true);
    const weekdays = problemOf(setupScenario({ calendars: [{ ...always, shifts: [{ ...always.shifts[0]!, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] }] }], equipmentCalendars: { default: 'always' } } as never));
    expect(weekdays.plant.machines.some((m) => m.availability.always)).toBe(false);
    const r = solvePlant(pp, { maxIterations: 100 });
    expect(checkPlantTimetable(pp, r.timetable)).toEqual([]);
  });

  it('writes a schedule and a dispatch list that their loaders accept', () => {
    const pp = problemOf(setupScenario());
    const r = solvePlant(pp, { maxIterations: 200 });
    const out = plantOutputs(pp, r, { id: 'S1', createdAt: '2026-11-30T05:00:00Z' });
    const schedule = loadScheduleText(JSON.stringify(out.schedule), 's.json');
    const list = loadDispatchListText(JSON.stringify(out.dispatchList), 'd.json');
    expect(schedule.ok && list.ok).toBe(true);
    // Three orders × cut, mill, then bake in batches of at most 10: 100 → 10, 50 → 5, 50 → 5 lots.
    expect(out.schedule.operations).toHaveLength(6 + 20);
    expect(out.schedule.kpis.totalSetup).toBe(out.changeovers.reduce((s, c) => s + c.minutes, 0));
    expect(out.dispatchList.equipment.find((e) => e.equipment === 'saw')!.jobs.map((j) => j.sequence)).toEqual([1, 2, 3]);
    expect(out.changeovers.every((c) => c.to !== '')).toBe(true);
  });

  it('makes the schedule\'s entries one at a time, the same text as the schedule held whole (before or after the dispatch list)', () => {
    const pp = problemOf(setupScenario());
    const r = solvePlant(pp, { maxIterations: 200 });
    const streamed = plantOutputs(pp, r, { id: 'S1', createdAt: '2026-11-30T05:00:00Z' });
    const text = JSON.stringify({ ...streamed.scheduleHead, operations: [...streamed.scheduleOperations()] }, null, 2);
    const held = plantOutputs(pp, r, { id: 'S1', createdAt: '2026-11-30T05:00:00Z' });
    void held.dispatchList;
    expect(JSON.stringify(held.schedule, null, 2)).toBe(text);
    // Spread and posted to the app (structured clone, as the worker does): data only.
    const posted = structuredClone({ ...plantOutputs(pp, r, { id: 'S1', createdAt: '2026-11-30T05:00:00Z' }) });
    expect(Object.keys(posted).sort()).toEqual(['changeovers', 'dispatchList', 'schedule', 'utilisation']);
    expect(JSON.stringify(posted.schedule, null, 2)).toBe(text);
    expect(held.schedule.operations.some((o) => o.setup !== undefined) && held.schedule.operations.some((o) => o.batch !== undefined) && held.schedule.operations.some((o) => o.quantity !== undefined)).toBe(true);
  });
});

describe('schedule worker API', () => {
  it('reports progress and stops early when cancelled', async () => {
    const api = scheduleApi();
    const seen: number[][] = [];
    const result = await api.schedule({ layout: Layout.parse(smallLayout), scenario: randomScenario(3) }, { maxIterations: 1_000_000, createdAt: '2026-11-30T05:00:00Z' }, (p) => {
      seen.push(p.best);
      api.cancel();
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(result.iterations).toBeLessThan(1_000_000);
    expect(loadScheduleText(JSON.stringify(result.schedule), 's.json').ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/model/scenarioSchema.ts';
import { parseObjective, type Objective } from '../../../solver/objective.ts';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import type { PlantProblem } from '../../../solver/plant/plantProblem.ts';
import type { PlantTimetable } from '../../../solver/plant/plantTimetable.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { smallLayout } from '../../fixtures/smallPlant.ts';
import { problemOf, setupScenario } from './plantFixture.ts';

// One small hand-made plant per constraint: the engine's schedule respects it (the checker finds
// nothing), and the schedule a solver ignoring it would make is caught by the checker.

const MAKESPAN = parseObjective('makespan') as Objective;
const monday = (hhmm: string, day = 0): string => `2026-${day === 0 ? '11-30' : `12-0${day}`}T${hhmm}:00Z`;
const minute = (hhmm: string, day = 0): number => day * 1440 + Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function solve(pp: PlantProblem, objective: Objective = MAKESPAN, maxIterations = 300): PlantTimetable {
  const r = solvePlant(pp, { maxIterations, seed: 1, objective });
  expect(checkPlantTimetable(pp, r.timetable)).toEqual([]);
  return r.timetable;
}

const kinds = (pp: PlantProblem, t: PlantTimetable): string[] => [...new Set(checkPlantTimetable(pp, t).map((v) => v.kind))];
const copy = (t: PlantTimetable): PlantTimetable => structuredClone(t);
const order = (id: string, product: string, quantity: number, release: string, due = monday('22:00', 4)): NonNullable<ScenarioInput['orders']>[number] => ({ id, product, quantity, release, due });
const cutOnly = (changes: Partial<ScenarioInput>): ScenarioInput['routings'] => [{ id: 'r1', operations: [{ id: 'cut', equipment: [{ equipment: 'saw', time: { type: 'constant', value: 2 } }] }] }, ...(changes.routings ?? [])];

describe('planned maintenance', () => {
  // 150 units on the saw at 2 min from 06:00: first changeover 15 min, then 300 min of cutting.
  const scenario = setupScenario({
    routings: cutOnly({}),
    orders: [order('o1', 'p1', 150, monday('06:00'))],
    maintenance: [{ equipment: 'saw', start: monday('07:00'), duration: 60 }],
  });
  const pp = problemOf(scenario);

  it('pauses the work for the window, like a break: 06:15–07:00, 08:00–10:00, 10:30–12:45', () => {
    const t = solve(pp);
    expect([t.setupStart[0], t.start[0], t.end[0]]).toEqual([minute('06:00'), minute('06:15'), minute('12:45')]);
  });

  it('the checker catches working through the maintenance window', () => {
    const t = copy(solve(pp));
    t.end[0] = minute('11:45');
    expect(kinds(pp, t)).toEqual(['calendar']);
  });
});

describe('operator pools', () => {
  // Two orders on the two mills at 06:00, each needing a 5 min first changeover; one setter.
  const scenario = setupScenario({
    routings: [{ id: 'r1', operations: [{ id: 'mill', setupSkill: 'setter', equipment: [{ equipment: 'mill-1', time: { type: 'constant', value: 4 } }, { equipment: 'mill-2', time: { type: 'constant', value: 4 } }] }] }],
    orders: [order('o1', 'p1', 10, monday('06:00')), order('o2', 'p2', 10, monday('06:00'))],
    operators: [{ id: 'setters', count: 1, skills: ['setter'], calendar: 'day' }],
  });
  const pp = problemOf(scenario);

  it('never plans more changeovers at once than the pool has setters', () => {
    const t = solve(pp);
    const [a, b] = [0, 1].sort((x, y) => (t.setupStart[x] as number) - (t.setupStart[y] as number)) as [number, number];
    expect(t.setupStart[b]).toBeGreaterThanOrEqual((t.setupStart[a] as number) + 5);
    expect(t.setupPool).toEqual([0, 0]);
  });

  it('the checker catches two changeovers at once with one setter', () => {
    const t = copy(solve(pp));
    t.machine = [0, 1];
    t.setupStart = [minute('06:00'), minute('06:00')];
    t.setup = [5, 5];
    t.start = [minute('06:05'), minute('06:05')];
    t.end = [minute('06:45'), minute('06:45')];
    t.room = [minute('06:00'), minute('06:00')];
    t.batch = [0, 1];
    expect(kinds(pp, t)).toEqual(['operator']);
  });
});

describe('batch equipment', () => {
  // Three lots of 10 for a 40-unit oven, released 10 min apart; 60 min a batch.
  const bakeOnly: ScenarioInput['routings'] = [{ id: 'r1', operations: [{ id: 'bake', equipment: [{ equipment: 'oven', time: { type: 'constant', value: 60 } }] }] }];
  const lots = [order('o1', 'p1', 10, monday('06:00')), order('o2', 'p1', 10, monday('06:10')), order('o3', 'p1', 10, monday('06:20'))];
  const pp = problemOf(setupScenario({ routings: bakeOnly, orders: lots, batchEquipment: [{ equipment: 'oven', capacity: 40 }] }));

  it('loads compatible orders into one batch instead of three', () => {
    const t = solve(pp);
    expect(new Set(t.batch).size).toBe(1);
    expect(t.end).toEqual([minute('07:20'), minute('07:20'), minute('07:20')]);
  });

  it('the checker catches a batch over capacity, and lots of different batch keys in one batch', () => {
    const over = problemOf(setupScenario({ routings: bakeOnly, orders: lots, batchEquipment: [{ equipment: 'oven', capacity: 25 }] }));
    const t = copy(solve(pp));
    expect(kinds(over, t)).toEqual(['batch']);
    const mixed = problemOf(setupScenario({ routings: bakeOnly, orders: [lots[0]!, lots[1]!, order('o3', 'p2', 10, monday('06:20'))], batchEquipment: [{ equipment: 'oven', capacity: 40 }] }));
    expect(kinds(mixed, t)).toEqual(['batch']);
  });

  it('does not make a lot wait longer than maxWait for partners while the oven is free, which the checker would catch', () => {
    const strict = problemOf(setupScenario({ routings: bakeOnly, orders: lots, batchEquipment: [{ equipment: 'oven', capacity: 40, maxWait: 5 }] }));
    // o1 cannot wait 10 min for o2; o2 and o3 wait for the oven anyway, so they go together after o1.
    const t = solve(strict);
    expect([t.batch[0], t.batch[1] === t.batch[2], Math.max(...t.end)]).toEqual([0, true, minute('08:00')]);
    expect(kinds(strict, copy(solve(pp)))).toEqual(['maxWait']);
  });

  it('splits an order bigger than a batch into batches, as the simulator does on arrival', () => {
    const big = problemOf(setupScenario({ routings: bakeOnly, orders: [order('o1', 'p1', 95, monday('06:00'))], batchEquipment: [{ equipment: 'oven', capacity: 40 }] }));
    expect(Array.from(big.plant.quantity)).toEqual([40, 40, 15]);
    const t = solve(big);
    expect(t.end.map((e) => e - minute('06:00')).sort((a, b) => a - b)).toEqual([60, 120, 180]);
  });
});

describe('transport between equipment', () => {
  // Carts at 1 m/s with 2 min handling; the saw and mill-1 are 5 m apart, the farthest stop from the saw 17 m along the paths.
  const scenario = setupScenario({
    routings: [{ id: 'r1', operations: [
      { id: 'cut', equipment: [{ equipment: 'saw', time: { type: 'constant', value: 2 } }] },
      { id: 'mill', equipment: [{ equipment: 'mill-1', time: { type: 'constant', value: 4 } }] },
    ] }],
    setupMatrices: [],
    orders: [order('o1', 'p1', 10, monday('06:00'))],
    transport: { fleets: [{ id: 'carts', kind: 'manual', count: 1, speed: 1, handlingTime: 2 }], default: 'carts' },
  });
  const pp = problemOf(scenario);

  it('plans the fleet\'s trip (empty run to the pick-up, handling, loaded run) between the operations', () => {
    const lag = pp.plant.lag[0 * pp.equipment.length + 1] as number;
    expect(lag).toBeCloseTo((22 + 5) / 60 + 2, 9);
    const t = solve(pp);
    expect(t.setupStart[1]).toBeCloseTo((t.end[0] as number) + lag, 9);
  });

  it('the checker catches the next operation starting before the lot can be there', () => {
    const t = copy(solve(pp));
    const shift = (t.setupStart[1] as number) - (t.end[0] as number);
    for (const f of [t.setupStart, t.start, t.end]) f[1] = (f[1] as number) - shift;
    expect(kinds(pp, t)).toEqual(['transport']);
  });
});

describe('finite buffers', () => {
  // Three lots of 20 cut quickly, milled slowly on mill-1, whose input buffer holds 30 units.
  const layout = structuredClone(smallLayout);
  layout.site.areas[0]!.lines[0]!.cells[0]!.equipment[1]!.inputBuffer = 30;
  const scenario = setupScenario({
    routings: [{ id: 'r1', operations: [
      { id: 'cut', equipment: [{ equipment: 'saw', time: { type: 'constant', value: 1 } }] },
      { id: 'mill', equipment: [{ equipment: 'mill-1', time: { type: 'constant', value: 5 } }] },
    ] }],
    setupMatrices: [],
    orders: [order('o1', 'p1', 20, monday('06:00')), order('o2', 'p1', 20, monday('06:00')), order('o3', 'p1', 20, monday('06:00'))],
  });
  const pp = problemOf(scenario, {}, layout);

  it('lets a lot move on only when there is room in front of the next machine', () => {
    const t = solve(pp);
    const mills = [1, 3, 5].sort((a, b) => (t.setupStart[a] as number) - (t.setupStart[b] as number));
    // The third lot gets room only when the first starts milling.
    expect(t.room[mills[2]!]).toBeGreaterThanOrEqual(t.setupStart[mills[0]!] as number);
  });

  it('the checker catches lots given room in a full buffer', () => {
    const t = copy(solve(pp));
    for (const v of [1, 3, 5]) t.room[v] = t.end[v - 1] as number;
    expect(kinds(pp, t)).toEqual(['buffer']);
  });
});

describe('frozen and locked operations', () => {
  const running = setupScenario({
    startState: { kind: 'snapshot', time: monday('07:00'), equipment: [{ id: 'saw', state: 'processing', order: 'o1', operation: 'cut', remaining: 50 }] },
  });

  it('keeps the running operation where it is and the checker catches moving it', () => {
    const pp = problemOf(running);
    const t = solve(pp);
    const v = pp.fixed.findIndex((f) => f?.kind === 'frozen');
    expect([t.machine[v], t.setupStart[v], t.start[v], t.end[v]]).toEqual([0, minute('07:00'), minute('07:00'), minute('07:50')]);
    const moved = copy(t);
    for (const f of [moved.setupStart, moved.start, moved.end]) f[v] = (f[v] as number) + 10;
    expect(kinds(pp, moved)).toContain('frozen');
  });

  it('keeps a locked operation at its time, and moves and reports a lock that cannot be kept', () => {
    const pp = problemOf(setupScenario());
    const first = solvePlant(pp, { maxIterations: 100, seed: 1 });
    const mill = pp.problem.jobs[2]!.operations[1]!;
    const lockedAt = (first.timetable.setupStart[mill] as number) + 120;
    const op = (i: number): { order: string; operation: string; equipment: string; start: string; end: string; frozen: boolean; locked: boolean } => ({
      order: pp.orders[pp.problem.operations[i]!.job]!.id, operation: pp.operationIds[i]!, equipment: pp.equipment[first.timetable.machine[i] as number]!,
      start: new Date(Date.UTC(2026, 10, 30) + lockedAt * 60_000).toISOString().replace('.000Z', 'Z'), end: monday('23:00'), frozen: false, locked: true,
    });
    const previous = { format: 'plant-twin/schedule' as const, version: 1 as const, id: 'S0', supersedes: null, scenario: 'small-two-days', createdAt: monday('05:00'), objective: 'makespan', kpis: { makespan: 0, totalSetup: 0, weightedTardiness: 0, lateOrders: 0, utilisation: {} }, operations: [op(mill)] };
    const locked = problemOf(setupScenario(), { previous });
    const r = solvePlant(locked, { maxIterations: 200, seed: 2 });
    expect(checkPlantTimetable(locked, r.timetable)).toEqual([]);
    expect(r.timetable.setupStart[mill]).toBe(lockedAt);
    expect(r.movedLocks).toEqual([]);
    // A lock at the plan's very start cannot be kept: the lot is not even cut by then.
    const early = { ...previous, operations: [{ ...op(mill), start: monday('06:00') }] };
    const impossible = problemOf(setupScenario(), { previous: early });
    const moved = solvePlant(impossible, { maxIterations: 200, seed: 2 });
    expect(moved.movedLocks).toEqual([`${pp.orders[pp.problem.operations[mill]!.job]!.id}/mill`]);
    expect(kinds(impossible, moved.timetable)).toEqual(['locked']);
  });
});

describe('uninterruptible operations', () => {
  // 100 units × 2 min = 200 min of cutting after a 15 min changeover, released at 07:00.
  const pp = problemOf(setupScenario({ routings: cutOnly({}), orders: [order('o1', 'p1', 100, monday('07:00'))] }));
  pp.plant.uninterruptible[0] = 1;

  it('waits, set up, for a stretch of working time long enough instead of pausing at the break', () => {
    // Changeover 07:00–07:15; 07:15–10:00 holds 165 min, 10:30–14:00 holds 210.
    const t = solve(pp);
    expect([t.setupStart[0], t.start[0], t.end[0]]).toEqual([minute('07:00'), minute('10:30'), minute('13:50')]);
  });

  it('the checker catches an uninterruptible operation paused by the break', () => {
    const t = copy(solve(pp));
    t.setupStart[0] = minute('07:00');
    t.start[0] = minute('07:15');
    t.end[0] = minute('11:05');
    expect(kinds(pp, t)).toEqual(['uninterruptible']);
  });
});

describe('calendars and changeovers', () => {
  const pp = problemOf(setupScenario({ routings: cutOnly({}), orders: [order('o1', 'p1', 150, monday('06:00')), order('o2', 'p2', 10, monday('06:00'))] }));

  it('pauses at the break and at the shift end and resumes the next working day', () => {
    const t = solve(pp, parseObjective('lex:makespan') as Objective);
    // Either order first; both cuts together need 15 + 300 + 30 + 20 working minutes = 365: Monday ends at 14:00 after 450.
    expect(Math.max(...t.end)).toBe(minute('12:35'));
  });

  it('the checker catches a changeover shorter than the matrices give', () => {
    const t = copy(solve(pp));
    const second = t.setupStart[0]! < t.setupStart[1]! ? 1 : 0;
    t.setup[second] = 10;
    expect(kinds(pp, t)).toContain('setup');
  });
});

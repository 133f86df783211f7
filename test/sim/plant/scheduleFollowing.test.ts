import { describe, expect, it } from 'vitest';
import { irregularities } from '../../../src/cli/simulateReport.ts';
import { isoAt } from '../../../src/model/calendar.ts';
import { Schedule } from '../../../src/model/scheduleSchema.ts';
import { NO_DISTURBANCES } from '../../../src/sim/plant/plantRun.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order, START } from './plantBuilder.ts';

interface Planned {
  order: string;
  equipment: string;
  start: number;
  end: number;
  operation?: string;
  setup?: number;
  batch?: string;
  quantity?: number;
}

function scheduleOf(entries: Planned[]) {
  return Schedule.parse({
    format: 'plant-twin/schedule', version: 1, id: 's1', supersedes: null, scenario: 'test', createdAt: START,
    objective: 'hand-made', kpis: { makespan: 0, totalSetup: 0, weightedTardiness: 0, lateOrders: 0 },
    operations: entries.map((e) => ({
      order: e.order, operation: e.operation ?? 'op', equipment: e.equipment, start: isoAt(START, e.start), end: isoAt(START, e.end),
      ...(e.setup ? { setup: { from: null, to: 'F', minutes: e.setup, start: isoAt(START, e.start - e.setup) } } : {}),
      ...(e.batch ? { batch: e.batch } : {}), ...(e.quantity ? { quantity: e.quantity } : {}),
    })),
  });
}

const follow = (schedule: ReturnType<typeof scheduleOf>) => ({ dispatching: 'schedule' as const, schedule, disturbances: NO_DISTURBANCES });

/** An oven of 4 units (30 min a load) that must cut order b (6 units) into two pieces, then `next` on `machines`. */
const ovenOfFour = (machines: string[], next: ReturnType<typeof operation>) => makePlant({
  machines: [{ id: 'OVEN' }, ...machines.map((id) => ({ id }))],
  scenario: {
    ...oneProduct([operation('bake', { OVEN: 30 }), next]),
    batchEquipment: [{ equipment: 'OVEN', capacity: 4 }],
    orders: [order('b', 'P', 6, 0, 999)],
    experiment: { horizon: 1000 },
  },
});

describe('following a schedule', () => {
  const plant = makePlant({
    machines: [{ id: 'M1' }, { id: 'M2' }],
    scenario: {
      ...oneProduct([operation('op', { M1: 1, M2: 1 })]),
      orders: [order('o1', 'P', 10, 0, 999), order('o2', 'P', 10, 20, 999), order('o3', 'P', 10, 0, 999)],
      experiment: { horizon: 1000 },
    },
  });

  it('works each machine’s list in order, each job not before its planned start, reproducing the plan', () => {
    const plan = [
      { order: 'o2', equipment: 'M1', start: 20, end: 30 }, { order: 'o3', equipment: 'M1', start: 30, end: 40 },
      { order: 'o1', equipment: 'M1', start: 45, end: 55 },
    ];
    const result = simulatePlant(plant, follow(scheduleOf(plan)));
    // o1 and o3 are there from 0, but M1 waits for o2 (released at 20), and o1 waits for its planned 45.
    expect(completions(result)).toEqual({ o1: 55, o2: 30, o3: 40 });
    expect(result.equipment[1]!.states.processing).toBe(0);
    expect(result.follow).toMatchObject({ schedule: 's1', entries: 3, started: 3, matched: 3, mismatches: [] });
    expect(Object.values(result.follow!.deviations).every((n) => n === 0)).toBe(true);
  });

  it('puts each operation on the equipment the schedule assigns', () => {
    const result = simulatePlant(plant, follow(scheduleOf([
      { order: 'o1', equipment: 'M2', start: 0, end: 10 }, { order: 'o3', equipment: 'M2', start: 10, end: 20 },
      { order: 'o2', equipment: 'M1', start: 20, end: 30 },
    ])));
    expect(completions(result)).toEqual({ o1: 10, o2: 30, o3: 20 });
    expect(result.follow!.matched).toBe(3);
  });

  it('lets lots the schedule does not list fill gaps first come, first served, and counts them', () => {
    const result = simulatePlant(plant, follow(scheduleOf([{ order: 'o2', equipment: 'M1', start: 20, end: 30 }])));
    // o1 and o3 are not listed: they go to the least-loaded machines and run at once.
    expect(completions(result)).toEqual({ o1: 10, o2: 30, o3: 10 });
    expect(result.follow!.deviations.unlisted).toBe(2);
  });

  it('passes a late lot with listed lots that are due too, and counts the departures', () => {
    // o2 was planned first at 0, but its material comes at 20.
    const result = simulatePlant(plant, follow(scheduleOf([
      { order: 'o2', equipment: 'M1', start: 0, end: 10 }, { order: 'o3', equipment: 'M1', start: 10, end: 20 },
      { order: 'o1', equipment: 'M1', start: 20, end: 30 },
    ])));
    // o3 runs at its planned 10; at 20 both o2 (overdue) and o1 are there: o2 goes first (list order).
    expect(completions(result)).toEqual({ o1: 40, o2: 30, o3: 20 });
    expect(result.follow!.deviations).toMatchObject({ outOfSequence: 1, late: 2, lateMinutes: 30, maxLateMinutes: 20, early: 0 });
    expect(result.follow!.matched).toBe(1);
    expect(result.follow!.mismatches.map((m) => [m.order, m.actual.start])).toEqual([['o2', 20], ['o1', 30]]);
  });

  it('lifts the hold when a lot planned earlier is kept out by a full buffer, room going in request order', () => {
    // M2 holds 10 units. b is done on M1 first and fills it; the plan puts a first on M2.
    const buffered = makePlant({
      machines: [{ id: 'M1' }, { id: 'M2', inputBuffer: 10 }],
      scenario: {
        ...oneProduct([operation('one', { M1: 1 }), operation('two', { M2: 1 })]),
        orders: [order('a', 'P', 10, 0, 999), order('b', 'P', 10, 0, 999), order('c', 'P', 10, 0, 999)],
        experiment: { horizon: 1000 },
      },
    });
    const schedule = scheduleOf([
      { order: 'b', operation: 'one', equipment: 'M1', start: 0, end: 10 }, { order: 'c', operation: 'one', equipment: 'M1', start: 10, end: 20 },
      { order: 'a', operation: 'one', equipment: 'M1', start: 20, end: 30 },
      { order: 'a', operation: 'two', equipment: 'M2', start: 30, end: 40 }, { order: 'b', operation: 'two', equipment: 'M2', start: 40, end: 50 },
      { order: 'c', operation: 'two', equipment: 'M2', start: 50, end: 60 },
    ]);
    const result = simulatePlant(buffered, follow(schedule));
    // c (planned after b) waits for room from 20: b keeps its planned time. At 30 a, planned
    // before b, asks for room: b starts early (30–40). The room b frees goes to c, which asked
    // first (request order, as under every rule); a is still kept out, so c starts early too
    // (40–50) and a runs last, 50–60 (20 late).
    expect(completions(result)).toEqual({ a: 60, b: 40, c: 50 });
    expect(result.follow!.deviations).toMatchObject({ early: 2, late: 1, lateMinutes: 20 });
    expect(result.stall).toBeNull();
  });

  it('runs an unlisted lot in its order’s planned place, not behind the whole list', () => {
    // The schedule lists 5 of o1's 10 units: the other 5 form an unlisted lot. Its place is o1's
    // entry (0), so at 5 it goes before o3 (planned 5) and o2; it does not wait for the list's end.
    const result = simulatePlant(plant, follow(scheduleOf([
      { order: 'o1', equipment: 'M1', start: 0, end: 5, quantity: 5 }, { order: 'o3', equipment: 'M1', start: 5, end: 15 },
      { order: 'o2', equipment: 'M1', start: 20, end: 30 },
    ])));
    expect(completions(result)).toEqual({ o1: 10, o2: 30, o3: 20 });
    expect(result.follow!.deviations).toMatchObject({ unlisted: 1, late: 1, lateMinutes: 5 });
  });

  it('co-batches the orders a batch lists and cuts an order over the batches its quantities give', () => {
    const oven = makePlant({
      machines: [{ id: 'OVEN' }],
      scenario: {
        ...oneProduct([operation('op', { OVEN: 30 })]),
        batchEquipment: [{ equipment: 'OVEN', capacity: 10 }],
        orders: [order('a', 'P', 6, 0, 999), order('b', 'P', 4, 0, 999), order('c', 'P', 15, 0, 999), order('d', 'P', 5, 0, 999)],
        experiment: { horizon: 1000 },
      },
    });
    const result = simulatePlant(oven, follow(scheduleOf([
      { order: 'c', equipment: 'OVEN', start: 0, end: 30, batch: 'B1', quantity: 10 },
      { order: 'a', equipment: 'OVEN', start: 30, end: 60, batch: 'B2' }, { order: 'b', equipment: 'OVEN', start: 30, end: 60, batch: 'B2' },
      { order: 'c', equipment: 'OVEN', start: 60, end: 90, batch: 'B3', quantity: 5 }, { order: 'd', equipment: 'OVEN', start: 60, end: 90, batch: 'B3' },
    ])));
    expect(completions(result)).toEqual({ a: 60, b: 60, c: 90, d: 90 });
    expect(result.follow).toMatchObject({ entries: 5, matched: 5 });
    expect(result.follow!.deviations).toMatchObject({ partialBatches: 0, unlisted: 0, skipped: 0 });
    expect(result.equipment[0]!.setups + result.equipment[0]!.unitsProcessed).toBe(30);
  });

  it('cuts an order split over two batch ovens before it moves, each piece going to its own oven', () => {
    // 10 units, ovens of 4: the plan bakes 4 + 4 on OVEN2 and 2 on OVEN1 (the shape of an engine's
    // split); the lot is cut as it leaves MIX, not carried whole to the first entry's oven.
    const ovens = makePlant({
      machines: [{ id: 'MIX' }, { id: 'OVEN1' }, { id: 'OVEN2' }],
      scenario: {
        ...oneProduct([operation('mix', { MIX: 0.1 }), operation('bake', { OVEN1: 30, OVEN2: 30 })]),
        batchEquipment: [{ equipment: 'OVEN1', capacity: 4 }, { equipment: 'OVEN2', capacity: 4 }],
        orders: [order('a', 'P', 10, 0, 999)],
        experiment: { horizon: 1000 },
      },
    });
    const result = simulatePlant(ovens, follow(scheduleOf([
      { order: 'a', operation: 'mix', equipment: 'MIX', start: 0, end: 1 },
      { order: 'a', operation: 'bake', equipment: 'OVEN2', start: 31, end: 61, batch: 'B2', quantity: 4 },
      { order: 'a', operation: 'bake', equipment: 'OVEN2', start: 1, end: 31, batch: 'B1', quantity: 4 },
      { order: 'a', operation: 'bake', equipment: 'OVEN1', start: 1, end: 31, batch: 'B3', quantity: 2 },
    ])));
    expect(result.follow).toMatchObject({ entries: 4, matched: 4, mismatches: [] });
    expect(result.follow!.deviations).toMatchObject({ unlisted: 0, skipped: 0 });
    expect(result.equipment.map((e) => e.unitsProcessed)).toEqual([10, 2, 8]);
  });

  it('moves whole a piece whose entry is on another machine than its sibling’s', () => {
    // The oven cuts b (6) into 4 + 2; the plan sands the 2 on S2 and the 4 on S1 (listed in that
    // order): each piece goes whole to its own entry's sander, the 4 is not cut again into 2 + 2.
    const line = ovenOfFour(['S1', 'S2'], operation('sand', { S1: 1, S2: 1 }));
    const result = simulatePlant(line, follow(scheduleOf([
      { order: 'b', operation: 'bake', equipment: 'OVEN', start: 0, end: 30, batch: 'X1', quantity: 4 },
      { order: 'b', operation: 'bake', equipment: 'OVEN', start: 30, end: 60, batch: 'X2', quantity: 2 },
      { order: 'b', operation: 'sand', equipment: 'S2', start: 60, end: 62, quantity: 2 },
      { order: 'b', operation: 'sand', equipment: 'S1', start: 30, end: 34, quantity: 4 },
    ])));
    expect(result.follow).toMatchObject({ entries: 4, matched: 4, mismatches: [] });
    expect(result.follow!.deviations).toMatchObject({ unlisted: 0, skipped: 0 });
  });

  it('gives a piece the entry reserved for it, not an earlier one kept for another piece', () => {
    // The 2-unit piece bakes first but is packed after the 4-unit piece: arriving first at PACK it
    // must wait for its own entry (64), not take the 4-unit piece's (60).
    const line = ovenOfFour(['PACK'], operation('pack', { PACK: 1 }));
    const result = simulatePlant(line, follow(scheduleOf([
      { order: 'b', operation: 'bake', equipment: 'OVEN', start: 30, end: 60, batch: 'X2', quantity: 4 },
      { order: 'b', operation: 'bake', equipment: 'OVEN', start: 0, end: 30, batch: 'X1', quantity: 2 },
      { order: 'b', operation: 'pack', equipment: 'PACK', start: 60, end: 64, quantity: 4 },
      { order: 'b', operation: 'pack', equipment: 'PACK', start: 64, end: 66, quantity: 2 },
    ])));
    expect(result.follow).toMatchObject({ entries: 4, matched: 4, mismatches: [] });
    expect(completions(result)).toEqual({ b: 66 });
  });

  it('takes a batch’s changeover from whichever of its entries lists it', () => {
    const oven = makePlant({
      machines: [{ id: 'OVEN' }],
      scenario: {
        ...oneProduct([operation('op', { OVEN: 30 })]),
        batchEquipment: [{ equipment: 'OVEN', capacity: 10 }],
        setupMatrices: [{ id: 'SM', equipment: ['OVEN'], keys: ['F'], times: [[0]], initial: 10 }],
        orders: [order('a', 'P', 5, 0, 999), order('b', 'P', 5, 0, 999)],
        experiment: { horizon: 1000 },
      },
    });
    const result = simulatePlant(oven, follow(scheduleOf([
      { order: 'a', equipment: 'OVEN', start: 20, end: 50, batch: 'B1' }, { order: 'b', equipment: 'OVEN', start: 20, end: 50, batch: 'B1', setup: 10 },
    ])));
    // The changeover begins at its planned 10 (held until then for both lots), the run at 20.
    expect(completions(result)).toEqual({ a: 50, b: 50 });
    expect(result.follow).toMatchObject({ entries: 2, matched: 2, mismatches: [] });
    expect(result.follow!.deviations.setupChanged).toBe(0);
  });

  it('waits for a listed batch’s missing lot up to maxWait from the batch’s planned begin', () => {
    const oven = makePlant({
      machines: [{ id: 'OVEN' }],
      scenario: {
        ...oneProduct([operation('op', { OVEN: 30 })]),
        batchEquipment: [{ equipment: 'OVEN', capacity: 10, maxWait: 30 }],
        orders: [order('a', 'P', 5, 0, 999), order('late', 'P', 5, 60, 999)],
        experiment: { horizon: 1000 },
      },
    });
    const result = simulatePlant(oven, follow(scheduleOf([
      { order: 'a', equipment: 'OVEN', start: 50, end: 80, batch: 'B1' }, { order: 'late', equipment: 'OVEN', start: 50, end: 80, batch: 'B1' },
    ])));
    // a has been there since 0 (early by plan, not waiting for partners): B1 waits from its planned
    // 50 up to 80 for 'late', which comes at 60, and runs whole (not a without it at 50, then 'late' alone).
    expect(completions(result)).toEqual({ a: 90, late: 90 });
    expect(result.follow!.deviations).toMatchObject({ partialBatches: 0, late: 1, lateMinutes: 10 });
  });

  it('starts a listed batch without a missing lot once a later entry is due', () => {
    const oven = makePlant({
      machines: [{ id: 'OVEN' }],
      scenario: {
        ...oneProduct([operation('op', { OVEN: 30 })]),
        batchEquipment: [{ equipment: 'OVEN', capacity: 10 }],
        orders: [order('a', 'P', 5, 0, 999), order('late', 'P', 5, 200, 999), order('b', 'P', 5, 0, 999)],
        experiment: { horizon: 1000 },
      },
    });
    const result = simulatePlant(oven, follow(scheduleOf([
      { order: 'a', equipment: 'OVEN', start: 0, end: 30, batch: 'B1' }, { order: 'late', equipment: 'OVEN', start: 0, end: 30, batch: 'B1' },
      { order: 'b', equipment: 'OVEN', start: 40, end: 70, batch: 'B2' },
    ])));
    // No maxWait: B1 waits for 'late' until B2 comes due at 40, then runs without it; 'late' runs alone when it comes.
    expect(completions(result)).toEqual({ a: 70, b: 100, late: 230 });
    expect(result.follow!.deviations.partialBatches).toBe(1);
  });
});

describe('stalls', () => {
  // P goes M1 → M2 and Q goes M2 → M1, each buffer one unit: the classic deadlock.
  const ring = () => makePlant({
      machines: [{ id: 'M1', inputBuffer: 1, outputBuffer: 1 }, { id: 'M2', inputBuffer: 1, outputBuffer: 1 }],
      scenario: {
        products: [{ id: 'P', name: 'P', family: 'F', routing: 'RP' }, { id: 'Q', name: 'Q', family: 'F', routing: 'RQ' }],
        routings: [
          { id: 'RP', operations: [operation('a', { M1: 1 }), operation('b', { M2: 1 })] },
          { id: 'RQ', operations: [operation('a', { M2: 1 }), operation('b', { M1: 1 })] },
        ],
        orders: Array.from({ length: 6 }, (_, k) => order(`${k % 2 ? 'q' : 'p'}${k}`, k % 2 ? 'Q' : 'P', 1, 0, 999)),
        experiment: { horizon: 5000 },
      },
    });

  it('reports a plant deadlocked by finite buffers instead of stopping silently', () => {
    const plant = ring();
    const result = simulatePlant(plant, { dispatching: 'FIFO' });
    expect(result.stall).toEqual({ since: expect.any(Number), lots: result.flow.lotsInPlant, equipment: ['M1', 'M2'] });
    expect(result.stall!.since).toBeLessThan(10);
    expect(result.flow.lotsInPlant).toBeGreaterThan(0);
  });

  it('following a schedule, breaks a ring of blocked machines by overfilling a buffer, and counts it', () => {
    const plant = ring();
    const jobs: Planned[] = [];
    for (let k = 0; k < 6; k++) {
      const [first, second] = k % 2 ? ['M2', 'M1'] : ['M1', 'M2'];
      jobs.push({ order: `${k % 2 ? 'q' : 'p'}${k}`, operation: 'a', equipment: first, start: k, end: k + 1 });
      jobs.push({ order: `${k % 2 ? 'q' : 'p'}${k}`, operation: 'b', equipment: second, start: 10 + k, end: 11 + k });
    }
    // The plan's times are not feasible (one minute each, all at once): the lots jam as under FIFO.
    const result = simulatePlant(plant, { dispatching: 'schedule', schedule: scheduleOf(jobs), disturbances: NO_DISTURBANCES });
    expect(result.stall).toBeNull();
    expect(result.orders.every((o) => o.completedAt !== null)).toBe(true);
    expect(result.follow!.deviations.overfilled).toBeGreaterThan(0);
  });

  it('calls work waiting for an operator whose next shift is after the horizon a shift wait, not a stall', () => {
    const plant = makePlant({
      machines: [{ id: 'M' }],
      scenario: {
        products: [{ id: 'A', name: 'A', family: 'A', routing: 'R' }, { id: 'B', name: 'B', family: 'B', routing: 'R' }],
        routings: [{ id: 'R', operations: [operation('op', { M: 1 }, { setupSkill: 'setter' })] }],
        setupMatrices: [{ id: 'SM', equipment: ['M'], keys: ['A', 'B'], times: [[0, 10], [10, 0]], initial: 10 }],
        // The setter works Mondays 00:00–00:30 only; b comes at 100 and needs a changeover.
        operators: [{ id: 'setters', count: 1, skills: ['setter'], calendar: 'short' }],
        calendars: [
          { id: 'always', shifts: [{ name: 'all', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }] },
          { id: 'short', shifts: [{ name: 'short', days: ['mon'], start: '00:00', end: '00:30' }] },
        ],
        equipmentCalendars: { default: 'always' },
        orders: [order('a', 'A', 5, 0, 9999), order('b', 'B', 5, 100, 9999)],
        experiment: { horizon: 3000 },
      },
    });
    const result = simulatePlant(plant);
    expect(completions(result)).toEqual({ a: 15, b: null });
    expect(result.stall).toBeNull();
    expect(result.shiftWait).toEqual({ since: 100, lots: 1, equipment: ['M'], skills: ['setter'] });
    const lines = irregularities([result]).join('\n');
    expect(lines).toMatch(/Waiting for an operator's shift at the end in 1 of 1 replications \(not a stall\).* M waiting for skill setter/);
    expect(lines).not.toMatch(/STALLED/);
  });

  it('does not call a long operation a stall', () => {
    const plant = makePlant({ machines: [{ id: 'M' }], scenario: { ...oneProduct([operation('op', { M: 4000 })]), orders: [order('o', 'P', 1, 0, 9999)], experiment: { horizon: 3000 } } });
    expect(simulatePlant(plant).stall).toBeNull();
  });
});

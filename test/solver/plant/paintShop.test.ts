import { describe, expect, it } from 'vitest';
import { Schedule } from '../../../src/model/scheduleSchema.ts';
import { NO_DISTURBANCES } from '../../../src/sim/plant/plantRun.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import { plantOutputs } from '../../../solver/plant/plantOutputs.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { ALWAYS, makePlant, operation, order, START } from '../../sim/plant/plantBuilder.ts';

/**
 * A small hand-made paint shop (not a sample): cut → paint (colour changeovers by a setter who
 * works days only; a weekly service) → cure oven (batches of up to 40 parts of one coating
 * class, a load waits at most 90 min for partners) → pack (room for 30 parts in front). A 60-part
 * order is cut into 40 + 20 for the oven.
 */
function paintShop() {
  return makePlant({
    machines: [{ id: 'CUT' }, { id: 'PAINT' }, { id: 'OVEN' }, { id: 'PACK', inputBuffer: 30 }],
    scenario: {
      products: [
        { id: 'RED', name: 'Red panel', family: 'panel', attributes: { colour: 'red', coat: 'powder' }, routing: 'R' },
        { id: 'BLUE', name: 'Blue panel', family: 'panel', attributes: { colour: 'blue', coat: 'powder' }, routing: 'R' },
        { id: 'CLEAR', name: 'Clear panel', family: 'panel', attributes: { colour: 'clear', coat: 'lacquer' }, routing: 'R' },
      ],
      routings: [{
        id: 'R', operations: [
          operation('cut', { CUT: 0.5 }),
          operation('paint', { PAINT: 1.5 }, { setupSkill: 'setup' }),
          operation('cure', { OVEN: 45 }),
          operation('pack', { PACK: 0.4 }),
        ],
      }],
      setupMatrices: [{ id: 'colour', equipment: ['PAINT'], attribute: 'colour', keys: ['red', 'blue', 'clear'], times: [[0, 25, 15], [30, 0, 15], [20, 20, 0]], initial: 10 }],
      batchEquipment: [{ equipment: 'OVEN', capacity: 40, by: 'coat', maxWait: 90 }],
      calendars: [ALWAYS, { id: 'days', shifts: [{ name: 'day', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '18:00', breaks: [{ start: '12:00', end: '12:30' }] }] }],
      operators: [{ id: 'setter', count: 1, skills: ['setup'], calendar: 'days' }],
      maintenance: [{ equipment: 'PAINT', start: '2026-11-30T14:00:00Z', duration: 60, repeatEvery: 10080 }],
      orders: [
        order('A1', 'RED', 24, 360, 1440), order('A2', 'BLUE', 16, 360, 1440), order('A3', 'RED', 60, 400, 2000),
        order('A4', 'CLEAR', 30, 420, 2880), order('A5', 'BLUE', 12, 480, 1800), order('A6', 'CLEAR', 8, 600, 2880),
        order('A7', 'RED', 20, 700, 2400), order('A8', 'BLUE', 36, 720, 2400),
      ],
      experiment: { horizon: 10_000 },
    },
  });
}

describe('a hand-made paint shop', () => {
  it('is scheduled by the rules and followed by the simulator start for start', () => {
    const plant = paintShop();
    expect(plant.scenario?.start).toBe(START);
    const pp = plantProblem(plant);
    const r = solvePlant(pp, { maxIterations: 300, seed: 1 });
    expect(checkPlantTimetable(pp, r.timetable)).toEqual([]);
    const schedule = Schedule.parse(JSON.parse(JSON.stringify(plantOutputs(pp, r).schedule)));
    // A3's 60 parts go through the oven as 40 + 20; a load holds one coating class.
    const cures = schedule.operations.filter((o) => o.operation === 'cure');
    expect(cures.filter((o) => o.order === 'A3').map((o) => o.quantity).sort()).toEqual([20, 40]);
    const loads = new Map<string, string[]>();
    for (const o of cures) loads.set(o.batch!, [...(loads.get(o.batch!) ?? []), o.order]);
    const powder = new Set(['A1', 'A2', 'A3', 'A5', 'A7', 'A8']);
    for (const orders of loads.values()) expect(new Set(orders.map((x) => powder.has(x))).size).toBe(1);
    // The simulator, randomness off, repeats it.
    const followed = simulatePlant(plant, { dispatching: 'schedule', schedule, disturbances: NO_DISTURBANCES });
    expect(followed.stall).toBeNull();
    expect(followed.follow!.mismatches).toEqual([]);
    expect(followed.follow!.matched).toBe(schedule.operations.length);
    for (const o of followed.orders) expect(o.completedAt).not.toBeNull();
  });
});

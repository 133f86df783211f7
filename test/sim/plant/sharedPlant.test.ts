import { describe, expect, it } from 'vitest';
import { isoAt } from '../../../src/model/calendar.ts';
import { subtractWindows } from '../../../src/model/calendar.ts';
import { availableIntervals, earliestFit, poolIntervals } from '../../../src/sim/plant/availability.ts';
import { compilePlant, poolsWithSkill } from '../../../src/sim/plant/compiledPlant.ts';
import { OUTSIDE } from '../../../src/sim/plant/lots.ts';
import { moveMinutes, needsVehicle } from '../../../src/sim/plant/moves.ts';
import { plannedBatchMinutes, plannedRunMinutes } from '../../../src/sim/plant/plannedTimes.ts';
import { familyChangeovers } from '../../../src/sim/plant/setupFamilies.ts';
import { setupTime } from '../../../src/sim/plant/setups.ts';
import { makePlant, operation, order, START } from './plantBuilder.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[];

function plant() {
  return makePlant({
    machines: [{ id: 'M1' }, { id: 'M2' }, { id: 'OVEN' }],
    scenario: {
      products: [
        { id: 'a-red', name: 'a', family: 'A', attributes: { colour: 'red' }, routing: 'R' },
        { id: 'a-blue', name: 'a', family: 'A', attributes: { colour: 'blue' }, routing: 'R' },
        { id: 'b-red', name: 'b', family: 'B', attributes: { colour: 'red' }, routing: 'R' },
      ],
      routings: [{ id: 'R', operations: [
        operation('cut', { M1: 2, M2: 3 }, { setupSkill: 'setter' }),
        operation('cure', { OVEN: 90 }, { uninterruptible: true }),
      ] }],
      setupMatrices: [
        { id: 'fam', equipment: ['M1', 'M2'], keys: ['A', 'B'], times: [[1, 20], [30, 2]], initial: 5 },
        { id: 'col', equipment: ['M1'], attribute: 'colour', keys: ['red', 'blue'], times: [[0, 7], [11, 0]], initial: 3 },
      ],
      batchEquipment: [{ equipment: 'OVEN', capacity: 10 }],
      orders: [order('o1', 'a-red', 4, 0, 999)],
      calendars: [
        { id: 'always', shifts: [{ name: 'all', days: [...weekdays, 'sat', 'sun'], start: '00:00', end: '24:00' }] },
        { id: 'day', shifts: [{ name: 'day', days: weekdays, start: '06:00', end: '14:00', breaks: [{ start: '10:00', end: '10:30' }] }] },
      ],
      equipmentCalendars: { default: 'always', overrides: { OVEN: 'day' } },
      maintenance: [{ equipment: 'OVEN', start: isoAt(START, 7 * 60), duration: 60 }],
      operators: [{ id: 'setters', count: 1, skills: ['setter'], calendar: 'day' }, { id: 'all', count: 2, skills: ['other', 'setter'] }],
      transport: { fleets: [{ id: 'cart', kind: 'manual', count: 1, speed: 0.5, handlingTime: 2 }], default: 'cart' },
      startState: { kind: 'snapshot', time: START, equipment: [{ id: 'M2', state: 'idle', setupKey: 'B' }] },
    },
  });
}

describe('the compiled plant shared by simulator and scheduler', () => {
  const p = compilePlant(plant());
  const [m1, m2, oven] = [0, 1, 2];

  it('groups products into setup families whose changeovers are the simulator’s setup times', () => {
    expect(p.setupFamilies.count).toBe(3);
    expect(Array.from(p.setupFamilies.of)).toEqual([0, 1, 2]);
    for (const e of [m1, m2]) {
      const spec = p.equipment[e]!;
      const table = familyChangeovers(p, e);
      for (let a = 0; a < 3; a++) {
        for (let b = 0; b < 3; b++) {
          const keys = Int32Array.from(spec.setups, (s) => s.keyOf[a]!);
          expect(table.minutes[a * 3 + b]).toBe(setupTime(spec.setups, keys, b));
        }
      }
    }
    // M1: family matrix + colour matrix add up; M2 starts set up for B (snapshot), M1 empty.
    expect(Array.from(familyChangeovers(p, m1).minutes)).toEqual([1, 1 + 7, 20, 1 + 11, 1, 20 + 11, 30, 30 + 7, 2]);
    expect(Array.from(familyChangeovers(p, m1).initial)).toEqual([5 + 3, 5 + 3, 5 + 3]);
    expect(Array.from(familyChangeovers(p, m2).initial)).toEqual([30, 30, 2]);
  });

  it('gives planned run minutes per unit, per batch on batch equipment', () => {
    const [cut, cure] = p.routings[0]!.operations;
    expect(plannedRunMinutes(cut!, p.equipment[m2]!, 4)).toBe(12);
    expect(plannedRunMinutes(cure!, p.equipment[oven]!, 4)).toBe(90);
    expect(plannedBatchMinutes([cure!, cure!], p.equipment[oven]!)).toBe(90);
    expect(cure!.uninterruptible).toBe(true);
    expect(cut!.uninterruptible).toBe(false);
  });

  it('knows when equipment may work: its calendar minus planned maintenance', () => {
    // Monday 06:00–10:00 and 10:30–14:00, minus maintenance 07:00–08:00.
    expect(availableIntervals(p, oven, 1440)).toEqual([[360, 420], [480, 600], [630, 840]]);
    expect(availableIntervals(p, m1, 1440)).toEqual([[0, 1440]]);
    expect(earliestFit(availableIntervals(p, oven, 1440), 0, 90)).toBe(480);
    expect(earliestFit(availableIntervals(p, oven, 1440), 500, 150)).toBe(630);
    expect(earliestFit(availableIntervals(p, oven, 1440), 0, 300)).toBe(Infinity);
    expect(poolIntervals(p, 1, 100)).toEqual([[0, 100]]);
    expect(poolsWithSkill(p, 'setter')).toEqual([0, 1]);
  });

  it('subtracts overlapping and unordered windows', () => {
    expect(subtractWindows([[0, 10], [20, 30], [40, 50]], [[25, 45], [5, 8], [6, 22], [49, 60]])).toEqual([[0, 5], [22, 25], [45, 49]]);
  });

  it('says which moves take a vehicle and how long the loaded trip is', () => {
    expect(needsVehicle(p, OUTSIDE, m1)).toBe(false);
    expect(needsVehicle(p, m1, m1)).toBe(false);
    expect(needsVehicle(p, m1, oven)).toBe(true);
    // 20 m at 30 m/min plus 2 min handling.
    expect(moveMinutes(p, m1, oven)).toBeCloseTo(2 + 20 / 30, 12);
    expect(moveMinutes(p, m1, m1)).toBe(0);
  });
});

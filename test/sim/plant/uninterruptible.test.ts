import { describe, expect, it } from 'vitest';
import { isoAt } from '../../../src/model/calendar.ts';
import type { ScenarioInput } from '../../../src/model/scenarioSchema.ts';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order, START } from './plantBuilder.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[];
// Early shift Mon–Fri 06:00–14:00 with a break 10:00–10:30: windows 360–600 and 630–840 on Monday, +1440 a day.
const early: ScenarioInput['calendars'][number] = {
  id: 'early', shifts: [{ name: 'early', days: weekdays, start: '06:00', end: '14:00', breaks: [{ start: '10:00', end: '10:30' }] }],
};

function plant(minutes: number, orders: number, more: Partial<ScenarioInput> = {}, op: Record<string, unknown> = {}) {
  return makePlant({
    machines: [{ id: 'M' }],
    scenario: {
      ...oneProduct([operation('cure', { M: minutes }, { uninterruptible: true, ...op })]),
      calendars: [early], equipmentCalendars: { default: 'early' },
      orders: Array.from({ length: orders }, (_, k) => order(`o${k + 1}`, 'P', 1, 0, 9000)),
      experiment: { horizon: 4 * 1440 },
      ...more,
    },
  });
}

describe('uninterruptible operations', () => {
  it('start only where the whole run fits in one working window', () => {
    // 220 min: o1 fits 360–580; o2 fits neither 580–600 nor 630–840, so waits for Tuesday 06:00 (1800).
    const result = simulatePlant(plant(220, 2));
    expect(completions(result)).toEqual({ o1: 580, o2: 2020 });
    expect(result.overruns).toBe(0);
    // An interruptible operation of the same length would have run 580–600 and 630–830.
    const plain = simulatePlant(plant(220, 2, {}, { uninterruptible: false }));
    expect(completions(plain)).toEqual({ o1: 580, o2: 830 });
  });

  it('wait for planned maintenance to pass rather than be cut by it', () => {
    const result = simulatePlant(plant(200, 1, { maintenance: [{ equipment: 'M', start: isoAt(START, 450), duration: 60 }] }));
    // 360–450 is too short; after maintenance 510–600 too; 630–830 fits.
    expect(completions(result)).toEqual({ o1: 830 });
    expect(result.equipment[0]!.states.maintenance).toBeCloseTo(60, 9);
  });

  it('run over when no window ahead is long enough: through the break, with maintenance waiting for the end', () => {
    const result = simulatePlant(plant(300, 1, { maintenance: [{ equipment: 'M', start: isoAt(START, 500), duration: 60 }] }));
    // Starts at 360 and runs 300 min straight through the break; the maintenance due at 500 starts at 660.
    expect(completions(result)).toEqual({ o1: 660 });
    expect(result.overruns).toBe(1);
    const m = result.equipment[0]!;
    expect(m.states.processing).toBeCloseTo(300, 9);
    expect(m.states.maintenance).toBeCloseTo(60, 9);
  });

  it('let the setup before them pause as usual and fit the run after it', () => {
    const result = simulatePlant(plant(200, 1, {
      setupMatrices: [{ id: 's', equipment: ['M'], keys: ['F'], times: [[0]], initial: 250 }],
    }));
    // Setup 360–600 (240) and 630–640 (10); the run (200) fits 640–840.
    expect(completions(result)).toEqual({ o1: 840 });
  });

  it('fit the run operator’s shift too', () => {
    const always = { id: 'always', shifts: [{ name: 'all', days: [...weekdays, 'sat', 'sun'] as ('mon' | 'sun')[], start: '00:00', end: '24:00' }] };
    const result = simulatePlant(plant(300, 1, {
      calendars: [always, early], equipmentCalendars: { default: 'always' },
      operators: [{ id: 'crew', count: 1, skills: ['cure'], calendar: 'early' }],
    }, { runSkill: 'cure' }));
    // The machine could start at 0, but the crew's windows are 240 and 210 min: none fits 300, so
    // it starts when the crew first comes (360) and runs over the crew's break.
    expect(completions(result)).toEqual({ o1: 660 });
    expect(result.overruns).toBe(1);
    const fits = simulatePlant(plant(200, 1, {
      calendars: [always, early], equipmentCalendars: { default: 'always' },
      operators: [{ id: 'crew', count: 1, skills: ['cure'], calendar: 'early' }],
    }, { runSkill: 'cure' }));
    expect(completions(fits)).toEqual({ o1: 560 });
  });

  it('never go to equipment where their run fits in no window, while some other fits', () => {
    const always = { id: 'always', shifts: [{ name: 'all', days: [...weekdays, 'sat', 'sun'] as ('mon' | 'sun')[], start: '00:00', end: '24:00' }] };
    const result = simulatePlant(makePlant({
      machines: [{ id: 'SHORT' }, { id: 'LONG' }],
      scenario: {
        ...oneProduct([operation('cure', { SHORT: 300, LONG: 400 }, { uninterruptible: true })]),
        calendars: [early, always], equipmentCalendars: { default: 'early', overrides: { LONG: 'always' } },
        orders: [order('o1', 'P', 1, 0, 9000), order('o2', 'P', 1, 0, 9000)],
        experiment: { horizon: 3 * 1440 },
      },
    }));
    // SHORT is free and faster, but 300 min fit none of its windows: both go to LONG, one after the other.
    expect(completions(result)).toEqual({ o1: 400, o2: 800 });
    expect(result.equipment[0]!.states.processing).toBe(0);
    expect(result.overruns).toBe(0);
  });

  it('bind a whole batch when one of its lots may not be interrupted', () => {
    const result = simulatePlant(makePlant({
      machines: [{ id: 'M' }],
      scenario: {
        products: [{ id: 'A', name: 'A', family: 'F', routing: 'RA' }, { id: 'B', name: 'B', family: 'F', routing: 'RB' }],
        routings: [
          { id: 'RA', operations: [operation('heat', { M: 220 })] },
          { id: 'RB', operations: [operation('heat', { M: 100 }, { uninterruptible: true })] },
        ],
        batchEquipment: [{ equipment: 'M', capacity: 10 }],
        calendars: [early], equipmentCalendars: { default: 'early' },
        orders: [order('a', 'A', 5, 0, 9000), order('b', 'B', 5, 0, 9000)],
        experiment: { horizon: 3 * 1440 },
      },
    }));
    // One batch of both, 220 min (the longest), uninterruptible because of b: 360–580.
    expect(completions(result)).toEqual({ a: 580, b: 580 });
  });
});

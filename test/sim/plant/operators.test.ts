import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, operation, order } from './plantBuilder.ts';

describe('operators', () => {
  const plant = (count: number, extra: object = {}) => makePlant({
    machines: [{ id: 'M1' }, { id: 'M2' }],
    scenario: {
      products: [
        { id: 'P1', name: 'P1', family: 'F', routing: 'R1' },
        { id: 'P2', name: 'P2', family: 'F', routing: 'R2' },
      ],
      routings: [
        { id: 'R1', operations: [operation('op', { M1: 1 }, { setupSkill: 'setter' })] },
        { id: 'R2', operations: [operation('op', { M2: 1 }, { setupSkill: 'setter' })] },
      ],
      setupMatrices: [{ id: 'SM', equipment: ['M1', 'M2'], keys: ['F'], times: [[0]], initial: 10 }],
      operators: [{ id: 'setters', count, skills: ['setter'] }],
      orders: [order('o1', 'P1', 5, 0, 100), order('o2', 'P2', 5, 0, 100)],
      experiment: { horizon: 100 },
      ...extra,
    },
  });

  it('a pool of one serialises two machines’ setups', () => {
    const result = simulatePlant(plant(1));
    // M1: setup 0–10, run 10–15. M2 waits for the setter (idle) 0–10, setup 10–20, run 20–25.
    expect(completions(result)).toEqual({ o1: 15, o2: 25 });
    expect(result.equipment[1]!.states.idle).toBeCloseTo(10, 9);
    expect(result.equipment[1]!.states.setup).toBeCloseTo(10, 9);
  });

  it('a pool of two lets both setups run at once', () => {
    expect(completions(simulatePlant(plant(2)))).toEqual({ o1: 15, o2: 15 });
  });

  it('an operator whose shift ends stops the task and carries on next shift', () => {
    const result = simulatePlant(plant(1, {
      operators: [{ id: 'setters', count: 1, skills: ['setter'], calendar: 'short' }],
      calendars: [
        { id: 'always', shifts: [{ name: 'all', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }] },
        { id: 'short', shifts: [{ name: 'short', days: ['mon', 'tue'], start: '00:00', end: '00:15' }] },
      ],
      equipmentCalendars: { default: 'always' },
      experiment: { horizon: 2000 },
    }));
    // M1: setup 0–10, run 10–15. M2's setup starts at 10, stops at 15 with 5 left, resumes Tuesday 00:00 (1440).
    expect(completions(result)).toEqual({ o1: 15, o2: 1450 });
    expect(result.equipment[1]!.states.setup).toBeCloseTo(10, 9);
  });

  it('a changeover that ends as the setter’s shift does is done: the run follows at once', () => {
    const result = simulatePlant(plant(1, {
      operators: [{ id: 'setters', count: 1, skills: ['setter'], calendar: 'short' }],
      calendars: [
        { id: 'always', shifts: [{ name: 'all', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }] },
        { id: 'short', shifts: [{ name: 'short', days: ['mon', 'tue'], start: '00:00', end: '00:20' }] },
      ],
      equipmentCalendars: { default: 'always' },
      experiment: { horizon: 2000 },
    }));
    // M1: setup 0–10, run 10–15. M2: setup 10–20 ends with the setter's shift; run 20–25 (not Tuesday).
    expect(completions(result)).toEqual({ o1: 15, o2: 25 });
    expect(result.equipment[1]!.states.setup).toBeCloseTo(10, 9);
    expect(result.equipment[1]!.states.processing).toBeCloseTo(5, 9);
  });
});

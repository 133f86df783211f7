import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, constant, makePlant, oneProduct, operation, order } from './plantBuilder.ts';

describe('failures and maintenance', () => {
  const plantWith = (extra: object) => makePlant({
    machines: [{ id: 'M' }],
    scenario: {
      ...oneProduct([operation('op', { M: 250 })]),
      orders: [order('o', 'P', 1, 0, 1000)],
      experiment: { horizon: 300 },
      ...extra,
    },
  });

  it('pauses the operation for each repair and resumes it (constant TBF 100, TTR 20)', () => {
    const result = simulatePlant(plantWith({
      failures: [{ equipment: ['M'], timeBetweenFailures: constant(100), timeToRepair: constant(20) }],
    }));
    // fails at 100 (repaired 120) and at 220 (repaired 240): 250 + 40 → 290
    expect(completions(result)).toEqual({ o: 290 });
    const m = result.equipment[0]!;
    expect(m.states.down).toBeCloseTo(40, 9);
    expect(m.states.processing).toBeCloseTo(250, 9);
    expect(m.oee!.availability).toBeCloseTo(250 / 300, 9);
  });

  it('does not count off-shift time towards an operating-basis failure', () => {
    const result = simulatePlant(plantWith({
      calendars: [{ id: 'day', shifts: [{ name: 'day', days: ['mon', 'tue'], start: '00:00', end: '01:00' }] }],
      equipmentCalendars: { default: 'day' },
      failures: [{ equipment: ['M'], timeBetweenFailures: constant(100), timeToRepair: constant(20) }],
      experiment: { horizon: 2000 },
    }));
    // Working 0–60 and 1440–1500: the first failure comes after 100 working minutes, at 1480.
    const m = result.equipment[0]!;
    expect(m.states.down).toBeCloseTo(20, 9);
    expect(m.states.processing).toBeCloseTo(60 + 40, 9);
  });

  it('takes the machine for planned maintenance at its start and resumes the job after it', () => {
    const result = simulatePlant(plantWith({
      maintenance: [{ equipment: 'M', start: '2026-11-30T01:00:00Z', duration: 30 }],
    }));
    expect(completions(result)).toEqual({ o: 280 });
    const m = result.equipment[0]!;
    expect(m.states.maintenance).toBeCloseTo(30, 9);
    expect(m.plannedMinutes).toBeCloseTo(270, 9);
    expect(m.oee!.availability).toBeCloseTo(250 / 270, 9);
  });

  it('repeats maintenance every repeatEvery minutes', () => {
    const result = simulatePlant(plantWith({
      maintenance: [{ equipment: 'M', start: '2026-11-30T00:50:00Z', duration: 10, repeatEvery: 100 }],
    }));
    // windows 50–60, 150–160, 250–260 (the job ends at 280)
    expect(result.equipment[0]!.states.maintenance).toBeCloseTo(30, 9);
    expect(completions(result)).toEqual({ o: 280 });
  });
});

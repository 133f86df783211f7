import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../src/sim/plant/simulatePlant.ts';
import { completions, makePlant, oneProduct, operation, order } from './plantBuilder.ts';

describe('shifts and breaks', () => {
  // Early shift Mon–Fri 06:00–14:00 with a break 10:00–10:30 (minutes 360–840, break 600–630).
  const scenario = (minutes: number) => ({
    ...oneProduct([operation('op', { M: minutes })]),
    calendars: [{
      id: 'early',
      shifts: [{ name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[], start: '06:00', end: '14:00', breaks: [{ start: '10:00', end: '10:30' }] }],
    }],
    equipmentCalendars: { default: 'early' },
    orders: [order('o', 'P', 1, 0, 5000)],
    experiment: { horizon: 2880 },
  });

  it('waits for the shift, pauses an operation over the break and resumes it with the time left', () => {
    const result = simulatePlant(makePlant({ machines: [{ id: 'M' }], scenario: scenario(300) }));
    // starts 360; 240 min done at the break (600); 60 left after 630 → 690
    expect(completions(result)).toEqual({ o: 690 });
    const m = result.equipment[0]!;
    expect(m.states.processing).toBeCloseTo(300, 9);
    // Mon 0–360, break, 840 to Tue 06:00 (960), Tue break, Tue 14:00 to the horizon (600)
    expect(m.states['off-shift']).toBeCloseTo(360 + 30 + 960 + 30 + 600, 9);
  });

  it('carries an operation over the shift end to the next morning', () => {
    const result = simulatePlant(makePlant({ machines: [{ id: 'M' }], scenario: scenario(500) }));
    // 240 before the break, 210 after it until 14:00 (840), 50 left from Tuesday 06:00 (1800)
    expect(completions(result)).toEqual({ o: 1850 });
  });

  it('counts planned production time as the calendar’s working time', () => {
    const result = simulatePlant(makePlant({ machines: [{ id: 'M' }], scenario: scenario(300) }));
    expect(result.equipment[0]!.plannedMinutes).toBeCloseTo(2 * 450, 9);
    expect(result.equipment[0]!.oee!.availability).toBeCloseTo(300 / 900, 9);
  });
});

import { describe, expect, it } from 'vitest';
import { elapsed, plantClock } from '../../src/ui/plantTime.ts';

describe('plant clock text', () => {
  it('reads to the second in the plant zone, the fraction of a second cut off, never rounded up', () => {
    expect(plantClock('2022-08-08T13:37:00Z', 18.85 / 60)).toBe('2022-08-08 13:37:18 UTC');
    expect(plantClock('2022-08-08T13:37:00Z', 59.999 / 60)).toBe('2022-08-08 13:37:59 UTC');
    expect(plantClock('2026-11-30T06:00:00+01:00', 65.5)).toBe('2026-11-30 07:05:30 +01:00');
    expect(plantClock('2026-11-30T06:00:00.250-05:00', 0)).toBe('2026-11-30 06:00:00 -05:00');
  });

  it('elapsed time in days, hours and minutes', () => {
    expect(elapsed(2 * 1440 + 3 * 60 + 15.9)).toBe('2 d 03:15');
  });
});

import { describe, expect, it } from 'vitest';
import { isoAt, minutesBetween, totalMinutes, workingIntervals } from '../../src/model/calendar.ts';

const twoShifts = {
  id: 'two',
  shifts: [
    { name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: '06:00', end: '14:00', breaks: [{ start: '10:00', end: '10:30' }] },
    { name: 'late', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, start: '14:00', end: '22:00', breaks: [{ start: '18:00', end: '18:30' }] },
  ],
  holidays: [] as string[],
};
const monday = '2026-11-30T00:00:00Z';

describe('calendar working time', () => {
  it('two shifts with a half-hour break each give 15 h a weekday and nothing at the weekend', () => {
    const week = workingIntervals({ ...twoShifts, shifts: twoShifts.shifts.map((s) => ({ ...s, days: [...s.days] })) }, monday, 7 * 1440);
    expect(totalMinutes(week)).toBe(5 * 15 * 60);
    expect(week[0]).toEqual([360, 600]);
    expect(week[1]).toEqual([630, 1080]);
    expect(week.every(([s]) => s < 5 * 1440)).toBe(true);
  });

  it('a night shift crosses midnight and its break after midnight is removed', () => {
    const night = { id: 'n', holidays: [], shifts: [{ name: 'night', days: ['mon' as const], start: '22:00', end: '06:00', breaks: [{ start: '02:00', end: '02:30' }] }] };
    expect(workingIntervals(night, monday, 2 * 1440)).toEqual([[1320, 1560], [1590, 1800]]);
  });

  it('a holiday cancels the shifts that start on it', () => {
    const cal = { ...twoShifts, shifts: twoShifts.shifts.map((s) => ({ ...s, days: [...s.days] })), holidays: ['2026-12-01'] };
    expect(totalMinutes(workingIntervals(cal, monday, 7 * 1440))).toBe(4 * 15 * 60);
  });

  it('clock times are read in the offset of the scenario start', () => {
    const cal = { id: 'c', holidays: [], shifts: [{ name: 'day', days: ['mon' as const], start: '08:00', end: '16:00', breaks: [] }] };
    expect(workingIntervals(cal, '2026-11-30T00:00:00+01:00', 1440)).toEqual([[480, 960]]);
  });

  it('converts between minutes and ISO date-times in the start offset', () => {
    expect(isoAt('2026-11-30T00:00:00+01:00', 90)).toBe('2026-11-30T01:30:00+01:00');
    expect(minutesBetween(monday, '2026-12-01T06:00:00Z')).toBe(1800);
  });

  it('writes the instant toISOString writes, in the start offset, at any minute (fractions, negative, far years)', () => {
    const reference = (start: string, minutes: number, offset: number, sign: string): string => {
      const iso = new Date(Math.round(Date.parse(start) + (minutes + offset) * 60_000)).toISOString();
      return `${iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23)}${sign}`;
    };
    const starts: [string, number, string][] = [['2026-11-30T00:00:00Z', 0, 'Z'], ['2026-11-30T00:00:00+05:30', 330, '+05:30'], ['1999-12-31T23:00:00-01:00', -60, '-01:00'], ['0001-01-01T00:00:00Z', 0, 'Z']];
    let x = 12345;
    const next = (): number => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
    for (const [start, offset, sign] of starts) {
      const minutes = [0, 0.5, 1 / 60, 1 / 60_000, 59.999, 1439.99999, -1, -0.25, -1440 * 400, 1e7, 4.5e9, 5e9, -1e9];
      for (let i = 0; i < 400; i++) minutes.push((next() - 0.3) * 10 ** (1 + Math.floor(next() * 8)));
      for (const m of minutes) expect(isoAt(start, m), `${start} + ${m}`).toBe(reference(start, m, offset, sign));
    }
  });
});

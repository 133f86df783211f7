import { describe, expect, it } from 'vitest';
import { checkTimetable } from '../../solver/checker.ts';
import { solveMakespan } from '../../solver/solve.ts';
import { makespanOf } from '../../solver/timetable.ts';
import { optimalMakespan } from './bruteForce.ts';
import { randomFlexible, randomJobShop, withPlantFeatures } from './instances.ts';

describe('tabu search reaches the optimum proven by enumeration', () => {
  it.each([1, 2, 3, 4, 5, 6])('3×3 job shop, seed %i', (seed) => {
    const p = randomJobShop(seed, 3, 3, 9);
    const opt = optimalMakespan(p);
    const r = solveMakespan(p, { seed, maxIterations: 2000 });
    expect(checkTimetable(p, r.timetable)).toEqual([]);
    expect(r.makespan).toBe(opt);
  });

  it.each([11, 12, 13])('3 jobs × 2 operations on 3 machines, flexible, seed %i', (seed) => {
    const p = randomFlexible(seed, 3, 2, 3, 3);
    const opt = optimalMakespan(p);
    const r = solveMakespan(p, { seed, maxIterations: 3000 });
    expect(checkTimetable(p, r.timetable)).toEqual([]);
    expect(r.makespan).toBe(opt);
  });

  it.each([21, 22, 23])('3×3 job shop with releases, an assembly arc and changeovers, seed %i', (seed) => {
    const p = withPlantFeatures(randomJobShop(seed, 3, 3, 9), seed);
    const opt = optimalMakespan(p);
    const r = solveMakespan(p, { seed, maxIterations: 3000 });
    expect(checkTimetable(p, r.timetable)).toEqual([]);
    expect(makespanOf(r.timetable)).toBe(r.makespan);
    expect(r.makespan).toBe(opt);
  });
});

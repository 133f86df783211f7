import { describe, expect, it } from 'vitest';
import { checkTimetable } from '../../solver/checker.ts';
import { solveMakespan } from '../../solver/solve.ts';
import { makespanOf } from '../../solver/timetable.ts';
import { problemFromRoutings } from '../../solver/problem.ts';
import { Random } from '../../solver/random.ts';
import { randomFlexible, randomJobShop, withPlantFeatures } from './instances.ts';

// Property: whatever the instance, the solver's schedule passes the independent checker, its
// makespan is the timetable's, and no lower bound exceeds it.
describe('every schedule the solver returns is feasible', () => {
  const rng = new Random(2024);
  const cases = Array.from({ length: 24 }, (_, i) => {
    const seed = rng.uint32();
    const jobs = 2 + rng.int(8);
    const machines = 2 + rng.int(5);
    const base = i % 3 === 0 ? randomJobShop(seed, jobs, machines) : randomFlexible(seed, jobs, 1 + rng.int(5), machines, 1 + rng.int(machines));
    return { name: `${i}: ${base.name} ${jobs}×${machines}${i % 2 === 1 ? ' with plant features' : ''}`, p: i % 2 === 1 ? withPlantFeatures(base, seed) : base, seed };
  });
  it.each(cases)('instance $name', ({ p, seed }) => {
    const r = solveMakespan(p, { seed, maxIterations: 400 });
    expect(checkTimetable(p, r.timetable)).toEqual([]);
    expect(makespanOf(r.timetable)).toBe(r.makespan);
    expect(r.lowerBound).toBeLessThanOrEqual(r.makespan);
    expect(Math.min(...r.construction.map((x) => x.value[0] as number))).toBeGreaterThanOrEqual(r.makespan);
  });
});

describe('restarts keep schedules feasible', () => {
  const cases = [0, 1, 2, 3, 4, 5].map((i) => {
    const base = i % 2 === 0 ? randomJobShop(100 + i, 8, 4) : randomFlexible(100 + i, 7, 4, 4, 3);
    return { name: `${i}: ${base.name}`, p: withPlantFeatures(base, i), seed: i };
  });
  it.each(cases)('frequent crossover restarts on $name', ({ p, seed }) => {
    const r = solveMakespan(p, { seed, maxIterations: 1500, tabu: { stall: 10, crossover: 1 } });
    expect(r.restarts).toBeGreaterThan(5);
    expect(checkTimetable(p, r.timetable)).toEqual([]);
    expect(makespanOf(r.timetable)).toBe(r.makespan);
  });
});

describe('zero-length operations (milestones) do not break construction or search', () => {
  it.each([31, 32, 33, 34])('seed %i', (seed) => {
    const base = seed % 2 === 0 ? randomJobShop(seed, 6, 4) : randomFlexible(seed, 6, 4, 4, 2);
    const rng = new Random(seed);
    const p = withPlantFeatures({ ...base, operations: base.operations.map((op) => ({ ...op, modes: op.modes.map((m) => ({ ...m, duration: rng.int(3) === 0 ? 0 : m.duration })) })) }, seed);
    const r = solveMakespan(p, { seed, maxIterations: 1000, tabu: { stall: 50 } });
    expect(checkTimetable(p, r.timetable)).toEqual([]);
    expect(makespanOf(r.timetable)).toBe(r.makespan);
  });
});

describe('degenerate problems', () => {
  it('no operations: an empty schedule of makespan 0', () => {
    const r = solveMakespan(problemFromRoutings('empty', 2, []), { maxIterations: 10 });
    expect(r.makespan).toBe(0);
    expect(r.timetable).toEqual({ machine: [], start: [], end: [] });
  });

  it('one operation: it runs at its release on its machine', () => {
    const p = problemFromRoutings('one', 3, [[[{ machine: 2, duration: 5 }]]]);
    (p.operations[0] as { release: number }).release = 4;
    const r = solveMakespan(p, { maxIterations: 10 });
    expect(r.timetable).toEqual({ machine: [2], start: [4], end: [9] });
    expect(r.gap).toBe(0);
  });
});

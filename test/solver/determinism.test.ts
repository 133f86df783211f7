import { describe, expect, it } from 'vitest';
import { solveMakespan } from '../../solver/solve.ts';
import { randomFlexible, randomJobShop } from './instances.ts';

describe('runs are reproducible', () => {
  it('the same seed and iteration budget give the same job-shop schedule', () => {
    const p = randomJobShop(7, 10, 6);
    const a = solveMakespan(p, { seed: 42, maxIterations: 3000 });
    const b = solveMakespan(p, { seed: 42, maxIterations: 3000 });
    expect(b.timetable).toEqual(a.timetable);
    expect(b.iterations).toBe(a.iterations);
  });

  it('the same seed and iteration budget give the same flexible schedule', () => {
    const p = randomFlexible(8, 8, 5, 5, 3);
    const a = solveMakespan(p, { seed: 5, maxIterations: 3000 });
    const b = solveMakespan(p, { seed: 5, maxIterations: 3000 });
    expect(b.timetable).toEqual(a.timetable);
  });

  it('the progress callback reports a best makespan that never rises and ends at the result', () => {
    const p = randomJobShop(9, 10, 5);
    const seen: number[] = [];
    const r = solveMakespan(p, { seed: 1, maxIterations: 2000, onProgress: (x) => seen.push(x.best[0] as number) });
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeLessThanOrEqual(seen[i - 1] as number);
    expect(seen[seen.length - 1]).toBe(r.makespan);
  });
});

describe('stopping', () => {
  it('an aborted signal stops the search at once with the best schedule so far', () => {
    const p = randomJobShop(3, 10, 5);
    const controller = new AbortController();
    controller.abort();
    const r = solveMakespan(p, { seed: 1, signal: controller.signal });
    expect(r.iterations).toBe(0);
    expect(r.makespan).toBe(Math.min(...r.construction.map((x) => x.value[0] as number)));
  });

  it('stops early when the makespan reaches the lower bound', () => {
    // One machine: any order is optimal, the makespan equals the machine load.
    const p = randomJobShop(4, 6, 1);
    const r = solveMakespan(p, { seed: 1, maxIterations: 10_000 });
    expect(r.makespan).toBe(r.lowerBound);
    expect(r.iterations).toBe(0);
  });
});

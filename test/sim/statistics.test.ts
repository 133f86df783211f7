import { describe, expect, it } from 'vitest';
import { Tally, TimeWeighted } from '../../src/sim/statistics.ts';

describe('Tally', () => {
  it('gives mean, sample variance, min and max of its observations', () => {
    const tally = new Tally();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) tally.add(x);
    expect(tally.count).toBe(8);
    expect(tally.mean).toBe(5);
    expect(tally.variance).toBeCloseTo(32 / 7, 12);
    expect(tally.min).toBe(2);
    expect(tally.max).toBe(9);
  });

  it('stays accurate for values with a large common offset (where sum of squares fails)', () => {
    const tally = new Tally();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) tally.add(x);
    expect(tally.variance).toBeCloseTo(30, 6);
  });

  it('has no variance with one observation and forgets everything on reset', () => {
    const tally = new Tally();
    tally.add(3);
    expect(tally.variance).toBeNaN();
    tally.reset();
    expect(tally.count).toBe(0);
    tally.add(10);
    expect(tally.mean).toBe(10);
    expect(tally.min).toBe(10);
  });
});

describe('TimeWeighted', () => {
  it('averages a level over time, holding each value until it changes', () => {
    const wip = new TimeWeighted(0, 0);
    wip.set(2, 3); // 0 for 2
    wip.set(5, 1); // 3 for 3
    // then 1 for 5 until t = 10
    expect(wip.mean(10)).toBeCloseTo((0 * 2 + 3 * 3 + 1 * 5) / 10, 12);
    expect(wip.max).toBe(3);
    expect(wip.value).toBe(1);
  });

  it('adds changes to the current level', () => {
    const queue = new TimeWeighted(0, 0);
    queue.add(1, +1);
    queue.add(2, +1);
    queue.add(4, -2);
    expect(queue.mean(4)).toBeCloseTo((0 + 1 + 2 * 2) / 4, 12);
  });

  it('keeps the current level but forgets the past on reset (warm-up deletion)', () => {
    const wip = new TimeWeighted(0, 10);
    wip.set(5, 2);
    wip.reset(5);
    wip.set(7, 4);
    expect(wip.mean(9)).toBeCloseTo((2 * 2 + 4 * 2) / 4, 12);
    expect(wip.max).toBe(4);
  });

  it('reports the current level when no time has passed', () => {
    expect(new TimeWeighted(3, 7).mean(3)).toBe(7);
  });
});

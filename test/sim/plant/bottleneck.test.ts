import { describe, expect, it } from 'vitest';
import { activePeriodBottlenecks } from '../../../src/sim/plant/bottleneck.ts';

describe('the active period method', () => {
  it('makes the machine with the longest active period the sole bottleneck', () => {
    // A is active 0–80, B in short bursts: A is the bottleneck throughout its period.
    const { sole, shifting } = activePeriodBottlenecks([
      { starts: [0], ends: [80] },
      { starts: [0, 30, 60], ends: [10, 40, 70] },
    ], 0, 100);
    expect([...sole]).toEqual([80, 0]);
    expect([...shifting]).toEqual([0, 0]);
  });

  it('marks the overlap of consecutive bottlenecks’ periods as shifting', () => {
    // A 0–50 (length 50), B 40–100 (length 60): A until 40, then the longer B. Their periods
    // overlap 40–50, all of it after the hand-over, so it is B's shifting time.
    const { sole, shifting } = activePeriodBottlenecks([
      { starts: [0], ends: [50] },
      { starts: [40], ends: [100] },
    ], 0, 100);
    expect([...sole]).toEqual([40, 50]);
    expect([...shifting]).toEqual([0, 10]);
  });

  it('shares the overlap when the old bottleneck hands over inside it', () => {
    // A 0–60 (60), B 50–130 (80), C 120–140 (20). A until 50, B 50–130, C 130–140.
    // A→B overlap [50, 60): B's after the hand-over. B→C overlap [120, 130): B's before it.
    const { sole, shifting } = activePeriodBottlenecks([
      { starts: [0], ends: [60] },
      { starts: [50], ends: [130] },
      { starts: [120], ends: [140] },
    ], 0, 150);
    expect([...sole]).toEqual([50, 60, 10]);
    expect([...shifting]).toEqual([0, 20, 0]);
  });

  it('has no bottleneck while nothing is active, and clips to the window', () => {
    const { sole } = activePeriodBottlenecks([{ starts: [10, 50], ends: [20, 200] }], 0, 100);
    expect([...sole]).toEqual([60]);
  });
});

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

/** The method as defined: at every elementary segment, look at every machine. */
function momentaryOwners(periods: readonly { starts: number[]; ends: number[] }[], start: number, end: number): { bounds: number[]; owner: number[] } {
  const cuts = [start, end, ...periods.flatMap((p) => p.starts.flatMap((s, i) => [s, p.ends[i]!]))].filter((t) => t >= start && t <= end);
  const bounds = [...new Set(cuts)].sort((a, b) => a - b);
  const owner = bounds.slice(0, -1).map((t) => {
    let best = -1;
    let bestLength = 0;
    periods.forEach((p, j) => {
      const c = p.starts.findIndex((s, i) => s <= t && t < p.ends[i]!);
      if (c >= 0 && p.ends[c]! - p.starts[c]! > bestLength) {
        best = j;
        bestLength = p.ends[c]! - p.starts[c]!;
      }
    });
    return best;
  });
  return { bounds, owner };
}

describe('the active period method on random plants', () => {
  it('gives each moment to the machine with the longest current period, as the definition does', () => {
    let state = 12345;
    const rand = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 300; trial++) {
      const m = 1 + Math.floor(rand() * 6);
      const periods = Array.from({ length: m }, () => {
        const starts: number[] = [];
        const ends: number[] = [];
        // Integer times so that equal lengths (ties) and shared instants happen often.
        for (let t = Math.floor(rand() * 10); t < 200;) {
          const length = 1 + Math.floor(rand() * 30);
          starts.push(t);
          ends.push(t + length);
          t += length + Math.floor(rand() * 3) * Math.floor(rand() * 15); // often back to back
        }
        return { starts, ends };
      });
      const [start, end] = [Math.floor(rand() * 20), 150 + Math.floor(rand() * 80)];
      const { bounds, owner } = momentaryOwners(periods, start, end);
      const { sole, shifting } = activePeriodBottlenecks(periods, start, end);
      const total = new Float64Array(m);
      owner.forEach((j, k) => { if (j >= 0) total[j]! += bounds[k + 1]! - bounds[k]!; });
      for (let j = 0; j < m; j++) expect(sole[j]! + shifting[j]!).toBeCloseTo(total[j]!, 9);
    }
  });
});

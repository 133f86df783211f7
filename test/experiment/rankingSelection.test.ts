import { describe, expect, it } from 'vitest';
import { knEta, selectBest, type Observation, type SelectionSettings } from '../../src/experiment/rankingSelection.ts';
import { RandomStreams, type RandomStream } from '../../src/sim/random.ts';

/** A standard normal by Box–Muller (test-only; the simulator's samplers use portable math). */
function normal(stream: RandomStream): number {
  return Math.sqrt(-2 * Math.log(1 - stream.next())) * Math.cos(2 * Math.PI * stream.next());
}

/**
 * Hand-made systems with known means: replication r of system i is
 * mean_i + σ_i (√ρ Z_r + √(1−ρ) E_ir), Z_r shared by all systems in replication r (common random
 * numbers, correlation ρ between systems), E_ir its own. Optionally a constraint output likewise.
 */
function systems(seed: number, means: number[], sd: number[], rho: number, constraintMeans?: number[]) {
  const shared = new RandomStreams(seed).stream('common');
  const own = means.map((_, i) => new RandomStreams(seed).stream(`own/${i}`));
  const z: number[] = [];
  let calls = 0;
  const sample = async (which: readonly number[], from: number, to: number): Promise<Observation[][]> => {
    calls++;
    while (z.length < to) z.push(normal(shared));
    return which.map((i) => {
      const rows: Observation[] = [];
      for (let r = from; r < to; r++) {
        const noise = Math.sqrt(rho) * z[r]! + Math.sqrt(1 - rho) * normal(own[i]!);
        rows.push({ objective: means[i]! + sd[i]! * noise, constraint: constraintMeans ? constraintMeans[i]! + 0.02 * noise : undefined });
      }
      return rows;
    });
  };
  return { sample, calls: () => calls };
}

const settings: SelectionSettings = { goal: 'maximise', indifferenceZone: 0.5, confidence: 0.95, firstStage: 10 };

describe('Kim–Nelson ranking and selection', () => {
  it('computes η as KN defines it: (1 + 2η)^(−(n0−1)/2) = 2α/(k−1)', () => {
    const eta = knEta(0.05, 4, 10);
    expect((1 + 2 * eta) ** (-(10 - 1) / 2)).toBeCloseTo((2 * 0.05) / 4, 12);
  });

  it('picks the best of five (slippage: best by exactly δ, unequal variances, CRN) in at least 95 of 100 seeded experiments', async () => {
    let correct = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const { sample } = systems(seed, [0, 0, 0.5, 0, 0], [1, 1.5, 1, 0.8, 1.2], 0.5);
      const result = await selectBest(5, settings, sample);
      if (result.best === 2) correct++;
      expect(result.guaranteed).toBe(true);
    }
    expect(correct).toBeGreaterThanOrEqual(95);
  });

  it('minimises as well: picks the smallest mean', async () => {
    let correct = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const { sample } = systems(seed, [3, 2.5, 3, 3.2], [1, 1, 1, 1], 0.3);
      if ((await selectBest(4, { ...settings, goal: 'minimise' }, sample)).best === 1) correct++;
    }
    expect(correct).toBeGreaterThanOrEqual(95);
  });

  it('adds replications only where needed: a clearly worse system leaves after the first stage', async () => {
    const { sample } = systems(7, [0, 10, 0.4, 0.5], [1, 1, 1, 1], 0.5);
    const result = await selectBest(4, settings, sample);
    expect(result.best).toBe(1);
    expect(result.replications).toEqual([10, 10, 10, 10]);
    const close = systems(7, [0, 0.6, 0.5, -5], [1, 1, 1, 1], 0.5);
    const slow = await selectBest(4, settings, close.sample);
    expect(slow.replications[3]).toBe(10);
    expect(Math.max(...slow.replications)).toBeGreaterThan(10);
    expect(slow.eliminatedAt[3]).toBe(10);
  });

  it('with a constraint, picks the best feasible system in at least 95 of 100 experiments, never an infeasible one', async () => {
    const constrained: SelectionSettings = { ...settings, constraint: { atLeast: 0.95, tolerance: 0.01 } };
    let correct = 0;
    for (let seed = 1; seed <= 100; seed++) {
      // System 0 has the best objective but misses the constraint by 2ε; system 2 is the best feasible one.
      const { sample } = systems(seed, [1.5, 0, 0.5, 0], [1, 1, 1, 1], 0.5, [0.93, 0.97, 0.97, 0.98]);
      const result = await selectBest(4, constrained, sample);
      expect(result.best).not.toBe(0);
      expect(result.feasibility![0]).toBe('infeasible');
      if (result.best === 2) correct++;
    }
    expect(correct).toBeGreaterThanOrEqual(95);
  });

  it('says when no system is feasible', async () => {
    const { sample } = systems(3, [1, 2], [1, 1], 0.5, [0.5, 0.6]);
    const result = await selectBest(2, { ...settings, constraint: { atLeast: 0.95, tolerance: 0.01 } }, sample);
    expect(result.best).toBeNull();
    expect(result.reason).toEqual(['infeasible', 'infeasible']);
  });

  it('stops at maxReplications and says the guarantee does not hold', async () => {
    const { sample } = systems(5, [0, 0.01], [3, 3], 0);
    const result = await selectBest(2, { ...settings, maxReplications: 12 }, sample);
    expect(result.guaranteed).toBe(false);
    expect(Math.max(...result.replications)).toBe(12);
    expect(result.best).not.toBeNull();
  });

  it('refuses an objective that is not a number, naming the system', async () => {
    const sample = async (which: readonly number[], from: number, to: number) =>
      which.map((i) => Array.from({ length: to - from }, () => ({ objective: i === 1 ? NaN : 1 })));
    await expect(selectBest(2, settings, sample)).rejects.toThrow(/system 1: the objective is not a number/);
  });
});

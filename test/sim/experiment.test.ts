import { describe, expect, it } from 'vitest';
import { compareScenarios, deleteWarmup, replicate, summarise } from '../../src/sim/experiment.ts';
import { Simulator } from '../../src/sim/simulator.ts';
import { Tally } from '../../src/sim/statistics.ts';
import { simulateNetwork } from './queueingNetwork.ts';

function mm1(serviceMean: number, seed: number) {
  return replicate({ seed, replications: 12 }, (streams) => ({
    timeInSystem: simulateNetwork({
      arrival: { type: 'exponential', mean: 1 },
      stations: [{ servers: 1, service: { type: 'exponential', mean: serviceMean } }],
      warmup: 200,
      horizon: 4_200,
    }, streams).meanTimeInSystem,
  }));
}

describe('experiments', () => {
  it('replications draw from independent streams: every replication differs', () => {
    const result = mm1(0.7, 1);
    expect(new Set(result.samples.timeInSystem).size).toBe(12);
    expect(result.intervals.timeInSystem.n).toBe(12);
  });

  it('a replication gives the same result alone as inside an experiment (parallel workers agree)', () => {
    const all = mm1(0.7, 1);
    const third = replicate({ seed: 1, replications: 3 }, (streams, r) => {
      expect(streams.replication).toBe(r);
      return { timeInSystem: simulateNetwork({
        arrival: { type: 'exponential', mean: 1 },
        stations: [{ servers: 1, service: { type: 'exponential', mean: 0.7 } }],
        warmup: 200,
        horizon: 4_200,
      }, streams).meanTimeInSystem };
    });
    expect(third.samples.timeInSystem).toEqual(all.samples.timeInSystem.slice(0, 3));
  });

  it('common random numbers make the paired difference between scenarios far more precise', () => {
    const base = mm1(0.7, 1);
    const faster = mm1(0.65, 1); // same seed: common random numbers
    const independent = mm1(0.65, 1001); // other seed: independent streams
    const crn = compareScenarios(base, faster).timeInSystem;
    const indep = compareScenarios(base, independent).timeInSystem;
    // Theory: W = 1/(μ − λ) drops from 3.333 to 1.857.
    expect(crn.upper).toBeLessThan(0);
    expect(crn.halfWidth).toBeLessThan(indep.halfWidth / 3);
  });

  it('summarises replication outputs computed elsewhere', () => {
    const result = summarise(5, [{ x: 1 }, { x: 3 }]);
    expect(result.intervals.x.mean).toBe(2);
    expect(result.replications).toBe(2);
    expect(() => summarise(5, [])).toThrow(RangeError);
  });

  it('warm-up deletion drops observations made before the warm-up ends', () => {
    const sim = new Simulator();
    const tally = new Tally();
    for (const t of [1, 2, 3, 11, 12]) sim.scheduleAt(t, () => tally.add(t));
    deleteWarmup(sim, 10, [tally]);
    sim.run();
    expect(tally.count).toBe(2);
    expect(tally.mean).toBe(11.5);
  });
});

import { describe, expect, it } from 'vitest';
import { covers, type Interval } from '../../src/sim/confidence.ts';
import { replicate } from '../../src/sim/experiment.ts';
import { erlangC, mmcMeanNumber, simulateNetwork, type NetworkSpec } from './queueingNetwork.ts';

const REPLICATIONS = 10;

function run(spec: NetworkSpec, seed: number) {
  return replicate({ seed, replications: REPLICATIONS }, (streams) => {
    const out = simulateNetwork(spec, streams);
    return {
      timeInSystem: out.meanTimeInSystem,
      numberInSystem: out.meanNumberInSystem,
      throughput: out.throughput,
      ...Object.fromEntries(out.meanNumberAt.map((l, i) => [`numberAt${i}`, l])),
    } as Record<string, number>;
  });
}

/** Theory inside the 95 % interval, and the interval narrow enough that the check means something. */
function expectCovers(interval: Interval | undefined, theory: number, maxRelativeHalfWidth: number): void {
  expect(interval).toBeDefined();
  const i = interval!;
  expect(covers(i, theory), `theory ${theory} outside [${i.lower}, ${i.upper}]`).toBe(true);
  expect(i.halfWidth / theory).toBeLessThan(maxRelativeHalfWidth);
}

describe('queueing theory', () => {
  it('M/M/1 mean time in system matches 1/(mu-lambda)', () => {
    const lambda = 1;
    const mu = 1 / 0.8;
    const result = run({
      arrival: { type: 'exponential', mean: 1 / lambda },
      stations: [{ servers: 1, service: { type: 'exponential', mean: 1 / mu } }],
      warmup: 1_000,
      horizon: 31_000,
    }, 101);
    expectCovers(result.intervals.timeInSystem, 1 / (mu - lambda), 0.05);
    expectCovers(result.intervals.numberInSystem, lambda / (mu - lambda), 0.05); // ρ/(1 − ρ)
    expectCovers(result.intervals.throughput, lambda, 0.01);
  });

  it('M/M/c mean time in system matches Erlang C', () => {
    const servers = 3;
    const lambda = 2.4;
    const mu = 1;
    const waitingTime = erlangC(servers, lambda, mu) / (servers * mu - lambda);
    expect(erlangC(servers, lambda, mu)).toBeCloseTo(0.6472, 4); // hand check: 11.52 / 17.80
    const result = run({
      arrival: { type: 'exponential', mean: 1 / lambda },
      stations: [{ servers, service: { type: 'exponential', mean: 1 / mu } }],
      warmup: 500,
      horizon: 12_500,
    }, 202);
    expectCovers(result.intervals.timeInSystem, waitingTime + 1 / mu, 0.04);
    expectCovers(result.intervals.numberInSystem, mmcMeanNumber(servers, lambda, mu), 0.04);
  });

  it('M/D/1 mean time in system matches Pollaczek–Khinchine', () => {
    const lambda = 0.8;
    const service = 1;
    const rho = lambda * service;
    // P–K with zero service variance: Wq = ρ·D / (2(1 − ρ)).
    const theory = service + (rho * service) / (2 * (1 - rho));
    const result = run({
      arrival: { type: 'exponential', mean: 1 / lambda },
      stations: [{ servers: 1, service: { type: 'constant', value: service } }],
      warmup: 1_000,
      horizon: 31_000,
    }, 303);
    expectCovers(result.intervals.timeInSystem, theory, 0.04);
  });

  it('open Jackson network with feedback matches the product-form solution', () => {
    // Station 0 → 1 or 2 (half each); station 1 → back to 0 with 0.2; station 2 → out.
    const external = 1;
    const routing = [[0, 0.5, 0.5], [0.2, 0, 0], [0, 0, 0]];
    // Traffic equations: λ0 = 1 + 0.2·λ1, λ1 = λ2 = 0.5·λ0 ⇒ λ0 = 1/0.9.
    const rates = [external / 0.9, 0.5 / 0.9, 0.5 / 0.9];
    const mus = [2, 1, 0.8];
    const numbers = rates.map((l, i) => mmcMeanNumber(1, l, mus[i]!));
    const total = numbers.reduce((a, b) => a + b, 0);
    const result = run({
      arrival: { type: 'exponential', mean: 1 / external },
      stations: mus.map((mu) => ({ servers: 1, service: { type: 'exponential', mean: 1 / mu } })),
      routing,
      warmup: 500,
      horizon: 15_500,
    }, 404);
    numbers.forEach((l, i) => expectCovers(result.intervals[`numberAt${i}`], l, 0.06));
    expectCovers(result.intervals.timeInSystem, total / external, 0.05); // Little's law
    expectCovers(result.intervals.throughput, external, 0.02);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { covers, meanInterval, studentTQuantile, type Interval } from '../../src/sim/confidence.ts';
import { replicate } from '../../src/sim/experiment.ts';
import { loadSimjs, type Simjs } from '../bench/simjsModels/loadSimjs.ts';
import { simjsMmc } from '../bench/simjsModels/mmc.ts';
import { mmcMeanNumber, simulateNetwork } from './queueingNetwork.ts';

/**
 * Cross-check against an independent engine: simjs (its own event list, Facility and Mersenne
 * Twister). Both engines' replication means must agree within a Welch two-sample 95 % interval,
 * and both intervals must cover the theory.
 */

const REPLICATIONS = 8;
const WARMUP = 500;
const HORIZON = 16_500;

let Sim: Simjs;
beforeAll(async () => {
  Sim = await loadSimjs();
});

function ours(servers: number, lambda: number, serviceMean: number): Interval {
  return replicate({ seed: 2024, replications: REPLICATIONS }, (streams) => ({
    w: simulateNetwork({
      arrival: { type: 'exponential', mean: 1 / lambda },
      stations: [{ servers, service: { type: 'exponential', mean: serviceMean } }],
      warmup: WARMUP,
      horizon: HORIZON,
    }, streams).meanTimeInSystem,
  })).intervals.w;
}

function theirs(servers: number, lambda: number, serviceMean: number): Interval {
  const means = Array.from({ length: REPLICATIONS }, (_, r) =>
    simjsMmc(Sim, { arrivalRate: lambda, serviceMean, servers, seed: 1000 + r, warmup: WARMUP, horizon: HORIZON }).stats.meanTimeInSystem);
  return meanInterval(means);
}

/** Welch's test: |difference| within t·√(s1²/n1 + s2²/n2). */
function expectAgree(a: Interval, b: Interval): void {
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const df = (va + vb) ** 2 / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
  const bound = studentTQuantile(0.975, df) * Math.sqrt(va + vb);
  expect(Math.abs(a.mean - b.mean), `plant-twin ${a.mean} vs simjs ${b.mean}`).toBeLessThanOrEqual(bound);
}

describe('cross-check with simjs', () => {
  it('M/M/1: our kernel and simjs agree with each other and with 1/(mu-lambda)', () => {
    const lambda = 1;
    const serviceMean = 0.8;
    const theory = 1 / (1 / serviceMean - lambda);
    const a = ours(1, lambda, serviceMean);
    const b = theirs(1, lambda, serviceMean);
    expectAgree(a, b);
    expect(covers(a, theory)).toBe(true);
    expect(covers(b, theory)).toBe(true);
  });

  it('M/M/3: our kernel and simjs agree with each other and with Erlang C', () => {
    const lambda = 2.4;
    const serviceMean = 1;
    const theory = mmcMeanNumber(3, lambda, 1 / serviceMean) / lambda; // Little's law
    const a = ours(3, lambda, serviceMean);
    const b = theirs(3, lambda, serviceMean);
    expectAgree(a, b);
    expect(covers(a, theory)).toBe(true);
    expect(covers(b, theory)).toBe(true);
  });
});

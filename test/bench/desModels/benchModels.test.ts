import { describe, expect, it } from 'vitest';
import { covers, meanInterval } from '../../../src/sim/confidence.ts';
import { runJobshop } from './jobshop.ts';
import { runMm1 } from './mm1.ts';
import { runTandem } from './tandem.ts';

/** The benchmark models are only worth timing if they model what models.json says: theory checks. */

const seeds = [1, 2, 3, 4, 5, 6];

describe('benchmark models', () => {
  it('mm1 mean time in system matches 1/(mu-lambda)', () => {
    const means = seeds.map((seed) => runMm1({ arrivalRate: 1, serviceMean: 0.7, customers: 30_000 }, seed).stats.meanTimeInSystem as number);
    expect(covers(meanInterval(means), 1 / (1 / 0.7 - 1))).toBe(true);
  });

  it('a two-station tandem line with blocking after service has throughput mu·(B+2)/(B+3)', () => {
    // With equal exponential rates the parts between the stations (buffer, second station and a
    // part blocked on the first) form a birth–death chain with equal rates: uniform on 0..B+2.
    const buffer = 2;
    const mu = 1 / 0.8;
    const runs = seeds.map((seed) => runTandem({ stations: 2, serviceMean: 0.8, bufferBetween: buffer, parts: 40_000 }, seed));
    const throughput = meanInterval(runs.map((r) => r.stats.throughput as number));
    expect(covers(throughput, (mu * (buffer + 2)) / (buffer + 3))).toBe(true);
    expect(throughput.halfWidth).toBeLessThan(0.01);
  });

  it('a five-station tandem line with no buffers is slower than with buffers of 2', () => {
    const params = { stations: 5, serviceMean: 0.8, parts: 20_000 };
    const none = runTandem({ ...params, bufferBetween: 0 }, 1).stats.throughput as number;
    const two = runTandem({ ...params, bufferBetween: 2 }, 1).stats.throughput as number;
    expect(none).toBeLessThan(two - 0.1);
    expect(two).toBeLessThan(1.25);
  });

  it('the job shop without failures matches the product-form (Kelly network) flow time', () => {
    const routings = [[0, 6, 3, 5, 4, 7], [8, 0, 1, 6, 7, 2], [9, 8, 6, 7, 4, 1], [2, 0, 7, 1, 8, 5], [4, 8, 2, 0]];
    const arrivalRate = 1.0625;
    const params = {
      machines: 10, products: 5, routings, arrivalRate, operationMean: 1,
      failures: { timeBetweenMean: 1e15, repairMean: 5 }, jobs: 20_000,
    };
    // FIFO stations with class-independent exponential service: product form, each visit to
    // machine m takes 1/(μ − λm) on average, λm = λ · visits(m) / products.
    const visits = new Array<number>(10).fill(0);
    for (const r of routings) for (const m of r) visits[m]!++;
    const sojourn = visits.map((v) => 1 / (1 - (arrivalRate * v) / 5));
    const theory = routings.reduce((sum, r) => sum + r.reduce((a, m) => a + sojourn[m]!, 0), 0) / 5;
    const runs = seeds.map((seed) => runJobshop(params, seed));
    expect(covers(meanInterval(runs.map((r) => r.stats.meanFlowTime as number)), theory)).toBe(true);
    const busiest = meanInterval(runs.map((r) => (r.stats.utilisation as number[])[0]!));
    expect(covers(busiest, 0.85)).toBe(true);
  });

  it('failures with preemptive resume lengthen flow time but not the work done', () => {
    const params = {
      machines: 10, products: 5, routings: [[0, 6, 3, 5, 4, 7], [8, 0, 1, 6, 7, 2], [9, 8, 6, 7, 4, 1], [2, 0, 7, 1, 8, 5], [4, 8, 2, 0]],
      arrivalRate: 1.0625, operationMean: 1, jobs: 20_000,
    };
    const withFailures = runJobshop({ ...params, failures: { timeBetweenMean: 100, repairMean: 5 } }, 1);
    const without = runJobshop({ ...params, failures: { timeBetweenMean: 1e15, repairMean: 5 } }, 1);
    expect(withFailures.stats.meanFlowTime as number).toBeGreaterThan(1.3 * (without.stats.meanFlowTime as number));
    // Utilisation counts processing only, so it stays λ·visits·mean = 0.85 on the busiest machines.
    expect((withFailures.stats.utilisation as number[])[0]).toBeCloseTo(0.85, 1);
  });
});

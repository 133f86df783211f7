/**
 * Prints the kernel's validation against queueing theory as JSON lines: the same models, seeds
 * and run lengths as test/sim/queueingTheory.test.ts (which asserts them), so a reader sees the
 * figures behind the green tests. Run: npm run bench:validate
 */
import { replicate } from '../../src/sim/experiment.ts';
import { erlangC, mmcMeanNumber, simulateNetwork, type NetworkSpec } from '../sim/queueingNetwork.ts';

const REPLICATIONS = 10;

function run(spec: NetworkSpec, seed: number) {
  return replicate({ seed, replications: REPLICATIONS }, (streams) => {
    const out = simulateNetwork(spec, streams);
    return { timeInSystem: out.meanTimeInSystem, numberInSystem: out.meanNumberInSystem, throughput: out.throughput } as Record<string, number>;
  });
}

function line(model: string, output: string, theory: number, result: ReturnType<typeof run>): void {
  const i = result.intervals[output];
  if (!i) throw new Error(`no interval for ${output}`);
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  console.log(JSON.stringify({
    model, output, theory: round(theory), mean: round(i.mean), ci95: [round(i.lower), round(i.upper)],
    covered: i.lower <= theory && theory <= i.upper, replications: REPLICATIONS,
  }));
}

const mm1 = run({ arrival: { type: 'exponential', mean: 1 }, stations: [{ servers: 1, service: { type: 'exponential', mean: 0.8 } }], warmup: 1_000, horizon: 31_000 }, 101);
line('M/M/1 λ=1 μ=1.25', 'timeInSystem', 1 / (1.25 - 1), mm1);

const mm3 = run({ arrival: { type: 'exponential', mean: 1 / 2.4 }, stations: [{ servers: 3, service: { type: 'exponential', mean: 1 } }], warmup: 500, horizon: 12_500 }, 202);
line('M/M/3 λ=2.4 μ=1 (Erlang C)', 'timeInSystem', erlangC(3, 2.4, 1) / (3 - 2.4) + 1, mm3);
line('M/M/3 λ=2.4 μ=1 (Erlang C)', 'numberInSystem', mmcMeanNumber(3, 2.4, 1), mm3);

const md1 = run({ arrival: { type: 'exponential', mean: 1 / 0.8 }, stations: [{ servers: 1, service: { type: 'constant', value: 1 } }], warmup: 1_000, horizon: 31_000 }, 303);
line('M/D/1 λ=0.8 D=1 (Pollaczek–Khinchine)', 'timeInSystem', 1 + 0.8 / (2 * 0.2), md1);

const rates = [1 / 0.9, 0.5 / 0.9, 0.5 / 0.9];
const mus = [2, 1, 0.8];
const jackson = run({
  arrival: { type: 'exponential', mean: 1 },
  stations: mus.map((mu) => ({ servers: 1, service: { type: 'exponential', mean: 1 / mu } })),
  routing: [[0, 0.5, 0.5], [0.2, 0, 0], [0, 0, 0]],
  warmup: 500,
  horizon: 15_500,
}, 404);
line('Jackson network, 3 stations with feedback', 'timeInSystem', rates.reduce((s, l, i) => s + mmcMeanNumber(1, l, mus[i]!), 0), jackson);

import { makeSampler } from '../../../src/sim/distributions.ts';
import { Fifo } from '../../../src/sim/fifo.ts';
import { RandomStreams } from '../../../src/sim/random.ts';
import { Simulator } from '../../../src/sim/simulator.ts';
import { Tally } from '../../../src/sim/statistics.ts';
import { timed, type BenchResult } from './benchResult.ts';
import type { Mm1Params } from './modelsFile.ts';

/** One FIFO server: `customers` Poisson arrivals, exponential service, run until the last leaves. */
export function runMm1(params: Mm1Params, seed: number): BenchResult {
  const sim = new Simulator();
  const streams = new RandomStreams(seed);
  const interarrival = makeSampler({ type: 'exponential', mean: 1 / params.arrivalRate }, streams.stream('arrivals'));
  const service = makeSampler({ type: 'exponential', mean: params.serviceMean }, streams.stream('service'));
  const arrivalTimes = new Fifo<number>(1024); // everyone in the system, oldest (in service) first
  const timeInSystem = new Tally();
  let arrived = 0;

  function customerArrives(): void {
    arrivalTimes.push(sim.now);
    if (arrivalTimes.length === 1) sim.schedule(service(), customerLeaves);
    if (++arrived < params.customers) sim.schedule(interarrival(), customerArrives);
  }

  function customerLeaves(): void {
    timeInSystem.add(sim.now - arrivalTimes.shift()!);
    if (arrivalTimes.length > 0) sim.schedule(service(), customerLeaves);
  }

  sim.schedule(interarrival(), customerArrives);
  const { seconds, cpuSeconds } = timed(() => sim.run());
  return {
    completed: timeInSystem.count,
    events: sim.eventsFired,
    seconds,
    cpuSeconds,
    stats: { meanTimeInSystem: timeInSystem.mean },
  };
}

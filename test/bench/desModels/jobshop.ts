import { Activity } from '../../../src/sim/activity.ts';
import { makeSampler, type Sampler } from '../../../src/sim/distributions.ts';
import { Fifo } from '../../../src/sim/fifo.ts';
import { RandomStreams } from '../../../src/sim/random.ts';
import { Simulator } from '../../../src/sim/simulator.ts';
import { Tally } from '../../../src/sim/statistics.ts';
import { timed, type BenchResult } from './benchResult.ts';
import type { JobshopParams } from './modelsFile.ts';

/**
 * A job shop: jobs of several products follow fixed routings through machines with infinite
 * FIFO queues. Machines fail on calendar time (also while idle); a failure interrupts the
 * running operation, which resumes with its remaining time after the repair.
 */
interface Job {
  arrival: number;
  routing: readonly number[];
  step: number;
}

interface Machine {
  index: number;
  queue: Fifo<Job>;
  job: Job | undefined;
  up: boolean;
  operation: Activity<Machine>;
  operationTime: Sampler;
  timeToFailure: Sampler;
  repairTime: Sampler;
  /** Processing time accumulated, and when the current uninterrupted stretch began. */
  processing: number;
  since: number;
}

export function runJobshop(params: JobshopParams, seed: number): BenchResult {
  const sim = new Simulator();
  const streams = new RandomStreams(seed);
  const interarrival = makeSampler({ type: 'exponential', mean: 1 / params.arrivalRate }, streams.stream('arrivals'));
  const productMix = streams.stream('productMix');
  const flowTime = new Tally();

  const machines: Machine[] = Array.from({ length: params.machines }, (_, index): Machine => {
    const machine = {
      index,
      queue: new Fifo<Job>(),
      job: undefined,
      up: true,
      operationTime: makeSampler({ type: 'exponential', mean: params.operationMean }, streams.stream(`operations:M${index}`)),
      timeToFailure: makeSampler({ type: 'exponential', mean: params.failures.timeBetweenMean }, streams.stream(`failures:M${index}`)),
      repairTime: makeSampler({ type: 'exponential', mean: params.failures.repairMean }, streams.stream(`repairs:M${index}`)),
      processing: 0,
      since: 0,
    } as Omit<Machine, 'operation'> as Machine;
    machine.operation = new Activity(sim, operationEnds, machine);
    return machine;
  });

  function jobArrives(): void {
    const product = Math.floor(productMix.next() * params.products);
    const job: Job = { arrival: sim.now, routing: params.routings[product]!, step: 0 };
    sendTo(machines[job.routing[0]!]!, job);
    sim.schedule(interarrival(), jobArrives);
  }

  function sendTo(machine: Machine, job: Job): void {
    if (machine.job === undefined && machine.up) startOperation(machine, job);
    else machine.queue.push(job);
  }

  function startOperation(machine: Machine, job: Job): void {
    machine.job = job;
    machine.since = sim.now;
    machine.operation.start(machine.operationTime());
  }

  function operationEnds(machine: Machine): void {
    const job = machine.job!;
    machine.processing += sim.now - machine.since;
    machine.job = undefined;
    const next = machine.queue.shift();
    if (next) startOperation(machine, next);
    if (++job.step < job.routing.length) {
      sendTo(machines[job.routing[job.step]!]!, job);
    } else {
      flowTime.add(sim.now - job.arrival);
      if (flowTime.count === params.jobs) sim.stop();
    }
  }

  function machineFails(machine: Machine): void {
    machine.up = false;
    if (machine.job) machine.processing += sim.now - machine.since;
    machine.operation.pause();
    sim.schedule(machine.repairTime(), repairEnds, machine);
  }

  function repairEnds(machine: Machine): void {
    machine.up = true;
    machine.since = sim.now;
    machine.operation.resume();
    if (!machine.job) {
      const next = machine.queue.shift();
      if (next) startOperation(machine, next);
    }
    sim.schedule(machine.timeToFailure(), machineFails, machine);
  }

  for (const machine of machines) sim.schedule(machine.timeToFailure(), machineFails, machine);
  sim.schedule(interarrival(), jobArrives);
  const { seconds, cpuSeconds } = timed(() => sim.run());
  for (const machine of machines) {
    if (machine.job && machine.up) machine.processing += sim.now - machine.since;
  }
  return {
    completed: flowTime.count,
    events: sim.eventsFired,
    seconds,
    cpuSeconds,
    stats: {
      meanFlowTime: flowTime.mean,
      utilisation: machines.map((m) => m.processing / sim.now),
    },
  };
}

import { Activity } from '../../../src/sim/activity.ts';
import { standardExponential } from '../../../src/sim/exponentialZiggurat.ts';
import { Fifo } from '../../../src/sim/fifo.ts';
import { RandomStreams, type RandomStream } from '../../../src/sim/random.ts';
import { Simulator } from '../../../src/sim/simulator.ts';
import { Tally } from '../../../src/sim/statistics.ts';
import { timed, type BenchResult } from './benchResult.ts';
import type { JobshopParams } from './modelsFile.ts';

/**
 * A job shop: jobs of several products follow fixed routings through machines with infinite
 * FIFO queues. Machines fail on calendar time (also while idle); a failure interrupts the
 * running operation, which resumes with its remaining time after the repair.
 *
 * Shaped like the tandem line (see tandem.ts): module-level handlers whose data is a long-lived
 * machine or the shop, classes whose fractional fields start as doubles, and every duration
 * `mean × Exp(1)` drawn inline — the same draws as `makeSampler` gives for an exponential.
 */
class Job {
  step = 0;

  constructor(
    readonly arrival: number,
    readonly routing: readonly number[],
  ) {}
}

class Machine {
  readonly queue = new Fifo<Job>();
  job: Job | undefined = undefined;
  up = true;
  readonly operation: Activity<Machine>;
  /** Processing time accumulated, and when the current uninterrupted stretch began. */
  processing = NaN;
  since = NaN;

  constructor(
    readonly shop: JobShop,
    readonly operations: RandomStream,
    readonly failures: RandomStream,
    readonly repairs: RandomStream,
  ) {
    this.operation = new Activity(shop.sim, operationEnds, this);
    this.processing = 0;
    this.since = 0;
  }
}

class JobShop {
  readonly sim = new Simulator();
  readonly flowTime = new Tally();
  readonly machines: Machine[];
  readonly arrivals: RandomStream;
  readonly productMix: RandomStream;
  readonly interarrivalMean: number;
  readonly operationMean: number;
  readonly failureMean: number;
  readonly repairMean: number;
  readonly products: number;
  readonly routings: readonly (readonly number[])[];
  readonly jobs: number;

  constructor(params: JobshopParams, seed: number) {
    const streams = new RandomStreams(seed);
    this.arrivals = streams.stream('arrivals');
    this.productMix = streams.stream('productMix');
    this.interarrivalMean = 1 / params.arrivalRate;
    this.operationMean = params.operationMean;
    this.failureMean = params.failures.timeBetweenMean;
    this.repairMean = params.failures.repairMean;
    this.products = params.products;
    this.routings = params.routings;
    this.jobs = params.jobs;
    this.machines = Array.from({ length: params.machines }, (_, index) => new Machine(
      this,
      streams.stream(`operations:M${index}`),
      streams.stream(`failures:M${index}`),
      streams.stream(`repairs:M${index}`),
    ));
  }

  sendTo(machine: Machine, job: Job): void {
    if (machine.job === undefined && machine.up) this.startOperation(machine, job);
    else machine.queue.push(job);
  }

  startOperation(machine: Machine, job: Job): void {
    machine.job = job;
    machine.since = this.sim.now;
    machine.operation.start(this.operationMean * standardExponential(machine.operations));
  }
}

function jobArrives(shop: JobShop): void {
  const product = Math.floor(shop.productMix.next() * shop.products);
  const job = new Job(shop.sim.now, shop.routings[product]!);
  shop.sendTo(shop.machines[job.routing[0]!]!, job);
  shop.sim.schedule(shop.interarrivalMean * standardExponential(shop.arrivals), jobArrives, shop);
}

function operationEnds(machine: Machine): void {
  const shop = machine.shop;
  const now = shop.sim.now;
  const job = machine.job!;
  machine.processing += now - machine.since;
  machine.job = undefined;
  const next = machine.queue.shift();
  if (next) shop.startOperation(machine, next);
  if (++job.step < job.routing.length) {
    shop.sendTo(shop.machines[job.routing[job.step]!]!, job);
  } else {
    shop.flowTime.add(now - job.arrival);
    if (shop.flowTime.count === shop.jobs) shop.sim.stop();
  }
}

function machineFails(machine: Machine): void {
  const shop = machine.shop;
  machine.up = false;
  if (machine.job) machine.processing += shop.sim.now - machine.since;
  machine.operation.pause();
  shop.sim.schedule(shop.repairMean * standardExponential(machine.repairs), repairEnds, machine);
}

function repairEnds(machine: Machine): void {
  const shop = machine.shop;
  machine.up = true;
  machine.since = shop.sim.now;
  machine.operation.resume();
  if (!machine.job) {
    const next = machine.queue.shift();
    if (next) shop.startOperation(machine, next);
  }
  shop.sim.schedule(shop.failureMean * standardExponential(machine.failures), machineFails, machine);
}

export function runJobshop(params: JobshopParams, seed: number): BenchResult {
  const shop = new JobShop(params, seed);
  const sim = shop.sim;
  for (const machine of shop.machines) sim.schedule(shop.failureMean * standardExponential(machine.failures), machineFails, machine);
  sim.schedule(shop.interarrivalMean * standardExponential(shop.arrivals), jobArrives, shop);
  const { seconds, cpuSeconds } = timed(() => sim.run());
  for (const machine of shop.machines) {
    if (machine.job && machine.up) machine.processing += sim.now - machine.since;
  }
  return {
    completed: shop.flowTime.count,
    events: sim.eventsFired,
    seconds,
    cpuSeconds,
    stats: {
      meanFlowTime: shop.flowTime.mean,
      utilisation: shop.machines.map((m) => m.processing / sim.now),
    },
  };
}

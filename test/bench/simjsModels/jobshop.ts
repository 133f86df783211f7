import { timed, type BenchResult } from '../desModels/benchResult.ts';
import type { JobshopParams } from '../desModels/modelsFile.ts';
import type { Simjs, SimjsRequest } from './loadSimjs.ts';

interface Job {
  arrival: number;
  routing: readonly number[];
  step: number;
}

interface Machine {
  queue: Job[];
  job: Job | undefined;
  up: boolean;
  operation: SimjsRequest | undefined;
  remaining: number;
  processing: number;
  since: number;
}

/**
 * The job shop on simjs timers: a failure cancels the operation's timer and keeps its remaining
 * time; the repair sets a new timer for it (simjs's Facility has no preemptive resume).
 */
export function simjsJobshop(Sim: Simjs, params: JobshopParams, seed: number): BenchResult {
  const sim = new Sim.Sim();
  const random = new Sim.Random(seed);
  const machines: Machine[] = Array.from({ length: params.machines }, () => ({
    queue: [], job: undefined, up: true, operation: undefined, remaining: 0, processing: 0, since: 0,
  }));
  let completed = 0;
  let meanFlowTime = 0;
  let endTime = 0;
  // simjs starts an entity inside addEntity; ours only exists to own the timers.
  class Shop extends Sim.Entity {
    start(): void {}
  }
  const shop = sim.addEntity(Shop);
  const finished = (): boolean => completed === params.jobs;

  function jobArrives(): void {
    if (finished()) return;
    const product = Math.floor(random.random() * params.products);
    const job: Job = { arrival: shop.time(), routing: params.routings[product]!, step: 0 };
    sendTo(job.routing[0]!, job);
    shop.setTimer(random.exponential(params.arrivalRate)).done(jobArrives);
  }

  function sendTo(m: number, job: Job): void {
    const machine = machines[m]!;
    if (machine.job === undefined && machine.up) startOperation(m, job, random.exponential(1 / params.operationMean));
    else machine.queue.push(job);
  }

  function startOperation(m: number, job: Job, duration: number): void {
    const machine = machines[m]!;
    machine.job = job;
    machine.since = shop.time();
    machine.operation = shop.setTimer(duration).done(() => operationEnds(m));
  }

  function operationEnds(m: number): void {
    if (finished()) return;
    const machine = machines[m]!;
    const job = machine.job!;
    machine.processing += shop.time() - machine.since;
    machine.job = undefined;
    machine.operation = undefined;
    const next = machine.queue.shift();
    if (next) startOperation(m, next, random.exponential(1 / params.operationMean));
    if (++job.step < job.routing.length) {
      sendTo(job.routing[job.step]!, job);
    } else {
      completed++;
      meanFlowTime += (shop.time() - job.arrival - meanFlowTime) / completed;
      endTime = shop.time();
    }
  }

  function machineFails(m: number): void {
    if (finished()) return;
    const machine = machines[m]!;
    machine.up = false;
    if (machine.operation) {
      machine.processing += shop.time() - machine.since;
      machine.remaining = machine.operation.deliverAt - shop.time();
      machine.operation.cancel();
      machine.operation = undefined;
    }
    shop.setTimer(random.exponential(1 / params.failures.repairMean)).done(() => repairEnds(m));
  }

  function repairEnds(m: number): void {
    if (finished()) return;
    const machine = machines[m]!;
    machine.up = true;
    if (machine.job) {
      startOperation(m, machine.job, machine.remaining);
    } else {
      const next = machine.queue.shift();
      if (next) startOperation(m, next, random.exponential(1 / params.operationMean));
    }
    shop.setTimer(random.exponential(1 / params.failures.timeBetweenMean)).done(() => machineFails(m));
  }

  machines.forEach((_, m) => shop.setTimer(random.exponential(1 / params.failures.timeBetweenMean)).done(() => machineFails(m)));
  shop.setTimer(random.exponential(params.arrivalRate)).done(jobArrives);
  const { seconds, cpuSeconds } = timed(() => sim.simulate(Infinity));
  for (const machine of machines) {
    if (machine.operation) machine.processing += endTime - machine.since;
  }
  return {
    completed,
    events: sim.queue.order,
    seconds,
    cpuSeconds,
    stats: { meanFlowTime, utilisation: machines.map((m) => m.processing / endTime) },
  };
}

import { timed, type BenchResult } from '../desModels/benchResult.ts';
import type { Simjs, SimjsEntity } from './loadSimjs.ts';

export interface SimjsMmcOptions {
  arrivalRate: number;
  serviceMean: number;
  servers: number;
  seed: number;
  /** Stop generating arrivals after this many customers and run until the last one leaves. */
  customers?: number;
  /** Or stop at this time. */
  horizon?: number;
  /** Only customers leaving after this time are counted. */
  warmup?: number;
}

/**
 * M/M/c on simjs as its documentation models queues: an arrivals entity on timers and a FCFS
 * Facility with c servers; simjs's own Mersenne Twister draws all times.
 */
export function simjsMmc(Sim: Simjs, options: SimjsMmcOptions): BenchResult & { stats: { meanTimeInSystem: number } } {
  const { arrivalRate, serviceMean, servers, seed, customers = Infinity, horizon = Infinity, warmup = 0 } = options;
  const sim = new Sim.Sim();
  const random = new Sim.Random(seed);
  const station = new Sim.Facility('station', Sim.Facility.FCFS, servers);
  let arrived = 0;
  let completed = 0;
  let meanTimeInSystem = 0;

  class Arrivals extends Sim.Entity {
    start(): void {
      this.next();
    }

    next(): void {
      this.setTimer(random.exponential(arrivalRate)).done(this.arrive);
    }

    arrive(this: SimjsEntity & Arrivals): void {
      const entered = this.time();
      this.useFacility(station, random.exponential(1 / serviceMean)).done(() => {
        if (this.time() < warmup) return;
        completed++;
        meanTimeInSystem += (this.time() - entered - meanTimeInSystem) / completed;
      });
      if (++arrived < customers) this.next();
    }
  }

  sim.addEntity(Arrivals);
  const { seconds, cpuSeconds } = timed(() => sim.simulate(horizon));
  return { completed, events: sim.queue.order, seconds, cpuSeconds, stats: { meanTimeInSystem } };
}

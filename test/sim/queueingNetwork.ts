import type { Distribution } from '../../src/model/common.ts';
import { makeSampler, type Sampler } from '../../src/sim/distributions.ts';
import { deleteWarmup } from '../../src/sim/experiment.ts';
import { Fifo } from '../../src/sim/fifo.ts';
import type { RandomStream, RandomStreams } from '../../src/sim/random.ts';
import { Simulator } from '../../src/sim/simulator.ts';
import { Tally, TimeWeighted } from '../../src/sim/statistics.ts';

/**
 * An open network of FIFO multi-server stations built on the kernel: the test bed for the
 * queueing-theory checks (M/M/1, M/M/c, M/D/1, Jackson networks). Customers enter at station 0.
 */
export interface NetworkSpec {
  arrival: Distribution;
  stations: { servers: number; service: Distribution }[];
  /** routing[i][j]: probability of joining station j after service at i; the rest leave. */
  routing?: number[][];
  warmup: number;
  horizon: number;
}

export interface NetworkOutputs {
  /** Mean time from entering to leaving, over customers leaving after the warm-up. */
  meanTimeInSystem: number;
  /** Time-average number of customers in the network after the warm-up. */
  meanNumberInSystem: number;
  /** Customers leaving per unit time after the warm-up. */
  throughput: number;
  /** Time-average number at each station (waiting or in service). */
  meanNumberAt: number[];
}

/** Called at every arrival and service end, e.g. to hash the event sequence. */
export type Trace = (time: number, station: number, kind: 'arrive' | 'depart') => void;

interface Customer {
  entered: number;
  at: number;
}

interface Station {
  servers: number;
  busy: number;
  waiting: Fifo<Customer>;
  service: Sampler;
  number: TimeWeighted;
}

export function simulateNetwork(spec: NetworkSpec, streams: RandomStreams, trace?: Trace): NetworkOutputs {
  const sim = new Simulator();
  const interarrival = makeSampler(spec.arrival, streams.stream('arrivals'));
  const stations: Station[] = spec.stations.map((s, i) => ({
    servers: s.servers,
    busy: 0,
    waiting: new Fifo<Customer>(),
    service: makeSampler(s.service, streams.stream(`service:${i}`)),
    number: new TimeWeighted(),
  }));
  const routingDraws: RandomStream[] = stations.map((_, i) => streams.stream(`routing:${i}`));
  const timeInSystem = new Tally();
  const inSystem = new TimeWeighted();
  let departures = 0;
  const departuresCounter = { reset: (): void => { departures = 0; } };

  function join(customer: Customer, index: number): void {
    const station = stations[index]!;
    customer.at = index;
    trace?.(sim.now, index, 'arrive');
    station.number.add(sim.now, 1);
    if (station.busy < station.servers) startService(station, customer);
    else station.waiting.push(customer);
  }

  function startService(station: Station, customer: Customer): void {
    station.busy++;
    sim.schedule(station.service(), serviceEnds, customer);
  }

  function serviceEnds(customer: Customer): void {
    const index = customer.at;
    const station = stations[index]!;
    trace?.(sim.now, index, 'depart');
    station.busy--;
    station.number.add(sim.now, -1);
    const next = station.waiting.shift();
    if (next) startService(station, next);
    const target = route(index);
    if (target >= 0) {
      join(customer, target);
    } else {
      timeInSystem.add(sim.now - customer.entered);
      inSystem.add(sim.now, -1);
      departures++;
    }
  }

  function route(from: number): number {
    const row = spec.routing?.[from];
    if (!row) return -1;
    let u = routingDraws[from]!.next();
    for (let j = 0; j < row.length; j++) {
      u -= row[j]!;
      if (u < 0) return j;
    }
    return -1;
  }

  function customerArrives(): void {
    inSystem.add(sim.now, 1);
    join({ entered: sim.now, at: 0 }, 0);
    sim.schedule(interarrival(), customerArrives);
  }

  deleteWarmup(sim, spec.warmup, [timeInSystem, inSystem, departuresCounter, ...stations.map((s) => s.number)]);
  sim.schedule(interarrival(), customerArrives);
  sim.run(spec.horizon);
  const observed = spec.horizon - spec.warmup;
  return {
    meanTimeInSystem: timeInSystem.mean,
    meanNumberInSystem: inSystem.mean(sim.now),
    throughput: departures / observed,
    meanNumberAt: stations.map((s) => s.number.mean(sim.now)),
  };
}

/** Erlang C: probability that an arrival to an M/M/c queue waits. */
export function erlangC(servers: number, lambda: number, mu: number): number {
  const a = lambda / mu;
  const rho = a / servers;
  let term = 1;
  let sum = 0;
  for (let k = 0; k < servers; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const last = term / (1 - rho); // a^c / c! / (1 − ρ)
  return last / (sum + last);
}

/** Mean number in an M/M/c system: L = λ/μ + C·ρ/(1 − ρ). */
export function mmcMeanNumber(servers: number, lambda: number, mu: number): number {
  const rho = lambda / (servers * mu);
  return lambda / mu + (erlangC(servers, lambda, mu) * rho) / (1 - rho);
}

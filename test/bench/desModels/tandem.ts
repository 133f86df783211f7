import { makeSampler, type Sampler } from '../../../src/sim/distributions.ts';
import { Fifo } from '../../../src/sim/fifo.ts';
import { RandomStreams } from '../../../src/sim/random.ts';
import { Simulator } from '../../../src/sim/simulator.ts';
import { Tally } from '../../../src/sim/statistics.ts';
import { timed, type BenchResult } from './benchResult.ts';
import type { TandemParams } from './modelsFile.ts';

/**
 * A saturated line of single-server stations with finite buffers between them and blocking
 * after service: a finished part stays on its station until the next buffer has room. A part
 * is its entry time into the first station.
 */
interface Station {
  index: number;
  service: Sampler;
  /** Entry time of the part on the station; NaN when it holds none. */
  part: number;
  /** Finished, waiting for room downstream. */
  blocked: boolean;
  /** Parts waiting in front of this station (none in front of the first: supply is saturated). */
  buffer: Fifo<number>;
}

export function runTandem(params: TandemParams, seed: number): BenchResult {
  const sim = new Simulator();
  const streams = new RandomStreams(seed);
  const last = params.stations - 1;
  const stations: Station[] = Array.from({ length: params.stations }, (_, index) => ({
    index,
    service: makeSampler({ type: 'exponential', mean: params.serviceMean }, streams.stream(`service:${index}`)),
    part: NaN,
    blocked: false,
    buffer: new Fifo<number>(params.bufferBetween + 1),
  }));
  const timeInSystem = new Tally();

  function startService(station: Station, part: number): void {
    station.part = part;
    sim.schedule(station.service(), serviceEnds, station);
  }

  function serviceEnds(station: Station): void {
    if (station.index === last) {
      timeInSystem.add(sim.now - station.part);
      if (timeInSystem.count === params.parts) sim.stop();
      takeNext(station);
      return;
    }
    const next = stations[station.index + 1]!;
    if (next.buffer.length >= params.bufferBetween && !Number.isNaN(next.part)) {
      station.blocked = true;
      return;
    }
    moveDownstream(station, next);
  }

  /** Hands the finished part on (into the buffer, or straight onto an idle station) and frees `from`. */
  function moveDownstream(from: Station, to: Station): void {
    const part = from.part;
    from.part = NaN;
    from.blocked = false;
    if (Number.isNaN(to.part)) startService(to, part);
    else to.buffer.push(part);
    takeNext(from);
  }

  /** The station is free: start its next part, and unblock the station upstream if it waits for room. */
  function takeNext(station: Station): void {
    station.part = NaN;
    if (station.index === 0) {
      startService(station, sim.now); // saturated supply
      return;
    }
    const part = station.buffer.shift();
    if (part !== undefined) startService(station, part);
    const upstream = stations[station.index - 1]!;
    if (upstream.blocked) moveDownstream(upstream, station);
  }

  startService(stations[0]!, 0);
  const { seconds, cpuSeconds } = timed(() => sim.run());
  return {
    completed: timeInSystem.count,
    events: sim.eventsFired,
    seconds,
    cpuSeconds,
    stats: { throughput: timeInSystem.count / sim.now, meanTimeInSystem: timeInSystem.mean },
  };
}

import { standardExponential } from '../../../src/sim/exponentialZiggurat.ts';
import { RandomStreams, type RandomStream } from '../../../src/sim/random.ts';
import { Simulator } from '../../../src/sim/simulator.ts';
import { Tally } from '../../../src/sim/statistics.ts';
import { timed, type BenchResult } from './benchResult.ts';
import type { TandemParams } from './modelsFile.ts';

/**
 * A saturated line of single-server stations with finite buffers between them and blocking
 * after service: a finished part stays on its station until the next buffer has room. A part
 * is its entry time into the first station.
 *
 * Shaped for speed, as a long simulation would be: the handlers are module functions and the
 * line a class, so the code V8 optimised in one run is reused by the next (closures made per run
 * are re-optimised in every run); a station's part and buffer are numbers in typed arrays, so no
 * part is an object and no entry time is boxed; the event data is a long-lived station object.
 * A service time is `mean × Exp(1)`, the same draws as `makeSampler` gives for an exponential.
 */
class Station {
  /** Entry time of the part on the station; NaN when it holds none. */
  part = NaN;
  /** Finished, waiting for room downstream. */
  blocked = false;
  /** Entry times of the parts waiting in front of the station, a ring of `line.bufferCapacity`. */
  readonly buffer: Float64Array;
  bufferHead = 0;
  bufferCount = 0;

  constructor(
    readonly line: TandemLine,
    readonly index: number,
    readonly stream: RandomStream,
  ) {
    this.buffer = new Float64Array(line.bufferCapacity);
  }
}

class TandemLine {
  readonly sim = new Simulator();
  readonly timeInSystem = new Tally();
  readonly stations: Station[];
  readonly last: number;
  readonly serviceMean: number;
  readonly bufferBetween: number;
  /** An idle station has an empty buffer, so a buffer never holds more than `bufferBetween`. */
  readonly bufferCapacity: number;
  readonly parts: number;

  constructor(params: TandemParams, seed: number) {
    const streams = new RandomStreams(seed);
    this.last = params.stations - 1;
    this.serviceMean = params.serviceMean;
    this.bufferBetween = params.bufferBetween;
    this.bufferCapacity = Math.max(1, params.bufferBetween);
    this.parts = params.parts;
    this.stations = Array.from({ length: params.stations }, (_, index) => new Station(this, index, streams.stream(`service:${index}`)));
  }

  /** Serves the part just put on the station (passed in the station, not as a boxed double argument). */
  startService(station: Station): void {
    this.sim.schedule(this.serviceMean * standardExponential(station.stream), serviceEnds, station);
  }

  /** Hands the finished part on (into the buffer, or straight onto an idle station) and frees `from`. */
  moveDownstream(from: Station, to: Station): void {
    const part = from.part;
    from.part = NaN;
    from.blocked = false;
    if (Number.isNaN(to.part)) {
      to.part = part;
      this.startService(to);
    } else {
      to.buffer[(to.bufferHead + to.bufferCount++) % this.bufferCapacity] = part;
    }
    this.takeNext(from);
  }

  /** The station is free: start its next part, and unblock the station upstream if it waits for room. */
  takeNext(station: Station): void {
    station.part = NaN;
    if (station.index === 0) {
      station.part = this.sim.now; // saturated supply
      this.startService(station);
      return;
    }
    if (station.bufferCount > 0) {
      station.part = station.buffer[station.bufferHead]!;
      station.bufferHead = (station.bufferHead + 1) % this.bufferCapacity;
      station.bufferCount--;
      this.startService(station);
    }
    const upstream = this.stations[station.index - 1]!;
    if (upstream.blocked) this.moveDownstream(upstream, station);
  }
}

function serviceEnds(station: Station): void {
  const line = station.line;
  if (station.index === line.last) {
    line.timeInSystem.add(line.sim.now - station.part);
    if (line.timeInSystem.count === line.parts) line.sim.stop();
    line.takeNext(station);
    return;
  }
  const next = line.stations[station.index + 1]!;
  if (next.bufferCount >= line.bufferBetween && !Number.isNaN(next.part)) {
    station.blocked = true;
    return;
  }
  line.moveDownstream(station, next);
}

export function runTandem(params: TandemParams, seed: number): BenchResult {
  const line = new TandemLine(params, seed);
  const sim = line.sim;
  const first = line.stations[0]!;
  first.part = 0;
  line.startService(first);
  const { seconds, cpuSeconds } = timed(() => sim.run());
  const timeInSystem = line.timeInSystem;
  return {
    completed: timeInSystem.count,
    events: sim.eventsFired,
    seconds,
    cpuSeconds,
    stats: { throughput: timeInSystem.count / sim.now, meanTimeInSystem: timeInSystem.mean },
  };
}

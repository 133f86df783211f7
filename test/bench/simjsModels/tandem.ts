import { timed, type BenchResult } from '../desModels/benchResult.ts';
import type { TandemParams } from '../desModels/modelsFile.ts';
import type { Simjs } from './loadSimjs.ts';

/**
 * The saturated tandem line with blocking after service on simjs: the same logic as our model,
 * with service completions as simjs timers (simjs has no blocking resource to lean on).
 */
export function simjsTandem(Sim: Simjs, params: TandemParams, seed: number): BenchResult {
  const sim = new Sim.Sim();
  const random = new Sim.Random(seed);
  const rate = 1 / params.serviceMean;
  const last = params.stations - 1;
  const part: number[] = new Array<number>(params.stations).fill(NaN);
  const blocked: boolean[] = new Array<boolean>(params.stations).fill(false);
  const buffers: number[][] = Array.from({ length: params.stations }, () => []);
  let completed = 0;
  let meanTimeInSystem = 0;
  let endTime = 0;
  // simjs starts an entity inside addEntity; ours only exists to own the timers.
  class Line extends Sim.Entity {
    start(): void {}
  }
  const line = sim.addEntity(Line);

  function startService(i: number, entered: number): void {
    part[i] = entered;
    line.setTimer(random.exponential(rate)).done(() => serviceEnds(i));
  }

  function serviceEnds(i: number): void {
    if (completed === params.parts) return; // done: let the event list drain
    if (i === last) {
      completed++;
      meanTimeInSystem += (line.time() - part[i]! - meanTimeInSystem) / completed;
      endTime = line.time();
      takeNext(i);
      return;
    }
    if (buffers[i + 1]!.length >= params.bufferBetween && !Number.isNaN(part[i + 1]!)) {
      blocked[i] = true;
      return;
    }
    moveDownstream(i, i + 1);
  }

  function moveDownstream(from: number, to: number): void {
    const entered = part[from]!;
    blocked[from] = false;
    if (Number.isNaN(part[to]!)) startService(to, entered);
    else buffers[to]!.push(entered);
    takeNext(from);
  }

  function takeNext(i: number): void {
    part[i] = NaN;
    if (i === 0) {
      startService(0, line.time());
      return;
    }
    const next = buffers[i]!.shift();
    if (next !== undefined) startService(i, next);
    if (blocked[i - 1]) moveDownstream(i - 1, i);
  }

  startService(0, 0);
  const { seconds, cpuSeconds } = timed(() => sim.simulate(Infinity));
  return {
    completed,
    events: sim.queue.order,
    seconds,
    cpuSeconds,
    stats: { throughput: completed / endTime, meanTimeInSystem },
  };
}

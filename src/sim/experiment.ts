import { meanInterval, type Interval } from './confidence.ts';
import { RandomStreams } from './random.ts';
import type { Simulator } from './simulator.ts';

/** Outputs of one replication: named scalar KPIs (mean lead time, throughput, utilisation…). */
export type Outputs<K extends string> = Record<K, number>;

export interface ExperimentResult<K extends string> {
  seed: number;
  replications: number;
  /** Each output's value per replication, in replication order (the pairing for comparisons). */
  samples: Record<K, number[]>;
  intervals: Record<K, Interval>;
}

/**
 * Runs `model` once per replication and builds a confidence interval per output.
 *
 * Replication r draws from `new RandomStreams(seed, r)`: its streams depend only on
 * (seed, r, stream name), so replications are independent of each other, one replication gives
 * the same result whether it runs here, alone, or in a worker pool, and two scenarios run with
 * the same seed see common random numbers.
 */
export function replicate<K extends string>(
  settings: { seed: number; replications: number; level?: number },
  model: (streams: RandomStreams, replication: number) => Outputs<K>,
): ExperimentResult<K> {
  const { seed, replications, level = 0.95 } = settings;
  if (!Number.isInteger(replications) || replications < 1) {
    throw new RangeError(`replications must be a positive integer, got ${replications}`);
  }
  const runs: Outputs<K>[] = [];
  for (let r = 0; r < replications; r++) runs.push(model(new RandomStreams(seed, r), r));
  return summarise(seed, runs, level);
}

/** Builds an experiment result from replication outputs computed elsewhere (e.g. in workers). */
export function summarise<K extends string>(seed: number, runs: Outputs<K>[], level = 0.95): ExperimentResult<K> {
  const first = runs[0];
  if (!first) throw new RangeError('summarise: no replications');
  const names = Object.keys(first) as K[];
  const samples = {} as Record<K, number[]>;
  const intervals = {} as Record<K, Interval>;
  for (const name of names) {
    samples[name] = runs.map((run) => run[name]);
    intervals[name] = meanInterval(samples[name], level);
  }
  return { seed, replications: runs.length, samples, intervals };
}

/**
 * Interval for the difference `candidate − base` of each output, paired by replication. With
 * common random numbers (same seed) the pairs are positively correlated and this interval is
 * much narrower than the two separate intervals suggest — that is why scenarios share streams.
 */
export function compareScenarios<K extends string>(
  base: ExperimentResult<K>,
  candidate: ExperimentResult<K>,
  level = 0.95,
): Record<K, Interval> {
  if (base.replications !== candidate.replications) {
    throw new RangeError(`paired comparison needs equal replications, got ${base.replications} and ${candidate.replications}`);
  }
  const differences = {} as Record<K, Interval>;
  for (const name of Object.keys(base.samples) as K[]) {
    const a = base.samples[name];
    const b = candidate.samples[name];
    differences[name] = meanInterval(b.map((value, r) => value - a[r]!), level);
  }
  return differences;
}

/** Anything that can forget what it collected, e.g. Tally and TimeWeighted. */
export interface Resettable {
  reset(now: number): void;
}

/**
 * Warm-up deletion: resets the collectors at `warmup`, so steady-state estimates exclude the
 * start-up transient of an empty plant. Schedule it before running.
 */
export function deleteWarmup(sim: Simulator, warmup: number, collectors: readonly Resettable[]): void {
  if (warmup <= 0) return;
  sim.scheduleAt(warmup, resetAll, { sim, collectors });
}

function resetAll(target: { sim: Simulator; collectors: readonly Resettable[] }): void {
  for (const collector of target.collectors) collector.reset(target.sim.now);
}

import type { Plant } from '../../model/load.ts';
import type { Schedule } from '../../model/scheduleSchema.ts';
import { collectResults } from './collectResults.ts';
import { compilePlant } from './compiledPlant.ts';
import { DEFAULT_ATCS, type AtcsParameters, type DispatchRule } from './dispatching.ts';
import { ALL_DISTURBANCES, PlantRun, type Disturbances } from './plantRun.ts';
import type { PlantResult } from './results.ts';

export interface SimulateOptions {
  /** Defaults: the scenario's experiment settings. */
  seed?: number;
  replication?: number;
  horizon?: number;
  warmup?: number;
  dispatching?: DispatchRule;
  /** The schedule to follow when dispatching is "schedule" (required then). */
  schedule?: Schedule;
  /** Which random disturbances happen (default: all); see `Disturbances`. */
  disturbances?: Partial<Disturbances>;
  /** Keep every job as it ran in `result.jobs` (asRun.ts turns them into a schedule). */
  recordJobs?: boolean;
  atcs?: Partial<AtcsParameters>;
  /** Keep a trace of state changes and moves for playback (costs memory; off by default). */
  trace?: boolean;
  /** Minutes between WIP samples; default 60. */
  wipSampleEvery?: number;
  /** Called about a hundred times with the fraction of simulated time done. */
  onProgress?: (fraction: number) => void;
  /** Polled as often as onProgress; true stops the run, whose results then cover the time done. */
  shouldCancel?: () => boolean;
}

const PROGRESS_STEPS = 100;

/** Dispatching "schedule" with no schedule given: there is nothing to follow, and quietly running another rule would mislead. */
export class MissingSchedule extends Error {
  constructor() {
    super('dispatching "schedule" needs a schedule to follow: give one (plant-twin simulate --schedule FILE), or choose another dispatching rule');
    this.name = 'MissingSchedule';
  }
}

/** One replication run a hundredth of its simulated time at a time, for callers that must yield between steps (a worker). */
export interface PlantSteps {
  /** Runs the next hundredth; false once the horizon is reached. */
  step(): boolean;
  /** Share of simulated time done, 0..1. */
  readonly fraction: number;
  /** The results of the time run so far; `cancelled` when the horizon was not reached. */
  finish(): PlantResult;
}

/** Starts a replication without running it; `simulatePlant` is these steps in a loop. */
export function stepPlant(plant: Plant, options: SimulateOptions = {}): PlantSteps {
  const compiled = compilePlant(plant);
  const experiment = compiled.scenario.experiment;
  const horizon = options.horizon ?? experiment.horizon;
  const warmup = options.warmup ?? experiment.warmup;
  const dispatching = options.dispatching ?? experiment.dispatching;
  if (dispatching === 'schedule' && !options.schedule) throw new MissingSchedule();
  const run = new PlantRun(compiled, {
    seed: options.seed ?? experiment.seed,
    replication: options.replication ?? 0,
    horizon, warmup,
    rule: dispatching,
    schedule: options.schedule,
    trace: options.trace ?? false,
    atcs: { ...DEFAULT_ATCS, ...options.atcs },
    wipSampleEvery: options.wipSampleEvery ?? 60,
    disturbances: { ...ALL_DISTURBANCES, ...options.disturbances },
    recordJobs: options.recordJobs ?? false,
  });
  const from = run.startTime;
  let done = 0;
  return {
    step() {
      done++;
      run.sim.run(done === PROGRESS_STEPS ? horizon : from + ((horizon - from) * done) / PROGRESS_STEPS);
      return done < PROGRESS_STEPS;
    },
    get fraction() { return done / PROGRESS_STEPS; },
    finish() {
      const result = collectResults(run, run.sim.now, { cancelled: done < PROGRESS_STEPS, dispatching, warmup });
      if (run.trace) result.trace = run.trace.data();
      return result;
    },
  };
}

/**
 * Simulates one replication of a loaded plant (layout + scenario) and returns its KPIs as plain
 * data (and the trace, when asked). The same plant, seed and replication give the same result
 * to the bit; replication r draws from streams independent of every other replication.
 */
export function simulatePlant(plant: Plant, options: SimulateOptions = {}): PlantResult {
  const steps = stepPlant(plant, options);
  for (;;) {
    const more = steps.step();
    options.onProgress?.(steps.fraction);
    if (!more || options.shouldCancel?.()) break;
  }
  return steps.finish();
}

import { formatProblem } from '../model/problem.ts';
import type { Schedule } from '../model/scheduleSchema.ts';
import type { DispatchRule } from '../sim/plant/dispatching.ts';
import { ALL_DISTURBANCES, NO_DISTURBANCES, type Disturbances } from '../sim/plant/plantRun.ts';
import { asRunSchedule } from '../sim/plant/asRun.ts';
import { compilePlant } from '../sim/plant/compiledPlant.ts';
import { summariseReplications } from '../sim/plant/replicatePlant.ts';
import type { PlantResult } from '../sim/plant/results.ts';
import { simulatePlant } from '../sim/plant/simulatePlant.ts';
import { encodeTrace } from '../sim/plant/traceFile.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command } from './command.ts';
import { numberOption, progressLine } from './cliOptions.ts';
import { INPUT_OPTION_HELP, INPUT_OPTIONS, inputOptionsOf } from './inputFile.ts';
import { loadScenarioPlant, loadScheduleFile } from './scenarioInput.ts';
import { writeOutputFile } from './outputFile.ts';
import { simulateReport } from './simulateReport.ts';

const RULES: readonly DispatchRule[] = ['FIFO', 'EDD', 'SPT', 'ATCS', 'schedule'];
/** Names of the disturbance classes on the command line, and the option each switches. */
const DISTURBANCES: Readonly<Record<string, keyof Disturbances>> = {
  failures: 'failures', processing: 'processingTime', yield: 'yield', release: 'lateRelease',
};

/** `--without a,b` as the disturbances left on; an error message for an unknown class. */
export function disturbancesOption(without: unknown, deterministic: unknown): Disturbances | string {
  if (deterministic === true) return { ...NO_DISTURBANCES };
  const on: Disturbances = { ...ALL_DISTURBANCES };
  if (without === undefined) return on;
  for (const name of String(without).split(',').map((n) => n.trim()).filter((n) => n !== '')) {
    const key = DISTURBANCES[name];
    if (!key) return `--without takes a comma-separated list of ${Object.keys(DISTURBANCES).join(', ')}, found "${name}"`;
    on[key] = false;
  }
  return on;
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulate a scenario: replications, KPIs with confidence intervals, trace',
  usage: `Usage: plant-twin simulate [options] <scenario>

Runs the scenario's discrete-event simulation for N replications (independent random streams;
the same seed gives the same numbers) and prints the KPIs with their 95 % confidence half-widths:
throughput, lead time, on-time rate and tardiness, work in process, energy, the bottleneck
(active period method), and per equipment utilisation, OEE (availability × performance ×
quality), bottleneck share and energy. Defaults come from the scenario's "experiment".
Model rules: docs/SIMULATION.md. A progress bar is drawn on stderr when it is a terminal.

Exit codes: 0 simulated, 1 scenario invalid or unreadable (or the trace cannot be written), 2 usage error.`,
  options: {
    reps: { type: 'string' },
    seed: { type: 'string' },
    horizon: { type: 'string' },
    warmup: { type: 'string' },
    dispatching: { type: 'string' },
    schedule: { type: 'string' },
    json: { type: 'boolean' },
    trace: { type: 'string' },
    without: { type: 'string' },
    deterministic: { type: 'boolean' },
    'as-run': { type: 'string' },
    ...INPUT_OPTIONS,
  },
  optionHelp: {
    reps: 'number of replications (default: the scenario\'s)',
    seed: 'random seed, a whole number ≥ 0 (default: the scenario\'s)',
    horizon: 'minutes to simulate from the scenario start (default: the scenario\'s)',
    warmup: 'minutes at the start left out of the statistics (default: the scenario\'s)',
    dispatching: `rule at every machine: ${RULES.join(', ')} (default: the scenario's)`,
    schedule: 'a schedule file to follow (implies --dispatching schedule)',
    json: 'print the summary and every replication\'s results as JSON',
    trace: 'write the trace of replication 0 to this binary file (layout in docs/SIMULATION.md)',
    without: `switch random disturbances off, a comma-separated list of ${Object.keys(DISTURBANCES).join(', ')} (docs/SIMULATION.md)`,
    deterministic: 'switch every random disturbance off: the plan\'s model (one replication is enough)',
    'as-run': 'write the jobs replication 0 carried out as a schedule file (follow it with --schedule)',
    ...INPUT_OPTION_HELP,
  },
  async run({ values, positionals }, output) {
    if (positionals.length !== 1) {
      output.err(`plant-twin simulate: name exactly one scenario file, found ${positionals.length} (see plant-twin simulate --help)`);
      return EXIT_USAGE;
    }
    const reps = numberOption(values.reps, 'reps', (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1');
    const seed = numberOption(values.seed, 'seed', (n) => Number.isSafeInteger(n) && n >= 0, 'a whole number ≥ 0');
    const horizon = numberOption(values.horizon, 'horizon', (n) => Number.isFinite(n) && n > 0, 'minutes > 0');
    const warmup = numberOption(values.warmup, 'warmup', (n) => Number.isFinite(n) && n >= 0, 'minutes ≥ 0');
    const dispatching = values.schedule !== undefined ? 'schedule' : values.dispatching;
    const inputOptions = inputOptionsOf(values);
    const disturbances = disturbancesOption(values.without, values.deterministic);
    const bad = [reps, seed, horizon, warmup, disturbances].find((v) => typeof v === 'string')
      ?? ('error' in inputOptions ? inputOptions.error : undefined)
      ?? (dispatching !== undefined && !RULES.includes(dispatching as DispatchRule) ? `--dispatching must be one of ${RULES.join(', ')}, found "${String(dispatching)}"` : undefined);
    if (typeof bad === 'string') {
      output.err(`plant-twin simulate: ${bad} (see plant-twin simulate --help)`);
      return EXIT_USAGE;
    }

    const loadedPlant = await loadScenarioPlant(positionals[0]!, 'simulate', output, 'error' in inputOptions ? {} : inputOptions);
    if (typeof loadedPlant === 'number') return loadedPlant;
    const { input, plant } = loadedPlant;
    for (const w of input.warnings) output.err(`warning: ${formatProblem(w)}`);
    let schedule: Schedule | undefined;
    if (typeof values.schedule === 'string') {
      const loaded = await loadScheduleFile(values.schedule, 'simulate', output, plant.scenario.id, 'error' in inputOptions ? {} : inputOptions);
      if (typeof loaded === 'number') return loaded;
      schedule = loaded;
    }

    const experiment = plant.scenario.experiment;
    const settings = {
      seed: (seed as number | undefined) ?? experiment.seed,
      horizon: (horizon as number | undefined) ?? experiment.horizon,
      warmup: (warmup as number | undefined) ?? experiment.warmup,
      dispatching: (dispatching as DispatchRule | undefined) ?? experiment.dispatching,
      schedule,
      disturbances: disturbances as Disturbances,
    };
    if (settings.dispatching === 'schedule' && !schedule) {
      output.err(`plant-twin simulate: ${input.file} dispatches by "schedule" but no schedule was given: add --schedule FILE, or choose another rule with --dispatching`);
      return EXIT_USAGE;
    }
    if (settings.warmup >= settings.horizon) {
      output.err(`plant-twin simulate: the warm-up (${settings.warmup} min) must be shorter than the horizon (${settings.horizon} min), or nothing is measured`);
      return EXIT_USAGE;
    }
    const n = (reps as number | undefined) ?? experiment.replications;
    const progress = progressLine();
    const started = performance.now();
    const runs: PlantResult[] = [];
    for (let r = 0; r < n; r++) {
      runs.push(simulatePlant(plant, {
        ...settings, replication: r, trace: r === 0 && typeof values.trace === 'string', recordJobs: r === 0 && typeof values['as-run'] === 'string',
        onProgress: (f) => progress.update((r + f) / n),
      }));
    }
    const runtimeMs = performance.now() - started;
    progress.done();

    const traced = runs[0]?.trace;
    if (traced) delete runs[0]!.trace;
    if (traced && typeof values.trace === 'string') {
      const written = await writeOutputFile(values.trace, encodeTrace(traced, {
        scenario: plant.scenario.id, seed: settings.seed, replication: 0, horizon: settings.horizon,
      }), output, 'a file the trace can be written to');
      if (!written) return EXIT_INVALID;
    }
    const jobs = runs[0]?.jobs;
    if (jobs) delete runs[0]!.jobs;
    if (jobs && typeof values['as-run'] === 'string') {
      const asRun = asRunSchedule(compilePlant(plant), jobs, { id: `${plant.scenario.id}-as-run`, createdAt: new Date().toISOString() });
      if (!(await writeOutputFile(values['as-run'], `${JSON.stringify(asRun, null, 2)}\n`, output))) return EXIT_INVALID;
    }
    const summary = summariseReplications(runs);
    if (values.json) {
      const { runs: all, ...rest } = summary;
      output.out(JSON.stringify({ file: input.file, ...settings, schedule: schedule?.id, runtimeMs, ...rest, runs: all }, null, 2));
    } else {
      output.out(simulateReport(summary, {
        file: input.file, name: plant.scenario.name, horizon: settings.horizon, warmup: settings.warmup,
        dispatching: settings.dispatching, runtimeMs,
      }));
    }
    return EXIT_OK;
  },
};



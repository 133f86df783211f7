import { formatProblem } from '../model/problem.ts';
import { createNodeSimPool } from '../workers/nodeSimPool.ts';
import { riskJson, scheduleRisk, type RiskReport } from '../workers/scheduleRisk.ts';
import { numberOption, progressLine } from './cliOptions.ts';
import { EXIT_OK, EXIT_USAGE, type Command } from './command.ts';
import { INPUT_OPTION_HELP, INPUT_OPTIONS, inputOptionsOf } from './inputFile.ts';
import { loadScenarioPlant, loadScheduleFile } from './scenarioInput.ts';

const CAUSE_NAMES: Record<string, string> = {
  failures: 'failures', processingTime: 'processing-time variation', yield: 'yield / rework', lateRelease: 'late release', plan: 'the plan itself', combined: 'disturbances together',
};
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const h = (minutes: number) => `${(minutes / 60).toFixed(1)} h`;

/** The report as text: the riskiest orders first. */
export function riskText(report: RiskReport, name: string, elapsedMs: number): string {
  const orders = [...report.orders].sort((a, b) => a.pOnTime - b.pOnTime || a.order.localeCompare(b.order));
  const lines = [
    `${name}: ${report.replications} replications following the schedule${report.seed !== undefined ? `, seed ${report.seed}` : ''}, ${report.runs} runs in ${(elapsedMs / 1000).toFixed(1)} s`,
    'order        on time  95 % interval        E[late]   p90 late  made late by',
  ];
  for (const o of orders) {
    const cause = o.causes.map((c) => `${CAUSE_NAMES[c.disturbance] ?? c.disturbance} ${pct(c.share)}`).join(', ');
    lines.push(`${o.order.padEnd(12)} ${pct(o.pOnTime).padStart(7)}  ${`${pct(o.lower)} … ${pct(o.upper)}`.padEnd(19)}  ${h(o.expectedLateness).padStart(7)}  ${h(o.p90Lateness).padStart(8)}  ${cause}`);
  }
  const sorted = [...report.makespans].sort((a, b) => a - b);
  if (sorted.length > 0) lines.push(`makespan: median ${h(sorted[Math.floor(sorted.length / 2)]!)}, range ${h(sorted[0]!)} … ${h(sorted[sorted.length - 1]!)}`);
  return lines.join('\n');
}

export const riskCommand: Command = {
  name: 'risk',
  summary: 'risk of a schedule per order: on-time probability with its interval, lateness, causes',
  usage: `Usage: plant-twin risk [options] <scenario> --schedule FILE

Runs N replications of the simulator following the schedule (dispatching "schedule"), with the
scenario's randomness, on worker threads. Per order: the probability of finishing on time with
its 95 % Wilson interval, the expected and 90th-percentile lateness, and which disturbance made
it late — found by re-running every replication with the same random numbers and one class off
at a time (failures, processing-time variation, yield/rework, late release), and once with none
(then lateness that stays is the plan's). The Schedule workspace runs the same code.

Exit codes: 0 done, 1 input invalid or unreadable, 2 usage error.`,
  options: {
    schedule: { type: 'string' },
    reps: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    'no-attribution': { type: 'boolean' },
    workers: { type: 'string' },
    ...INPUT_OPTIONS,
  },
  optionHelp: {
    schedule: 'the schedule file to follow (plant-twin schedule --out FILE)',
    reps: 'replications, a whole number ≥ 1 (default 100)',
    seed: 'random seed (default: the scenario\'s)',
    json: 'print { replications, orders: [{ order, pOnTime, lower, upper, expectedLateness, p90Lateness, causes }] }',
    'no-attribution': 'skip the runs with one disturbance off (no causes; about five times faster)',
    workers: 'worker threads (default: one per core)',
    ...INPUT_OPTION_HELP,
  },
  async run({ values, positionals }, output) {
    const reps = numberOption(values.reps, 'reps', (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1');
    const seed = numberOption(values.seed, 'seed', (n) => Number.isSafeInteger(n) && n >= 0, 'a whole number ≥ 0');
    const workers = numberOption(values.workers, 'workers', (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'a whole number from 1 to 64');
    const inputOptions = inputOptionsOf(values);
    const bad = [reps, seed, workers].find((v) => typeof v === 'string')
      ?? ('error' in inputOptions ? inputOptions.error : undefined)
      ?? (positionals.length !== 1 ? `name exactly one scenario file, found ${positionals.length}` : undefined)
      ?? (typeof values.schedule !== 'string' ? 'give the schedule to assess with --schedule FILE' : undefined);
    if (typeof bad === 'string') {
      output.err(`plant-twin risk: ${bad} (see plant-twin risk --help)`);
      return EXIT_USAGE;
    }
    const options = 'error' in inputOptions ? {} : inputOptions;
    const loadedPlant = await loadScenarioPlant(positionals[0]!, 'risk', output, options);
    if (typeof loadedPlant === 'number') return loadedPlant;
    const { input, plant } = loadedPlant;
    for (const w of input.warnings) output.err(`warning: ${formatProblem(w)}`);
    const schedule = await loadScheduleFile(values.schedule as string, 'risk', output, plant.scenario.id, options);
    if (typeof schedule === 'number') return schedule;
    const pool = createNodeSimPool(workers as number | undefined);
    const progress = progressLine();
    const started = performance.now();
    try {
      const report = await scheduleRisk(pool, plant, schedule, {
        replications: (reps as number | undefined) ?? 100,
        ...(seed !== undefined ? { seed: seed as number } : {}),
        attribution: values['no-attribution'] !== true,
      }, (f) => progress.update(f));
      progress.done();
      output.out(values.json ? JSON.stringify(riskJson(report), null, 2) : riskText(report, plant.scenario.name, performance.now() - started));
      return EXIT_OK;
    } finally {
      pool.close();
    }
  },
};

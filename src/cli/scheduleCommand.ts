import { formatProblem } from '../model/problem.ts';
import { parseFjsp } from '../../solver/jobshop/parseFjsp.ts';
import { parseJssp } from '../../solver/jobshop/parseJssp.ts';
import { benchmarkScheduleJson } from '../../solver/jobshop/scheduleJson.ts';
import { DEFAULT_OBJECTIVE, objectiveName, parseObjective, type ObjectiveKpis } from '../../solver/objective.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { plantProblem, PlantProblemError } from '../../solver/plant/plantProblem.ts';
import { solvePlant, type PlantProgress, type PlantSolveOptions } from '../../solver/plant/solvePlant.ts';
import { PlanningLimitError } from '../../solver/plant/workingTime.ts';
import { solveMakespan } from '../../solver/solve.ts';
import type { DispatchList } from '../model/scheduleSchema.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command, type Output } from './command.ts';
import { readTextFile } from './fsResolver.ts';
import { numberOption } from './cliOptions.ts';
import { LazyJsonArray } from './jsonStream.ts';
import { writeJsonFile } from './outputFile.ts';
import { INPUT_OPTION_HELP, INPUT_OPTIONS, inputOptionsOf, loadInputFile, type InputOptions } from './inputFile.ts';

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));
const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** Milliseconds of the time limit kept for writing the outputs after the search. */
const RESERVE_MS = 300;
const kpiLine = (k: ObjectiveKpis): string =>
  `late orders ${k.lateOrders} (on time ${k.onTimeOrders}), weighted tardiness ${fmt(k.weightedTardiness)}, total setup ${fmt(k.totalSetup)} min, makespan ${fmt(k.makespan)} min`;

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'schedule a scenario\'s orders (or a JSSP/FJSP benchmark): KPIs, bound, gap, EDD comparison',
  usage: `Usage: plant-twin schedule [options] <scenario>
       plant-twin schedule --jssp FILE | --fjsp FILE [--time S] [--seed S] [--iterations N] [--out FILE]

Schedules every order of the scenario on its equipment: eligible machines with their own times
(mean × quantity), changeovers from the setup matrices, calendars (work pauses outside shifts
and resumes), release and due dates, priorities as weights, the start state's running
operations frozen. Prints the KPIs, a lower bound and the gap, and the same KPIs for
earliest-due-date dispatching. Progress goes to stderr.
With --jssp / --fjsp, minimises the makespan of a benchmark instance (Taillard / Brandimarte
format) and writes every operation with its job and operation index (0-based), machine, start, end.

Exit codes: 0 scheduled, 1 input invalid or unreadable (or an output cannot be written), 2 usage error.`,
  options: {
    time: { type: 'string' },
    objective: { type: 'string' },
    seed: { type: 'string' },
    iterations: { type: 'string' },
    out: { type: 'string' },
    dispatch: { type: 'string' },
    jssp: { type: 'string' },
    fjsp: { type: 'string' },
    ...INPUT_OPTIONS,
  },
  optionHelp: {
    time: 'seconds for the whole command (default 10); the first plan is always made, so on very large scenarios (100,000 orders) it and writing the files may take longer: stderr then says by how much',
    objective: `weightedTardiness, makespan, totalSetup, lateOrders, lex:a,b or w:a=1,b=0.1 (default ${objectiveName(DEFAULT_OBJECTIVE)})`,
    seed: 'random seed, a whole number ≥ 0 (default 1)',
    iterations: 'search iterations; without --time the run is then reproducible',
    out: 'write the schedule JSON here',
    dispatch: 'write the dispatch list JSON here',
    jssp: 'a job-shop benchmark file instead of a scenario',
    fjsp: 'a flexible job-shop benchmark file (Brandimarte) instead of a scenario',
    ...INPUT_OPTION_HELP,
  },
  async run({ values, positionals }, output) {
    const time = numberOption(values.time, 'time', (n) => Number.isFinite(n) && n > 0, 'seconds > 0');
    const seed = numberOption(values.seed, 'seed', (n) => Number.isSafeInteger(n) && n >= 0, 'a whole number ≥ 0');
    const iterations = numberOption(values.iterations, 'iterations', (n) => Number.isSafeInteger(n) && n >= 0, 'a whole number ≥ 0');
    const objective = typeof values.objective === 'string' ? parseObjective(values.objective) : DEFAULT_OBJECTIVE;
    const bench = typeof values.jssp === 'string' ? { file: values.jssp, parse: parseJssp } : typeof values.fjsp === 'string' ? { file: values.fjsp, parse: parseFjsp } : undefined;
    const inputOptions = inputOptionsOf(values);
    const bad = [time, seed, iterations].find((v) => typeof v === 'string')
      ?? ('error' in inputOptions ? inputOptions.error : undefined)
      ?? (typeof objective === 'string' ? `--objective: ${objective}` : undefined)
      ?? (values.jssp !== undefined && values.fjsp !== undefined ? 'give --jssp or --fjsp, not both' : undefined)
      ?? (bench === undefined && positionals.length !== 1 ? `name exactly one scenario file, found ${positionals.length}` : undefined)
      ?? (bench !== undefined && positionals.length > 0 ? 'a benchmark file replaces the scenario; give no scenario with --jssp/--fjsp' : undefined);
    if (typeof bad === 'string' || typeof objective === 'string') {
      output.err(`plant-twin schedule: ${String(bad)} (see plant-twin schedule --help)`);
      return EXIT_USAGE;
    }
    const limits = {
      seed: (seed as number | undefined) ?? 1,
      ...(iterations !== undefined ? { maxIterations: iterations as number } : {}),
      ...(time !== undefined || iterations === undefined ? { timeLimitMs: ((time as number | undefined) ?? 10) * 1000 } : {}),
    };
    let lastProgress = -Infinity;
    const progress = (elapsedMs: number, text: string): void => {
      if (elapsedMs - lastProgress < 1000) return;
      lastProgress = elapsedMs;
      output.err(`${(elapsedMs / 1000).toFixed(1)} s  ${text}`);
    };

    if (bench !== undefined) {
      const read = await readTextFile(bench.file);
      if ('problem' in read) { output.err(formatProblem(read.problem)); return EXIT_INVALID; }
      const parsed = bench.parse(read.text, bench.file);
      if (!parsed.ok) { for (const p of parsed.problems) output.err(formatProblem(p)); return EXIT_INVALID; }
      const r = solveMakespan(parsed.value, { ...limits, startedAt: 0, reserveMs: RESERVE_MS, onProgress: (p) => progress(p.elapsedMs, `best ${p.best.map(fmt).join(' / ')}  bound ${p.lowerBound.map(fmt).join(' / ')}`) });
      output.out(`${parsed.value.name}: makespan ${r.makespan}, lower bound ${r.lowerBound} (${r.boundSource}), gap ${(100 * r.gap).toFixed(1)} %, ${r.iterations} iterations`);
      const json = benchmarkScheduleJson(parsed.value, r.timetable);
      if (typeof values.out === 'string') return (await writeJsonFile(values.out, json, output)) ? EXIT_OK : EXIT_INVALID;
      output.out(JSON.stringify(json));
      return EXIT_OK;
    }

    // The first plan is always made (a result needs one): when it alone takes longer than --time
    // (very large scenarios), say so at once and at the end rather than overrun silently.
    const budgetMs = limits.timeLimitMs;
    let firstPlanMs: number | undefined;
    const onProgress = (p: PlantProgress): void => {
      if (firstPlanMs === undefined) {
        firstPlanMs = p.elapsedMs;
        if (budgetMs !== undefined && firstPlanMs > budgetMs) {
          output.err(`${seconds(firstPlanMs)} s  first plan took ${seconds(firstPlanMs)} s, over the --time budget of ${budgetMs / 1000} s: no search, writing the result`);
          lastProgress = p.elapsedMs;
        }
      }
      progress(p.elapsedMs, `best ${p.best.map(fmt).join(' / ')}  bound ${p.lowerBound.map(fmt).join(' / ')}`);
    };
    const planned = await planScenario(positionals[0]!, 'error' in inputOptions ? {} : inputOptions, { ...limits, objective, startedAt: 0, reserveMs: RESERVE_MS, onProgress }, typeof values.dispatch === 'string', output);
    if (typeof planned === 'number') return planned;
    output.out(planned.summary);
    const writingFrom = performance.now();
    // The scenario is gone from here on; the schedule's entries are made as they are written (from
    // the problem and the timetable), and each file is let go once written.
    if (typeof values.out === 'string' && !(await writeJsonFile(values.out, planned.schedule, output))) return EXIT_INVALID;
    planned.schedule = null;
    if (typeof values.dispatch === 'string' && !(await writeJsonFile(values.dispatch, planned.dispatchList, output))) return EXIT_INVALID;
    const endMs = performance.now();
    if (budgetMs !== undefined && endMs > budgetMs) {
      output.err(`plant-twin schedule: took ${seconds(endMs)} s, over the --time budget of ${budgetMs / 1000} s: first plan at ${firstPlanMs === undefined ? '–' : `${seconds(firstPlanMs)} s`}, ${planned.iterations} search iterations, files written in ${seconds(endMs - writingFrom)} s`);
    }
    return EXIT_OK;
  },
};

/**
 * Loads, solves and lays out a scenario: the summary to print and the files (the dispatch list
 * when asked for); an exit code when the scenario cannot be scheduled (the problems printed).
 */
async function planScenario(file: string, inputOptions: InputOptions, options: PlantSolveOptions, withDispatch: boolean, output: Output): Promise<{ summary: string; schedule: unknown; dispatchList: DispatchList | null; iterations: number } | number> {
  const input = await loadInputFile(file, inputOptions);
  if (input.problems.length > 0) {
    for (const p of input.problems) output.err(formatProblem(p));
    return EXIT_INVALID;
  }
  const scenario = input.value?.kind === 'plant' ? input.value.plant.scenario : undefined;
  if (!scenario || input.value?.kind !== 'plant') {
    output.err(`plant-twin schedule: ${input.file} is a ${input.kind}; schedule reads a scenario (or --jssp/--fjsp)`);
    return EXIT_USAGE;
  }
  for (const w of input.warnings) output.err(`warning: ${formatProblem(w)}`);
  let solved;
  try {
    const pp = plantProblem(input.value.plant);
    for (const d of pp.droppedLocks) output.err(`warning: lock not kept: ${d}`);
    // The clock started with the process (performance.now() counts from there), so --time bounds the whole command.
    solved = { pp, r: solvePlant(pp, options) };
  } catch (error) {
    if (error instanceof PlantProblemError || error instanceof PlanningLimitError) {
      output.err(`plant-twin schedule: ${input.file}: ${error.message}`);
      return EXIT_INVALID;
    }
    throw error;
  }
  const { pp, r } = solved;
  const files = plantOutputs(pp, r);
  const cut = r.edd.kpis.totalSetup > 0 ? 100 * (1 - r.kpis.totalSetup / r.edd.kpis.totalSetup) : 0;
  const summary = [
    `${scenario.name}: ${pp.problem.jobs.length} orders, ${pp.problem.operations.length} operations on ${pp.equipment.length} machines`,
    `objective ${files.scheduleHead.objective}: ${r.value.map(fmt).join(' / ')}; lower bound ${r.lowerBound.map(fmt).join(' / ')}; gap ${(100 * r.gap).toFixed(1)} %`,
    `bounds: makespan ${fmt(r.bounds.makespan)} min (${r.bounds.makespanSource}), late orders ${r.bounds.lateOrders} (${r.bounds.lateSource}), weighted tardiness ${fmt(r.bounds.weightedTardiness)} (${r.bounds.tardinessSource}), setup ${fmt(r.bounds.totalSetup)} min (cheapest changeovers)`,
    `schedule: ${kpiLine(r.kpis)}`,
    `EDD:      ${kpiLine(r.edd.kpis)}`,
    `setup cut against EDD ${cut.toFixed(1)} %, orders on time ${r.kpis.onTimeOrders - r.edd.kpis.onTimeOrders >= 0 ? '+' : ''}${r.kpis.onTimeOrders - r.edd.kpis.onTimeOrders}`,
    `utilisation: ${Object.entries(files.utilisation).map(([k, u]) => `${k} ${(100 * u).toFixed(0)} %`).join(', ')}`,
    `${files.changeovers.length} changeovers, ${r.iterations} search iterations`,
  ].join('\n');
  // The schedule's entries are made as its file is written (700,000 of them at 100,000 orders: held all at once, they cost more to make than to write).
  return { summary, schedule: { ...files.scheduleHead, operations: new LazyJsonArray(files.scheduleOperations()) }, dispatchList: withDispatch ? files.dispatchList : null, iterations: r.iterations };
}

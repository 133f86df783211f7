/**
 * `npm run bench:des`: times the DES kernel on the shared benchmark models (mm1, tandem,
 * jobshop in ../shared/benchmarks/des/models.json) and, in the same run, simjs on the same models,
 * printing one JSON line per engine and model and a last line with the speed ratios.
 *
 *   --models <path>    models.json (default ../shared/benchmarks/des/models.json from the repo root)
 *   --model <names>    comma-separated subset of mm1,tandem,jobshop
 *   --seed <n>         random seed (default 1)
 *   --no-simjs         time only our kernel
 *   --warmup <f>       untimed run first, as a share of the model's length (default 0.1; 0 = none)
 *   --repeat <n>       timed measurements per engine and model, alternating engines (default 5)
 *
 * per_second = completions per wall-clock second of the timed run, model construction excluded.
 * cpu_seconds is printed beside it because wall time on a shared machine includes waiting.
 *
 * Each measurement runs in a fresh Node process (this script with --measure engine:model): one
 * engine's garbage or compiled code must not slow down or warm up the next measurement.
 * In that process, before the timed run, the same engine runs the same model once, untimed, for
 * --warmup of its length (default 0.1: a tenth of the customers, parts or jobs). Both engines get
 * exactly this treatment. Without it a 0.1–0.2 s run largely times V8 compiling and optimising
 * the engine and the model, not the steady state that a long simulation or a batch of
 * replications runs in. --warmup 0 gives the cold figures.
 *
 * A timed run lasts 0.1–0.4 s, so one run on a shared machine can land on a busy moment. Each
 * engine is therefore measured --repeat times, the engines taking turns (ours, simjs, ours, …) so
 * both see the same background load, and the printed line is the run with the median per_second;
 * `per_second_runs` lists them all.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblem } from '../../src/model/problem.ts';
import type { BenchResult } from './desModels/benchResult.ts';
import { runJobshop } from './desModels/jobshop.ts';
import { runMm1 } from './desModels/mm1.ts';
import { loadModelsFile, type ModelsFile } from './desModels/modelsFile.ts';
import { runTandem } from './desModels/tandem.ts';
import { simjsJobshop } from './simjsModels/jobshop.ts';
import { loadSimjs } from './simjsModels/loadSimjs.ts';
import { simjsMmc } from './simjsModels/mmc.ts';
import { simjsTandem } from './simjsModels/tandem.ts';

type ModelName = keyof ModelsFile;
type Engine = 'plant-twin' | 'simjs';
const MODEL_NAMES: ModelName[] = ['mm1', 'tandem', 'jobshop'];

interface Line {
  engine: Engine;
  model: ModelName;
  completed: number;
  events: number;
  seconds: number;
  per_second: number;
  stats: Record<string, number | number[]>;
  cpu_seconds: number;
}

const scriptPath = fileURLToPath(import.meta.url);
const repoRoot = resolve(dirname(scriptPath), '../..');
const { values } = parseArgs({
  options: {
    models: { type: 'string' },
    model: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-simjs': { type: 'boolean', default: false },
    measure: { type: 'string' },
    warmup: { type: 'string', default: '0.1' },
    repeat: { type: 'string', default: '5' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const modelsPath = values.models ? resolve(values.models) : resolve(repoRoot, '../shared/benchmarks/des/models.json');
const loaded = loadModelsFile(modelsPath);
if (!loaded.ok) fail(loaded.problems.map(formatProblem).join('\n'));
const models = loaded.value;
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed) || seed < 0) fail(`--seed: expected a non-negative integer, found ${values.seed}`);
const warmup = Number(values.warmup);
if (!(warmup >= 0 && warmup <= 1)) fail(`--warmup: expected a share from 0 to 1, found ${values.warmup}`);
const repeat = Number(values.repeat);
if (!Number.isSafeInteger(repeat) || repeat < 1) fail(`--repeat: expected a whole number ≥ 1, found ${values.repeat}`);

/** The run with the median per_second, with every run's figure beside it. */
function median(lines: Line[]): Line & { per_second_runs: number[] } {
  const sorted = [...lines].sort((a, b) => a.per_second - b.per_second);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, per_second_runs: lines.map((l) => l.per_second) };
}

/** The models shortened to `share` of their length (customers, parts, jobs): the untimed warm-up run. */
function shortened(share: number): ModelsFile {
  const part = (n: number) => Math.max(1, Math.ceil(n * share));
  return {
    mm1: { ...models.mm1, customers: part(models.mm1.customers) },
    tandem: { ...models.tandem, parts: part(models.tandem.parts) },
    jobshop: { ...models.jobshop, jobs: part(models.jobshop.jobs) },
  };
}

async function measure(engine: Engine, model: ModelName, models: ModelsFile): Promise<BenchResult> {
  if (engine === 'plant-twin') {
    if (model === 'mm1') return runMm1(models.mm1, seed);
    if (model === 'tandem') return runTandem(models.tandem, seed);
    return runJobshop(models.jobshop, seed);
  }
  const Sim = await loadSimjs();
  if (model === 'mm1') {
    const { arrivalRate, serviceMean, customers } = models.mm1;
    return simjsMmc(Sim, { arrivalRate, serviceMean, servers: 1, seed, customers });
  }
  if (model === 'tandem') return simjsTandem(Sim, models.tandem, seed);
  return simjsJobshop(Sim, models.jobshop, seed);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function toLine(engine: Engine, model: ModelName, result: BenchResult): Line {
  return {
    engine,
    model,
    completed: result.completed,
    events: result.events,
    seconds: round(result.seconds, 3),
    per_second: Math.round(result.completed / result.seconds),
    stats: Object.fromEntries(Object.entries(result.stats).map(([k, v]) =>
      [k, Array.isArray(v) ? v.map((x) => round(x, 4)) : round(v, 4)])),
    cpu_seconds: round(result.cpuSeconds, 3),
  };
}

/** Runs one measurement in a fresh process and returns its line. */
function measureApart(engine: Engine, model: ModelName): Line {
  const args = [...process.execArgv, scriptPath, '--measure', `${engine}:${model}`, '--models', modelsPath, '--seed', String(seed), '--warmup', String(warmup)];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) fail(`${engine} ${model} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim()) as Line;
}

if (values.measure) {
  const [engine, model] = values.measure.split(':') as [Engine, ModelName];
  if (warmup > 0) await measure(engine, model, shortened(warmup));
  console.log(JSON.stringify({ ...toLine(engine, model, await measure(engine, model, models)), warmup }));
} else {
  const chosen = values.model ? values.model.split(',').map((s) => s.trim()) : MODEL_NAMES;
  const unknown = chosen.filter((name) => !MODEL_NAMES.includes(name as ModelName));
  if (unknown.length > 0) fail(`--model: expected names from ${MODEL_NAMES.join(', ')}, found ${unknown.join(', ')}`);
  const engines: Engine[] = values['no-simjs'] ? ['plant-twin'] : ['plant-twin', 'simjs'];
  const wall: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  for (const model of chosen as ModelName[]) {
    const runs = new Map<Engine, Line[]>(engines.map((engine) => [engine, []]));
    for (let r = 0; r < repeat; r++) for (const engine of engines) runs.get(engine)!.push(measureApart(engine, model));
    const lines = engines.map((engine) => median(runs.get(engine)!));
    for (const line of lines) console.log(JSON.stringify(line));
    const [ours, theirs] = lines;
    if (ours && theirs) {
      wall[model] = round(ours.per_second / theirs.per_second, 1);
      cpu[model] = round((ours.completed / ours.cpu_seconds) / (theirs.completed / theirs.cpu_seconds), 1);
    }
  }
  if (engines.length > 1) {
    console.log(JSON.stringify({ comparison: 'plant-twin / simjs completions per second, same run', wall, cpu }));
  }
}

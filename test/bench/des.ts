/**
 * `npm run bench:des`: times the DES kernel on the shared benchmark models (mm1, tandem,
 * jobshop in ../shared/benchmarks/des/models.json) and, in the same run, simjs on the same models,
 * printing one JSON line per engine and model and a last line with the speed ratios.
 *
 *   --models <path>    models.json (default ../shared/benchmarks/des/models.json from the repo root)
 *   --model <names>    comma-separated subset of mm1,tandem,jobshop
 *   --seed <n>         random seed (default 1)
 *   --no-simjs         time only our kernel
 *
 * per_second = completions per wall-clock second of the run, model construction excluded.
 * cpu_seconds is printed beside it because wall time on a shared machine includes waiting.
 */
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
import { loadSimjs, type Simjs } from './simjsModels/loadSimjs.ts';
import { simjsMmc } from './simjsModels/mmc.ts';
import { simjsTandem } from './simjsModels/tandem.ts';

type ModelName = keyof ModelsFile;
const MODEL_NAMES: ModelName[] = ['mm1', 'tandem', 'jobshop'];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    models: { type: 'string' },
    model: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-simjs': { type: 'boolean', default: false },
  },
});

const modelsPath = values.models ? resolve(values.models) : resolve(repoRoot, '../shared/benchmarks/des/models.json');
const loaded = loadModelsFile(modelsPath);
if (!loaded.ok) {
  for (const problem of loaded.problems) console.error(formatProblem(problem));
  process.exit(2);
}
const models = loaded.value;
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed) || seed < 0) {
  console.error(`--seed: expected a non-negative integer, found ${values.seed}`);
  process.exit(2);
}
const chosen = values.model ? values.model.split(',').map((s) => s.trim()) : MODEL_NAMES;
const unknown = chosen.filter((name) => !MODEL_NAMES.includes(name as ModelName));
if (unknown.length > 0) {
  console.error(`--model: expected names from ${MODEL_NAMES.join(', ')}, found ${unknown.join(', ')}`);
  process.exit(2);
}

const ours: Record<ModelName, () => BenchResult> = {
  mm1: () => runMm1(models.mm1, seed),
  tandem: () => runTandem(models.tandem, seed),
  jobshop: () => runJobshop(models.jobshop, seed),
};
const theirs = (Sim: Simjs): Record<ModelName, () => BenchResult> => ({
  mm1: () => simjsMmc(Sim, {
    arrivalRate: models.mm1.arrivalRate, serviceMean: models.mm1.serviceMean, servers: 1, seed, customers: models.mm1.customers,
  }),
  tandem: () => simjsTandem(Sim, models.tandem, seed),
  jobshop: () => simjsJobshop(Sim, models.jobshop, seed),
});

function round(value: number | number[], digits: number): number | number[] {
  const f = 10 ** digits;
  return Array.isArray(value) ? value.map((v) => Math.round(v * f) / f) : Math.round(value * f) / f;
}

function report(engine: string, model: ModelName, result: BenchResult): BenchResult {
  const perSecond = result.completed / result.seconds;
  console.log(JSON.stringify({
    engine,
    model,
    completed: result.completed,
    events: result.events,
    seconds: round(result.seconds, 3),
    per_second: Math.round(perSecond),
    stats: Object.fromEntries(Object.entries(result.stats).map(([k, v]) => [k, round(v, 4)])),
    cpu_seconds: round(result.cpuSeconds, 3),
  }));
  return result;
}

const simjs = values['no-simjs'] ? undefined : theirs(await loadSimjs());
const wallRatio: Record<string, number> = {};
const cpuRatio: Record<string, number> = {};
for (const model of chosen as ModelName[]) {
  const a = report('plant-twin', model, ours[model]());
  if (!simjs) continue;
  const b = report('simjs', model, simjs[model]());
  wallRatio[model] = round((a.completed / a.seconds) / (b.completed / b.seconds), 1) as number;
  cpuRatio[model] = round((a.completed / a.cpuSeconds) / (b.completed / b.cpuSeconds), 1) as number;
}
if (simjs) {
  console.log(JSON.stringify({ comparison: 'plant-twin / simjs completions per second, same run', wall: wallRatio, cpu: cpuRatio }));
}

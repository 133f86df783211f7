import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import path from 'node:path';
import { loadExperimentText, type ExperimentPlan } from '../experiment/loadExperiment.ts';
import { mergeParts } from '../experiment/mergeParts.ts';
import { loadPartText, partFile, partFileName, type PartFile } from '../experiment/partFile.ts';
import type { ReplicationRecord } from '../experiment/replicationRecord.ts';
import {
  completeExperiment, experimentMeta, runTasks, shardTasks, type ExperimentMeta, type ExperimentResultFile, type Shard, type SystemTask,
} from '../experiment/runExperiment.ts';
import { formatProblem, type Problem } from '../model/problem.ts';
import { poolRunner } from '../workers/experimentRunner.ts';
import { createNodeSimPool } from '../workers/nodeSimPool.ts';
import type { SimPool } from '../workers/simPool.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command, type Output } from './command.ts';
import { fileRecordCache, inputHash } from './experimentCache.ts';
import { experimentReport } from './experimentReport.ts';
import { readTextFile, fsLayoutResolver } from './fsResolver.ts';
import { progressOnStderr } from './progress.ts';

const RESULT_FILE = 'result.json';

/** "2/3" → shard 2 of 3; undefined with a message when malformed. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || count > 100_000) return `--shard must be i/N with 1 ≤ i ≤ N, e.g. 2/3, found "${text}"`;
  return { index, count };
}

const resultText = (result: ExperimentResultFile): string => `${JSON.stringify(result, null, 2)}\n`;

async function writeOut(file: string, text: string, output: Output): Promise<boolean> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    output.err(formatProblem({ file, path: '', expected: 'a file that can be written', found: `an error (${code})`, hint: 'check that the folder exists and is writable' }));
    return false;
  }
}

async function loadPlan(file: string, output: Output): Promise<ExperimentPlan | undefined> {
  const read = await readTextFile(file);
  if ('problem' in read) {
    output.err(formatProblem(read.problem));
    return undefined;
  }
  const loaded = await loadExperimentText(read.text, file, fsLayoutResolver);
  if (!loaded.ok) {
    for (const p of loaded.problems) output.err(formatProblem(p));
    return undefined;
  }
  return loaded.value;
}

interface RunContext {
  workers: number;
  cacheDir: string | undefined;
  output: Output;
}

/** Runs tasks of a plan on a node pool (started on first use) with the file cache and progress. */
function planRunner(plan: ExperimentPlan, ctx: RunContext) {
  let pool: SimPool | undefined;
  const cache = ctx.cacheDir ? fileRecordCache(ctx.cacheDir, plan) : undefined;
  return {
    cache,
    async run(tasks: readonly SystemTask[], label: string): Promise<ReplicationRecord[][]> {
      const total = tasks.reduce((a, t) => a + t.replications.length, 0);
      const progress = progressOnStderr(label);
      let done = 0;
      progress.update(0, total);
      try {
        pool ??= createNodeSimPool(ctx.workers);
        return await runTasks(tasks, plan.systems.length, poolRunner(pool, plan), {
          cache, onDone: (n) => progress.update(done += n, total),
        });
      } finally {
        progress.done();
        cache?.flush();
      }
    },
    close: () => pool?.close(),
  };
}

/** Finishes an experiment from its records (the selection may run more) and writes the result. */
async function finish(meta: ExperimentMeta, records: ReplicationRecord[][], more: (tasks: SystemTask[]) => Promise<ReplicationRecord[][]>,
  file: string, json: boolean, output: Output): Promise<number> {
  const result = await completeExperiment(meta, records, more);
  if (!(await writeOut(file, resultText(result), output))) return EXIT_INVALID;
  output.out(json ? resultText(result).trimEnd() : experimentReport(result, file));
  return EXIT_OK;
}

async function runCommand(values: Record<string, unknown>, file: string, output: Output): Promise<number> {
  const shard = typeof values.shard === 'string' ? parseShard(values.shard) : { index: 1, count: 1 };
  if (typeof shard === 'string') {
    output.err(`plant-twin experiment: ${shard}`);
    return EXIT_USAGE;
  }
  const out = values.out as string;
  const plan = await loadPlan(file, output);
  if (!plan) return EXIT_INVALID;
  const meta = experimentMeta(plan, inputHash(plan));
  const runner = planRunner(plan, contextOf(values, out, output));
  try {
    const tasks = shardTasks(plan.systems.length, plan.replications, shard);
    const records = await runner.run(tasks, `replications of ${plan.experiment.id}${shard.count > 1 ? ` shard ${shard.index}/${shard.count}` : ''}`);
    const part = path.join(out, partFileName(shard));
    if (!(await writeOut(part, `${JSON.stringify(partFile(meta, shard, records))}\n`, output))) return EXIT_INVALID;
    if (runner.cache?.hits) output.err(`${runner.cache.hits} replications taken from the cache`);
    if (shard.count > 1) {
      output.out(`${part}: shard ${shard.index}/${shard.count} of ${plan.experiment.id}, ${tasks.reduce((a, t) => a + t.replications.length, 0)} replications; ` +
        `merge all ${shard.count} with: plant-twin experiment merge <folders> --out result.json`);
      return EXIT_OK;
    }
    return await finish(meta, records, (more) => runner.run(more, 'further replications for the selection'), path.join(out, RESULT_FILE), values.json === true, output);
  } finally {
    runner.close();
  }
}

async function partFiles(locations: readonly string[], output: Output): Promise<{ file: string; part: PartFile }[] | undefined> {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const location of locations) {
    let isDir: boolean;
    try {
      isDir = (await stat(location)).isDirectory();
    } catch {
      problems.push({ file: location, path: '', expected: 'a folder with part files, or a part file', found: 'no such file or folder' });
      continue;
    }
    if (!isDir) {
      files.push(location);
      continue;
    }
    const names = (await readdir(location)).filter((n) => /^part-\d+-of-\d+\.json$/.test(n)).sort();
    if (names.length === 0) problems.push({ file: location, path: '', expected: 'part-i-of-N.json files (written by plant-twin experiment --out)', found: 'none' });
    files.push(...names.map((n) => path.join(location, n)));
  }
  const parts: { file: string; part: PartFile }[] = [];
  for (const file of files) {
    const read = await readTextFile(file);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const loaded = loadPartText(read.text, file);
    if (loaded.ok) parts.push({ file, part: loaded.value });
    else problems.push(...loaded.problems);
  }
  for (const p of problems) output.err(formatProblem(p));
  return problems.length ? undefined : parts;
}

async function mergeCommand(values: Record<string, unknown>, locations: string[], output: Output): Promise<number> {
  if (locations.length === 0) {
    output.err('plant-twin experiment merge: name the folders (or part files) the shards wrote (see plant-twin experiment --help)');
    return EXIT_USAGE;
  }
  const parts = await partFiles(locations, output);
  if (!parts) return EXIT_INVALID;
  const merged = mergeParts(parts);
  if (!merged.ok) {
    for (const p of merged.problems) output.err(formatProblem(p));
    return EXIT_INVALID;
  }
  const { meta, records } = merged.value;
  const out = values.out as string;
  let runner: ReturnType<typeof planRunner> | undefined;
  // The selection may need replications beyond the first stage: they run here, on the same inputs.
  const more = async (tasks: SystemTask[]) => {
    if (!runner) {
      const file = typeof values.experiment === 'string' ? values.experiment : meta.experiment.file;
      const plan = await loadPlan(file, output);
      if (!plan) throw new Error(`the selection needs more replications and ${file} cannot be loaded (name it with --experiment FILE)`);
      if (inputHash(plan) !== meta.inputHash) throw new Error(`${file} is not the experiment the parts were run from (its inputs changed); rerun the shards or name the right file with --experiment`);
      runner = planRunner(plan, contextOf(values, path.dirname(out), output));
    }
    return runner.run(tasks, 'further replications for the selection');
  };
  try {
    return await finish(meta, records, more, out, values.json === true, output);
  } catch (error) {
    output.err(`plant-twin experiment merge: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_INVALID;
  } finally {
    runner?.close();
  }
}

function contextOf(values: Record<string, unknown>, out: string, output: Output): RunContext {
  return {
    workers: Number(values.workers ?? cpus().length),
    cacheDir: values['no-cache'] === true ? undefined : typeof values.cache === 'string' ? values.cache : path.join(out, 'cache'),
    output,
  };
}

export const experimentCommand: Command = {
  name: 'experiment',
  summary: 'compare scenarios or sweep factors on common random numbers; choose the best; shards and merge',
  usage: `Usage: plant-twin experiment <experiment.json> --out DIR [--shard i/N] [options]
       plant-twin experiment merge <DIR|part file>... --out FILE [options]

Runs an experiment file (format plant-twin/experiment, docs/FORMATS.md): 2–8 alternatives or a
sweep of factors × levels, every system with the same seed (common random numbers), each
replication's streams keyed by its index. Writes DIR/part-i-of-N.json with the replications it ran;
without --shard it also completes the experiment and writes DIR/result.json: per system the KPIs
with 95 % intervals, paired differences against the first system, time in state per machine,
WIP over time, lead-time distribution, throughput per day, the bottleneck; with a "selection",
the best system by Kim–Nelson ranking and selection and the guarantee it comes with.

--shard i/N runs only shard i of N of the replications (pair k of the system-major order goes to
shard k mod N), so N machines (a Kubernetes Indexed Job, docs/EXPERIMENTS.md) share the work;
"merge" combines the parts into FILE, byte for byte what the unsharded run writes. A selection's
later stages run in merge (it reads the experiment file again, checking its inputs are unchanged).

Replications are cached in DIR/cache (or --cache) under a hash of the system's files, the seed and
the simulator's code, so re-runs and overlapping experiments only compute what is new.
Progress goes to stderr: a bar on a terminal, a line per tenth otherwise.

Exit codes: 0 done, 1 invalid experiment, scenario or part files (or an output cannot be written), 2 usage error.`,
  options: {
    out: { type: 'string' },
    shard: { type: 'string' },
    cache: { type: 'string' },
    'no-cache': { type: 'boolean' },
    workers: { type: 'string' },
    experiment: { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: {
    out: 'output folder (run) or result file (merge); required',
    shard: 'run only shard i of N, e.g. 2/3 (default: all, 1/1)',
    cache: 'folder of cached replications (default: <out>/cache)',
    'no-cache': 'neither read nor write cached replications',
    workers: 'worker threads (default: one per core)',
    experiment: 'merge: the experiment file, when the selection needs more replications and it moved',
    json: 'print the result file instead of the report',
  },
  async run({ values, positionals }, output) {
    const [first, ...rest] = positionals;
    const merging = first === 'merge';
    if (typeof values.out !== 'string' || values.out === '') {
      output.err(`plant-twin experiment: --out is required (${merging ? 'the result file' : 'a folder for the part and result files'})`);
      return EXIT_USAGE;
    }
    if (values.workers !== undefined && !(Number.isInteger(Number(values.workers)) && Number(values.workers) >= 1)) {
      output.err(`plant-twin experiment: --workers must be a whole number ≥ 1, found "${String(values.workers)}"`);
      return EXIT_USAGE;
    }
    if (merging) {
      if (values.shard !== undefined) {
        output.err('plant-twin experiment merge: --shard belongs to the runs, not to merge');
        return EXIT_USAGE;
      }
      return mergeCommand(values, rest, output);
    }
    if (positionals.length !== 1) {
      output.err(`plant-twin experiment: name exactly one experiment file, found ${positionals.length} (see plant-twin experiment --help)`);
      return EXIT_USAGE;
    }
    return runCommand(values, first!, output);
  },
};

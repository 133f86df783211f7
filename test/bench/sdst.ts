import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblem } from '../../src/model/problem.ts';
import { checkSdst } from '../../solver/setups/check.ts';
import { parseVallada } from '../../solver/setups/parse.ts';
import { sdstProblem } from '../../solver/setups/toProblem.ts';
import { solveMakespan } from '../../solver/solve.ts';

/**
 * npm run bench:sdst -- [--dir ../shared/benchmarks/sdst] [--time 10] [--only NAME,NAME] [--seed 1]
 *   [--iterations N]
 * Unrelated parallel machines with sequence-dependent setups (Vallada & Ruiz), solved by the one
 * engine (solveMakespan: the plant engine on the instance as a plant that always works) within
 * --time seconds each (or --iterations, reproducibly); it stops early where it meets its lower
 * bound. Every answer is re-checked from the raw instance (setups/check.ts). One JSON line per
 * instance, then a summary line. Instances are read at run time, never copied.
 */
// Piping into `head` closes stdout early; that ends the run, it is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: '../shared/benchmarks/sdst' },
    time: { type: 'string', default: '10' },
    only: { type: 'string' },
    seed: { type: 'string', default: '1' },
    iterations: { type: 'string' },
  },
});
const dir = resolve(repoRoot, values.dir);
const bks = JSON.parse(readFileSync(join(dir, 'bks.json'), 'utf8')) as Record<string, { optimum: number | null; upper: number }>;
const available = readdirSync(join(dir, 'instances')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort(bySize);
const names = values.only === undefined ? available : values.only.split(',').map((s) => s.trim()).filter((s) => s !== '');
const seed = Number(values.seed);
const limit = values.iterations === undefined ? { timeLimitMs: Number(values.time) * 1000 } : { maxIterations: Number(values.iterations) };

const small = { count: 0, atOptimum: 0, proven: 0, maxSeconds: 0 };
const large: { instance: string; makespan: number; bks: number; gap_pct: number }[] = [];
for (const name of names) {
  const file = join(dir, 'instances', `${name}.txt`);
  const loaded = parseVallada(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) {
    console.log(JSON.stringify({ instance: name, error: loaded.problems.map(formatProblem) }));
    continue;
  }
  const inst = loaded.value;
  const best = bks[name];
  const known = best?.optimum ?? best?.upper ?? null;
  const t0 = performance.now();
  const r = solveMakespan(sdstProblem(inst), { seed, ...limit });
  const seconds = (performance.now() - t0) / 1000;
  // Machine sequences in start order, for the independent check.
  const sequences = Array.from({ length: inst.machines }, (_, k) => r.timetable.machine.flatMap((mk, j) => (mk === k ? [j] : [])).sort((a, b) => (r.timetable.start[a] as number) - (r.timetable.start[b] as number)));
  const check = checkSdst(inst, sequences, r.makespan);
  console.log(JSON.stringify({
    instance: name,
    makespan: r.makespan,
    bks: known,
    gap_pct: known === null ? null : round((100 * (r.makespan - known)) / known),
    lower_bound: r.lowerBound,
    bound: r.boundSource,
    proven_optimal: r.makespan <= r.lowerBound,
    iterations: r.iterations,
    seconds: round(seconds),
    feasible: check.ok,
    ...(check.ok ? {} : { errors: check.errors.slice(0, 3) }),
    ...(inst.jobs > 12 ? { sequences } : {}),
  }));
  if (inst.jobs <= 12) {
    small.count++;
    if (known !== null && r.makespan === known) small.atOptimum++;
    if (r.makespan <= r.lowerBound) small.proven++;
    small.maxSeconds = Math.max(small.maxSeconds, seconds);
  } else if (known !== null) {
    large.push({ instance: name, makespan: r.makespan, bks: known, gap_pct: round((100 * (r.makespan - known)) / known) });
  }
}
console.log(JSON.stringify({
  summary: 'sdst',
  small_instances: small.count,
  small_at_optimum: small.atOptimum,
  small_proven_by_bound: small.proven,
  small_max_seconds: round(small.maxSeconds),
  large,
}));

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** I_n_m_S_1-X_r: by jobs, then machines, then setup range, so the output reads like the tables. */
function bySize(a: string, b: string): number {
  const key = (s: string): number[] => (s.match(/\d+/g) ?? []).map(Number);
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblem } from '../../src/model/problem.ts';
import { checkSdst } from '../../solver/setups/check.ts';
import { flatten } from '../../solver/setups/instance.ts';
import { iteratedGreedy } from '../../solver/setups/iteratedGreedy.ts';
import { parseVallada } from '../../solver/setups/parse.ts';
import { solveSdst } from '../../solver/setups/solve.ts';

/**
 * npm run bench:sdst -- [--dir ../shared/benchmarks/sdst] [--time 10] [--small-time 1]
 *   [--only NAME,NAME] [--seed 1] [--iterations N]
 * Unrelated parallel machines with sequence-dependent setups (Vallada & Ruiz). Small instances
 * (n ≤ 12) are solved exactly by the subset DP, and the iterated greedy is run on them too
 * (within --small-time, stopping at the proven optimum) to show it reaches it; larger ones get
 * the iterated greedy for --time seconds (or --iterations rounds, reproducibly). One JSON line
 * per instance, then a summary line. Instances are read at run time, never copied.
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
    'small-time': { type: 'string', default: '1' },
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
const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
const budget = (seconds: number): { maxIterations: number; timeLimitMs?: number } =>
  iterations === undefined ? { maxIterations: Number.POSITIVE_INFINITY, timeLimitMs: seconds * 1000 } : { maxIterations: iterations };

const small = { count: 0, atOptimum: 0, heuristicAtOptimum: 0, maxSeconds: 0 };
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
  const isSmall = inst.jobs <= 12;
  const t0 = performance.now();
  const r = isSmall ? solveSdst(inst) : solveSdst(inst, { seed, ...budget(Number(values.time)) });
  const line: Record<string, unknown> = {
    instance: name,
    makespan: r.makespan,
    bks: known,
    gap_pct: known === null ? null : round((100 * (r.makespan - known)) / known),
    lower_bound: r.lowerBound,
    bound_gap_pct: round(r.gapPercent),
    optimal_proven: r.optimalProven,
    method: r.method,
  };
  const feasible = checkSdst(inst, r.sequences, r.makespan).ok;
  if (isSmall) {
    const ig = iteratedGreedy(flatten(inst), { seed, target: r.makespan, ...budget(Number(values['small-time'])) });
    line.heuristic_makespan = ig.makespan;
    line.heuristic_iterations = ig.iterations;
    line.feasible = feasible && checkSdst(inst, ig.sequences, ig.makespan).ok;
  } else {
    line.iterations = r.iterations;
    line.feasible = feasible;
    // Printed so a value better than the published one can be re-checked by anyone.
    line.sequences = r.sequences;
  }
  const seconds = (performance.now() - t0) / 1000;
  line.seconds = round(seconds);
  console.log(JSON.stringify(line));
  if (isSmall) {
    small.count++;
    if (known !== null && r.makespan === known) small.atOptimum++;
    if (r.optimalProven && line.heuristic_makespan === r.makespan) small.heuristicAtOptimum++;
    small.maxSeconds = Math.max(small.maxSeconds, seconds);
  } else if (known !== null) {
    large.push({ instance: name, makespan: r.makespan, bks: known, gap_pct: round((100 * (r.makespan - known)) / known) });
  }
}
console.log(JSON.stringify({
  summary: 'sdst',
  small_instances: small.count,
  small_at_optimum: small.atOptimum,
  small_heuristic_at_optimum: small.heuristicAtOptimum,
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

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblem, type Loaded } from '../../src/model/problem.ts';
import { checkTimetable } from '../../solver/checker.ts';
import { benchmarkScheduleJson } from '../../solver/jobshop/scheduleJson.ts';
import type { SchedulingProblem } from '../../solver/problem.ts';
import { solveMakespan, type SolveOptions } from '../../solver/solve.ts';

/**
 * Shared driver of the job-shop benchmarks: reads the instances and bks.json from a folder at run
 * time, solves each within the time limit and prints one JSON line per instance, then a summary.
 * Options: --dir (relative to the repo root), --time seconds, --only a,b, --seed,
 * --iterations (a budget instead of a time limit, reproducible), --schedules DIR (writes NAME.json),
 * --tabu '{"stall":5000}' (overrides of the tabu search settings, for tuning).
 */
export interface BenchSpec {
  defaultDir: string;
  parse: (text: string, file: string) => Loaded<SchedulingProblem>;
  defaultInstances: (available: string[]) => string[];
}

interface Bks {
  upper: number;
  lower: number;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function runBench(spec: BenchSpec): void {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: spec.defaultDir },
      time: { type: 'string', default: '10' },
      only: { type: 'string' },
      seed: { type: 'string', default: '1' },
      iterations: { type: 'string' },
      schedules: { type: 'string' },
      tabu: { type: 'string' },
    },
  });
  const dir = resolve(repoRoot, values.dir);
  const bks = JSON.parse(readFileSync(join(dir, 'bks.json'), 'utf8')) as Record<string, Bks>;
  const available = readdirSync(join(dir, 'instances')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  const names = values.only !== undefined ? values.only.split(',').map((s) => s.trim()).filter((s) => s.length > 0) : spec.defaultInstances(available);
  const seconds = Number(values.time);
  const iterations = values.iterations !== undefined ? Number(values.iterations) : undefined;
  const tabu = values.tabu !== undefined ? (JSON.parse(values.tabu) as SolveOptions['tabu']) : {};
  const results: { instance: string; gap: number }[] = [];
  for (const name of names) {
    const file = join(dir, 'instances', `${name}.txt`);
    const loaded = spec.parse(readFileSync(file, 'utf8'), file);
    if (!loaded.ok) {
      console.log(JSON.stringify({ instance: name, error: loaded.problems.map(formatProblem) }));
      continue;
    }
    const p = loaded.value;
    const t0 = performance.now();
    const limit = iterations !== undefined ? { maxIterations: iterations } : { timeLimitMs: seconds * 1000 };
    const r = solveMakespan(p, { ...limit, seed: Number(values.seed), ...(tabu ? { tabu } : {}) });
    const elapsed = (performance.now() - t0) / 1000;
    const violations = checkTimetable(p, r.timetable);
    const best = bks[name]?.upper;
    const gap = best !== undefined ? (100 * (r.makespan - best)) / best : null;
    console.log(JSON.stringify({
      instance: name,
      makespan: r.makespan,
      bks: best ?? null,
      gap_pct: gap === null ? null : round(gap),
      lower_bound: r.lowerBound,
      seconds: round(elapsed),
      iterations: r.iterations,
      feasible: violations.length === 0,
    }));
    if (violations.length > 0) console.log(JSON.stringify({ instance: name, violations: violations.slice(0, 5).map((v) => v.message) }));
    if (gap !== null) results.push({ instance: name, gap });
    if (values.schedules !== undefined) {
      const out = resolve(values.schedules);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, `${name}.json`), `${JSON.stringify(benchmarkScheduleJson(p, r.timetable))}\n`);
    }
  }
  const bySet: Record<string, number[]> = {};
  for (const r of results) (bySet[r.instance.replace(/\d.*$/, '')] ??= []).push(r.gap);
  const mean = (xs: number[]): number => round(xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1));
  const worst = results.reduce<{ instance: string; gap: number } | null>((w, r) => (w === null || r.gap > w.gap ? r : w), null);
  console.log(JSON.stringify({
    summary: true,
    instances: results.length,
    time_limit_s: iterations !== undefined ? null : seconds,
    iterations: iterations ?? null,
    mean_gap_pct: Object.fromEntries(Object.entries(bySet).map(([k, v]) => [k, mean(v)])),
    mean_gap_pct_all: mean(results.map((r) => r.gap)),
    worst: worst === null ? null : { instance: worst.instance, gap_pct: round(worst.gap) },
  }));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

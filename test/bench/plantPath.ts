/**
 * npm run bench:plantpath -- [--time 10] [--sets jssp,fjsp,sdst] [--only NAME,NAME] [--out DIR] [--seed 1]
 *
 * The benchmark instances as a user would meet them: each written as an ordinary layout and
 * scenario (one machine per benchmark machine, one product, routing and order of quantity 1 per
 * job, a round-the-clock calendar, no transport; the changeover instances with a setup matrix per
 * machine keyed by a product attribute `job`), then scheduled by the real command
 * `plant-twin schedule <scenario> --objective makespan --time S --out FILE` in a child process.
 * Every schedule file is re-checked against the raw instance (all operations present, eligible
 * machine, processing time, routing order, no overlap on a machine with the matrix's changeover
 * between neighbours) and its makespan recomputed from the file. Also measures the command's
 * wall time (acceptance: ≤ S + 1 s). One JSON line per instance, then a summary line with the
 * acceptance figures: la01–la40 mean gap, ta01–ta10 mean gap, mk01–mk10 mean gap, small
 * changeover instances at the optimum, I_50_10 gap.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { minutesBetween } from '../../src/model/calendar.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { parseFjsp } from '../../solver/jobshop/parseFjsp.ts';
import { parseJssp } from '../../solver/jobshop/parseJssp.ts';
import type { SchedulingProblem } from '../../solver/problem.ts';
import { parseVallada } from '../../solver/setups/parse.ts';
import { sdstProblem } from '../../solver/setups/toProblem.ts';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    time: { type: 'string', default: '10' },
    sets: { type: 'string', default: 'jssp,fjsp,sdst' },
    only: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    benchmarks: { type: 'string', default: '../shared/benchmarks' },
  },
});
const seconds = Number(values.time);
if (!(seconds > 0)) throw new Error(`--time must be seconds > 0, found ${values.time}`);
const outDir = resolve(values.out ?? join(tmpdir(), `plantpath-${process.pid}`));
mkdirSync(outDir, { recursive: true });
const benchDir = resolve(repoRoot, values.benchmarks);
const only = values.only === undefined ? null : new Set(values.only.split(',').map((s) => s.trim()));
const START = '2026-01-05T00:00:00Z';

interface Instance { set: string; name: string; problem: SchedulingProblem; known: number | null }

/** The acceptance sets: la01–la40, ta01–ta10, mk01–mk10, every changeover instance. */
function instances(): Instance[] {
  const out: Instance[] = [];
  const sets = values.sets.split(',');
  const bks = (set: string): Record<string, { optimum?: number | null; upper?: number }> => JSON.parse(readFileSync(join(benchDir, set, 'bks.json'), 'utf8'));
  const read = (set: string, name: string, parse: (text: string, file: string) => { ok: true; value: SchedulingProblem } | { ok: false; problems: Parameters<typeof formatProblem>[0][] }): void => {
    if (only !== null && !only.has(name)) return;
    const file = join(benchDir, set, 'instances', `${name}.txt`);
    const parsed = parse(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    const best = bks(set)[name];
    out.push({ set, name, problem: parsed.value, known: best?.optimum ?? best?.upper ?? null });
  };
  const two = (i: number): string => String(i).padStart(2, '0');
  if (sets.includes('jssp')) {
    for (let i = 1; i <= 40; i++) read('jssp', `la${two(i)}`, parseJssp);
    for (let i = 1; i <= 10; i++) read('jssp', `ta${two(i)}`, parseJssp);
  }
  if (sets.includes('fjsp')) for (let i = 1; i <= 10; i++) read('fjsp', `mk${two(i)}`, parseFjsp);
  if (sets.includes('sdst')) {
    const names = readdirSync(join(benchDir, 'sdst', 'instances')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
    for (const name of names) {
      read('sdst', name, (text, file) => {
        const r = parseVallada(text, file, name);
        return r.ok ? { ok: true, value: sdstProblem(r.value) } : r;
      });
    }
  }
  return out;
}

/** The instance as a layout and a scenario file a user could have written. */
function writeScenario(inst: Instance): string {
  const p = inst.problem;
  const m = p.machineCount;
  const machine = (k: number): string => `M${k + 1}`;
  const layout = {
    format: 'plant-twin/layout', version: 1, id: `${inst.name}-layout`.toLowerCase(), name: `${inst.name} machines`,
    floor: { width: 4 * m + 4, depth: 10 },
    site: {
      id: 'site', name: 'Site',
      areas: [{ id: 'area', name: 'Area', lines: [{ id: 'line', name: 'Line', cells: [{ id: 'cell', name: 'Cell',
        equipment: Array.from({ length: m }, (_, k) => ({ id: machine(k), name: machine(k), type: 'machining-center', position: { x: 4 * k + 3, y: 5 }, footprint: { width: 2, depth: 2 }, capabilities: [] })),
      }] }] }],
    },
    paths: { nodes: Array.from({ length: m }, (_, k) => ({ id: `n-${machine(k)}`, position: { x: 4 * k + 3, y: 5 }, equipment: machine(k) })), edges: Array.from({ length: m - 1 }, (_, k) => ({ from: `n-${machine(k)}`, to: `n-${machine(k + 1)}` })) },
  };
  const s = p.setups;
  const family = (v: number): string => `F${s?.family[v] ?? 0}`;
  let horizon = 0;
  for (const op of p.operations) horizon += Math.max(...op.modes.map((x) => x.duration));
  if (s) horizon += p.operations.length * Math.max(0, ...s.matrix.flat());
  horizon = Math.max(1440, Math.ceil(horizon));
  const iso = (minutes: number): string => new Date(Date.parse(START) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  const scenario = {
    format: 'plant-twin/scenario', version: 1, id: inst.name.toLowerCase().replace(/[^a-z0-9-]/g, '-'), name: `${inst.name} as a plant`,
    layout: `${inst.name}.layout.json`, start: START,
    products: p.jobs.map((j, i) => ({ id: `P${i + 1}`, name: j.name, family: 'all', routing: `R${i + 1}`, attributes: s ? { job: family(j.operations[0]!) } : {} })),
    routings: p.jobs.map((j, i) => ({
      id: `R${i + 1}`,
      operations: j.operations.map((v, k) => ({ id: `op${k + 1}`, equipment: p.operations[v]!.modes.map((x) => ({ equipment: machine(x.machine), time: { type: 'constant', value: x.duration } })) })),
    })),
    setupMatrices: s === null ? [] : Array.from({ length: m }, (_, k) => ({
      id: `changeover-${machine(k)}`, equipment: [machine(k)], attribute: 'job',
      keys: Array.from({ length: s.familyCount }, (_, f) => `F${f}`),
      times: Array.from({ length: s.familyCount }, (_, a) => s.matrix[k]!.slice(a * s.familyCount, (a + 1) * s.familyCount)),
      initial: s.initial?.[k]?.[0] ?? 0,
    })),
    orders: p.jobs.map((j, i) => ({ id: `O${i + 1}`, product: `P${i + 1}`, quantity: 1, release: START, due: iso(horizon) })),
    calendars: [{ id: 'always', shifts: [{ name: 'all day', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' }] }],
    equipmentCalendars: { default: 'always' },
    experiment: { horizon, replications: 1 },
  };
  writeFileSync(join(outDir, `${inst.name}.layout.json`), JSON.stringify(layout));
  const file = join(outDir, `${inst.name}.scenario.json`);
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

interface Entry { order: string; operation: string; equipment: string; start: string; end: string }

/** Re-checks a schedule file against the raw instance; the makespan recomputed from the file. */
function check(inst: Instance, entries: Entry[]): { makespan: number; errors: string[] } {
  const p = inst.problem;
  const errors: string[] = [];
  const EPS = 1e-3;
  const at = new Map<string, Entry>();
  for (const e of entries) at.set(`${e.order}/${e.operation}`, e);
  const start = new Float64Array(p.operations.length);
  const end = new Float64Array(p.operations.length);
  const mach = new Int32Array(p.operations.length);
  let makespan = 0;
  p.jobs.forEach((j, i) => j.operations.forEach((v, k) => {
    const e = at.get(`O${i + 1}/op${k + 1}`);
    if (e === undefined) { errors.push(`O${i + 1}/op${k + 1} missing`); return; }
    const km = Number(e.equipment.slice(1)) - 1;
    const mode = p.operations[v]!.modes.find((x) => x.machine === km);
    start[v] = minutesBetween(START, e.start);
    end[v] = minutesBetween(START, e.end);
    mach[v] = km;
    if (mode === undefined) errors.push(`O${i + 1}/op${k + 1} on ${e.equipment}, not eligible`);
    else if (Math.abs(end[v]! - start[v]! - mode.duration) > EPS) errors.push(`O${i + 1}/op${k + 1} takes ${end[v]! - start[v]!}, not ${mode.duration}`);
    if (start[v]! < -EPS) errors.push(`O${i + 1}/op${k + 1} starts before the start`);
    makespan = Math.max(makespan, end[v]!);
  }));
  if (entries.length !== p.operations.length) errors.push(`${entries.length} entries for ${p.operations.length} operations`);
  if (errors.length > 0) return { makespan, errors };
  for (let v = 0; v < p.operations.length; v++) for (const u of p.operations[v]!.predecessors) if (start[v]! < end[u]! - EPS) errors.push(`operation ${v} starts before its predecessor ends`);
  const s = p.setups;
  for (let k = 0; k < p.machineCount; k++) {
    const seq = p.operations.map((_, v) => v).filter((v) => mach[v] === k).sort((a, b) => start[a]! - start[b]!);
    for (let i = 0; i < seq.length; i++) {
      const v = seq[i]!;
      const prev = seq[i - 1];
      const su = s === null ? 0 : prev === undefined ? (s.initial?.[k]?.[s.family[v]!] ?? 0) : s.matrix[k]![s.family[prev]! * s.familyCount + s.family[v]!]!;
      const ready = prev === undefined ? 0 : end[prev]!;
      if (start[v]! < ready + su - EPS) errors.push(`M${k + 1}: operation ${v} starts at ${start[v]} before ${ready} + changeover ${su}`);
    }
  }
  return { makespan, errors };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const mean = (xs: number[]): number | null => (xs.length === 0 ? null : round(xs.reduce((a, b) => a + b, 0) / xs.length));
const rows: { set: string; name: string; gap: number | null; makespan: number; known: number | null; seconds: number; feasible: boolean; jobs: number }[] = [];
const cli = join(repoRoot, 'src/cli/plant-twin.mjs');
for (const inst of instances()) {
  const scenario = writeScenario(inst);
  const out = join(outDir, `${inst.name}.schedule.json`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [cli, 'schedule', scenario, '--objective', 'makespan', '--time', String(seconds), '--seed', values.seed, '--out', out], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  if (run.status !== 0) {
    console.log(JSON.stringify({ instance: inst.name, error: `exit ${run.status}: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ')}` }));
    rows.push({ set: inst.set, name: inst.name, gap: null, makespan: NaN, known: inst.known, seconds: wall, feasible: false, jobs: inst.problem.jobs.length });
    continue;
  }
  const schedule = JSON.parse(readFileSync(out, 'utf8')) as { operations: Entry[]; lowerBound?: number };
  const c = check(inst, schedule.operations);
  const makespan = round(c.makespan);
  const gap = inst.known === null ? null : round((100 * (makespan - inst.known)) / inst.known);
  rows.push({ set: inst.set, name: inst.name, gap, makespan, known: inst.known, seconds: wall, feasible: c.errors.length === 0, jobs: inst.problem.jobs.length });
  console.log(JSON.stringify({
    instance: inst.name, makespan, bks: inst.known, gap_pct: gap, lower_bound: schedule.lowerBound ?? null,
    seconds: round(wall), over_limit: wall > seconds + 1, feasible: c.errors.length === 0, ...(c.errors.length > 0 ? { errors: c.errors.slice(0, 3) } : {}),
  }));
}
const gaps = (pick: (r: (typeof rows)[number]) => boolean): number[] => rows.filter(pick).map((r) => r.gap ?? Infinity);
const small = rows.filter((r) => r.set === 'sdst' && r.jobs <= 12);
console.log(JSON.stringify({
  summary: 'plantpath',
  time_limit_s: seconds,
  instances: rows.length,
  la_mean_gap_pct: mean(gaps((r) => r.name.startsWith('la'))),
  ta01_10_mean_gap_pct: mean(gaps((r) => r.name.startsWith('ta'))),
  mk_mean_gap_pct: mean(gaps((r) => r.name.startsWith('mk'))),
  small_sdst: small.length,
  small_sdst_at_optimum: small.filter((r) => r.gap !== null && r.gap <= 0).length,
  large_sdst: rows.filter((r) => r.set === 'sdst' && r.jobs > 12).map((r) => ({ instance: r.name, makespan: r.makespan, bks: r.known, gap_pct: r.gap })),
  infeasible: rows.filter((r) => !r.feasible).map((r) => r.name),
  over_limit: rows.filter((r) => r.seconds > seconds + 1).map((r) => `${r.name} ${round(r.seconds)} s`),
  max_seconds: round(Math.max(0, ...rows.map((r) => r.seconds))),
  files: outDir,
}));

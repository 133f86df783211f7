/**
 * bench:scale — the CLI as a user runs it (`plant-twin schedule --time S`, `plant-twin simulate`) on
 * a sample plant with 1,000, 10,000 and 100,000 orders: wall time and peak RSS of each process,
 * one JSON line per run, with the process's CPU time and the machine's load average (on a shared
 * machine wall time says more about the neighbours than about the run). Each written schedule is
 * re-checked in a process of its own (scaleCheck.ts: its times are the engine's timing of its
 * sequences, and the plant checker finds no violation). A run over its limit (peak RSS ≥ 2 GB,
 * schedule past --time by more than the allowance below, an invalid schedule, or killed at --kill
 * seconds) is marked `over: true` and the exit code is 1.
 *
 * Options: --orders 1000,10000,100000  --time 5  --reps 1  --kill 900  --scenario FILE
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000,10000,100000' },
    time: { type: 'string', default: '5' },
    reps: { type: 'string', default: '1' },
    kill: { type: 'string', default: '900' },
    scenario: { type: 'string', default: 'scenarios/kitchen-hardware-week.json' },
  },
});
const sizes = values.orders.split(',').map(Number);
const seconds = Number(values.time);
const killAfterS = Number(values.kill);
const RSS_LIMIT_MB = 2048;
/**
 * What comes on top of --time, which bounds the search: start-up (the CLI compiles its TypeScript),
 * reading and checking the scenario, the problem and its bounds, the first plan (one earliest-due-date
 * construction timed by the plant's rules — always made, so that there is a valid schedule), and
 * writing the files: all linear in the orders (docs/ARCHITECTURE.md, "Scale"). Process CPU at
 * 100,000 orders was 31.5 s with the machine at load 11 (2 cores shared), ~20-25 s expected alone;
 * the limit assumes a machine to itself (wall ≈ CPU) and is to be confirmed there.
 */
const allowanceS = (orders: number): number => 3 + 0.25 * (orders / 1000);
const CHILD = fileURLToPath(new URL('./scaleChild.ts', import.meta.url));
const CHECK = fileURLToPath(new URL('./scaleCheck.ts', import.meta.url));
/** The children run in a temporary folder, where a bare `tsx` would not resolve. */
const TSX = import.meta.resolve('tsx');

interface Scenario {
  layout: string;
  start: string;
  products: { id: string }[];
  orders: { id: string; product: string; quantity: number; release: string; due: string; priority?: number }[];
  experiment: { horizon: number };
}

/** The sample plant with `n` orders of 1–20 units, released evenly over four weeks, due 2–5 days later. */
function scaled(base: Scenario, n: number): Scenario {
  const start = Date.parse(base.start);
  const weeks = 4;
  const span = weeks * 7 * 1440 * 60_000;
  const orders = Array.from({ length: n }, (_, i) => {
    const release = start + Math.floor((i / n) * span);
    return {
      id: `o${i + 1}`,
      product: base.products[i % base.products.length]!.id,
      quantity: 1 + ((i * 7919) % 20),
      release: new Date(release).toISOString(),
      due: new Date(release + (2 + (i % 4)) * 1440 * 60_000).toISOString(),
      priority: 1 + (i % 10),
    };
  });
  return { ...base, orders, experiment: { ...base.experiment, horizon: (weeks + 1) * 7 * 1440 } };
}

/** The re-check's JSON line, or its failure. */
function recheck(scenario: string, schedule: string, cwd: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, CHECK, scenario, schedule], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-2000); });
    child.on('exit', (code) => {
      let line: Record<string, unknown>;
      try { line = JSON.parse(out.trim().split('\n').pop() ?? '') as Record<string, unknown>; } catch { line = { error: err.trim().split('\n').slice(-2).join(' | ') }; }
      resolve({ ...line, valid: code === 0 });
    });
  });
}

function run(args: string[], cwd: string): Promise<{ code: number | null; wallS: number; cpuS: number | undefined; peakMb: number | undefined; killed: boolean; tail: string; load: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', TSX, CHILD, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
    let killed = false;
    const timer = setTimeout(() => { killed = true; child.kill('SIGKILL'); }, killAfterS * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const peak = /PEAK_RSS_KB (\d+) CPU_US (\d+)/.exec(stderr);
      resolve({
        code, killed, wallS: Math.round((performance.now() - t0) / 100) / 10,
        peakMb: peak ? Math.round(Number(peak[1]) / 1024) : undefined,
        cpuS: peak ? Math.round(Number(peak[2]) / 1e5) / 10 : undefined,
        load: Math.round(loadavg()[0]! * 10) / 10,
        tail: stderr.replace(/PEAK_RSS_KB \d+ CPU_US \d+\s*/, '').trim().split('\n').slice(-2).join(' | '),
      });
    });
  });
}

const base = JSON.parse(readFileSync(values.scenario, 'utf8')) as Scenario;
const dir = mkdtempSync(path.join(tmpdir(), 'plant-twin-scale-'));
let over = false;
try {
  copyFileSync(path.resolve(path.dirname(values.scenario), base.layout), path.join(dir, path.basename(base.layout)));
  for (const n of sizes) {
    const file = `scale-${n}.json`;
    writeFileSync(path.join(dir, file), JSON.stringify({ ...scaled(base, n), layout: path.basename(base.layout) }));
    const scheduleFile = `scale-${n}.schedule.json`;
    const runs: [string[], number][] = [
      [['schedule', file, '--time', String(seconds), '--out', scheduleFile], seconds + allowanceS(n)],
      [['simulate', file, '--reps', values.reps], Infinity],
    ];
    for (const [args, wallLimit] of runs) {
      const r = await run(args, dir);
      const check = args[0] === 'schedule' && r.code === 0 ? await recheck(file, scheduleFile, dir) : undefined;
      const isOver = r.killed || r.code !== 0 || (r.peakMb ?? Infinity) >= RSS_LIMIT_MB || r.wallS > wallLimit || check?.valid === false;
      over ||= isOver;
      console.log(JSON.stringify({
        orders: n, command: `plant-twin ${args.join(' ')}`, exit: r.code, wall_s: r.wallS, ...(wallLimit < Infinity ? { wall_limit_s: wallLimit } : {}),
        cpu_s: r.cpuS, peak_rss_mb: r.peakMb, load_average: r.load,
        ...(r.killed ? { killed_after_s: killAfterS } : {}), ...(check ? { recheck: check } : {}), over: isOver, ...(r.code !== 0 ? { stderr: r.tail } : {}),
      }));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = over ? 1 : 0;

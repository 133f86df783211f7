/**
 * bench:scale — the CLI as a user runs it (`plant-twin schedule --time S`, `plant-twin simulate`) on
 * a sample plant with 1,000, 10,000 and 100,000 orders: wall time and peak RSS of each process,
 * one JSON line per run, with the process's CPU time (on a shared machine wall time says more about
 * the neighbours than about the run). A run over its limit (peak RSS ≥ 2 GB, schedule past --time by more than
 * the loading allowance, or killed at --kill seconds) is marked `over: true` and the exit code is 1.
 *
 * Options: --orders 1000,10000,100000  --time 5  --reps 1  --kill 900  --scenario FILE
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
/** Reading, checking and writing 100k orders comes on top of the search's --time. */
const LOAD_ALLOWANCE_S = 60;
const CHILD = fileURLToPath(new URL('./scaleChild.ts', import.meta.url));
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

function run(args: string[], cwd: string): Promise<{ code: number | null; wallS: number; cpuS: number | undefined; peakMb: number | undefined; killed: boolean; tail: string }> {
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
    const runs: [string[], number][] = [
      [['schedule', file, '--time', String(seconds), '--out', `scale-${n}.schedule.json`], seconds + LOAD_ALLOWANCE_S],
      [['simulate', file, '--reps', values.reps], Infinity],
    ];
    for (const [args, wallLimit] of runs) {
      const r = await run(args, dir);
      const isOver = r.killed || r.code !== 0 || (r.peakMb ?? Infinity) >= RSS_LIMIT_MB || r.wallS > wallLimit;
      over ||= isOver;
      console.log(JSON.stringify({
        orders: n, command: `plant-twin ${args.join(' ')}`, exit: r.code, wall_s: r.wallS, cpu_s: r.cpuS, peak_rss_mb: r.peakMb,
        ...(r.killed ? { killed_after_s: killAfterS } : {}), over: isOver, ...(r.code !== 0 ? { stderr: r.tail } : {}),
      }));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = over ? 1 : 0;

/**
 * `npm run bench:sweep`: the kitchen-hardware week swept over 20 staffing configurations × 50
 * replications (experiments/kitchen-hardware-sweep.json) — 1,000 replications — run the way a
 * user runs it, `plant-twin experiment <file> --out DIR --no-cache`, in this process, on a pool of
 * one worker thread per core. Prints one JSON line: wall time from the command's start (loading
 * and checking 20 plants, starting the workers, every replication, the summaries, writing the
 * files), replications per second, and the load average, since the pool only gains where cores
 * are free. Target: ≤ 10 s on the 2-core development machine.
 *
 *   --file <experiment>   another experiment file (default the kitchen-hardware sweep)
 *   --workers <n>         worker threads (default: one per core)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { main } from '../../src/cli/main.ts';

const { values } = parseArgs({ options: { file: { type: 'string', default: 'experiments/kitchen-hardware-sweep.json' }, workers: { type: 'string' } } });
const out = mkdtempSync(path.join(tmpdir(), 'bench-sweep-'));
const workers = values.workers ?? String(cpus().length);
const errors: string[] = [];
const load = loadavg()[0]!;
const cpuStart = process.cpuUsage();
const started = performance.now();
const code = await main(['experiment', values.file!, '--out', out, '--no-cache', '--workers', workers], { out: () => {}, err: (t) => errors.push(t) });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
if (code !== 0) {
  console.error(errors.join('\n'));
  process.exit(1);
}
const result = JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8')) as { systems: { replications: number }[] };
rmSync(out, { recursive: true, force: true });
const replications = result.systems.reduce((a, s) => a + s.replications, 0);
const round = (x: number, d = 3) => Number(x.toFixed(d));
console.log(JSON.stringify({
  goal: `${values.file}: ${result.systems.length} configurations, ${replications} replications, plant-twin experiment on ${workers} worker threads`,
  seconds: round(seconds),
  replications_per_second: round(replications / seconds, 1),
  target_seconds: 10,
  // The whole process, worker threads included: what the run costs whatever else loads the machine.
  cpu_seconds: round((cpu.user + cpu.system) / 1e6),
  cores: cpus().length,
  load_average_1min_before: round(load, 2),
  load_average_1min_after: round(loadavg()[0]!, 2),
}));

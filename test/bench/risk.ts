/**
 * `npm run bench:risk`: the risk of the kitchen-hardware week schedule — 200 replications of the
 * simulator following it, with attribution (the same 200 again with each of the four disturbance
 * classes off, and one run with none: 1,001 runs) — on worker threads, as `plant-twin risk` runs
 * it. Prints one JSON line with the wall time and the process CPU time (worker threads included;
 * under load the wall time measures the neighbours). Target: ≤ 15 s wall on an idle two-core machine.
 *
 *   --scenario <file>   default scenarios/kitchen-hardware-week.json
 *   --reps <n>          default 200
 *   --iterations <n>    search iterations for the schedule made first (default 2000; not timed)
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadInputFile } from '../../src/cli/inputFile.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { createNodeSimPool } from '../../src/workers/nodeSimPool.ts';
import { scheduleRisk } from '../../src/workers/scheduleRisk.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'scenarios/kitchen-hardware-week.json' },
    reps: { type: 'string', default: '200' },
    iterations: { type: 'string', default: '2000' },
  },
});

const input = await loadInputFile(values.scenario);
if (input.problems.length > 0 || input.value?.kind !== 'plant' || !input.value.plant.scenario) {
  for (const p of input.problems) console.error(formatProblem(p));
  throw new Error(`${values.scenario} is not a loadable scenario`);
}
const plant = input.value.plant;
const pp = plantProblem(plant);
const schedule = plantOutputs(pp, solvePlant(pp, { maxIterations: Number(values.iterations), seed: 1 }), { createdAt: '2026-11-30T00:00:00Z' }).schedule;

const pool = createNodeSimPool();
try {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = await scheduleRisk(pool, plant, schedule, { replications: Number(values.reps), attribution: true });
  const wallSeconds = (performance.now() - started) / 1000;
  // Worker threads share the process: its CPU time is the work, whatever else the machine runs.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({
    scenario: plant.scenario!.id,
    replications: report.replications,
    runs: report.runs,
    orders: report.orders.length,
    ordersBelow90: report.orders.filter((o) => o.pOnTime < 0.9).length,
    wallSeconds: Math.round(wallSeconds * 100) / 100,
    msPerRun: Math.round((wallSeconds * 1000 * pool.size) / report.runs * 10) / 10,
    cpuSeconds: Math.round(cpuSeconds * 100) / 100,
    /** Wall time on an otherwise idle machine with this many workers: the CPU time shared out. */
    idleWallEstimate: Math.round((cpuSeconds / pool.size) * 100) / 100,
    workers: pool.size,
    cpus: cpus().length,
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  }));
} finally {
  pool.close();
}

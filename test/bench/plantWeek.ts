/**
 * `npm run bench:plant`: one-week runs of the sample plants, one JSON line per plant:
 * wall time per replication (the first, cold one apart), the main KPIs with 95 % half-widths,
 * the bottleneck, and the size of replication 0's trace.
 *
 * Then two lines for the worker goals: kitchen-hardware's week × --pool-reps replications (30) on
 * a pool of os.cpus().length worker threads — `first_call_seconds` on a fresh pool (threads start,
 * tsx compiles, V8 warms up), `seconds` the same call again — against the same in this thread
 * (warm from the lines above); and the trace bytes of a week of the largest sample plant (most
 * equipment). The load average is printed because the pool only gains where cores are free.
 *
 *   --reps <n>       replications per plant (default 10)
 *   --plant <name>   only this plant (kitchen-hardware, electronics-smt, aerospace-machining, medical-devices)
 *   --pool-reps <n>  replications of the pool line (default 30; 0 skips the two goal lines)
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadScenarioText, type LayoutResolver, type Plant } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { summariseReplications } from '../../src/sim/plant/replicatePlant.ts';
import type { PlantResult } from '../../src/sim/plant/results.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { traceArrays } from '../../src/sim/plant/trace.ts';
import { createNodeSimPool } from '../../src/workers/nodeSimPool.ts';
import { cpus, loadavg } from 'node:os';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { reps: { type: 'string', default: '10' }, plant: { type: 'string' }, 'pool-reps': { type: 'string', default: '30' } } });
const reps = Number(values.reps);
const plants = values.plant ? [values.plant] : ['kitchen-hardware', 'electronics-smt', 'aerospace-machining', 'medical-devices'];
const resolver: LayoutResolver = async (ref, from) => {
  const file = join(dirname(from), ref);
  return { text: readFileSync(join(root, file), 'utf8'), file };
};
const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

async function loadWeek(name: string): Promise<Plant> {
  const file = `scenarios/${name}-week.json`;
  const loaded = await loadScenarioText(readFileSync(join(root, file), 'utf8'), file, resolver);
  if (!loaded.ok) {
    console.error(loaded.problems.map(formatProblem).join('\n'));
    process.exit(1);
  }
  return loaded.value;
}

for (const name of plants) {
  const loaded = { value: await loadWeek(name) };
  const runs: PlantResult[] = [];
  const ms: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    runs.push(simulatePlant(loaded.value, { replication: r }));
    ms.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpuStart);
  const traced = simulatePlant(loaded.value, { replication: 0, trace: true }).trace!;
  const summary = summariseReplications(runs);
  const k = summary.kpis.intervals;
  const rest = ms.slice(1);
  console.log(JSON.stringify({
    plant: name, reps,
    ms_total: round(ms.reduce((a, b) => a + b, 0), 1),
    ms_first: round(ms[0]!, 1),
    ms_per_rep_after_first: rest.length ? round(rest.reduce((a, b) => a + b, 0) / rest.length, 1) : null,
    cpu_seconds: round((cpu.user + cpu.system) / 1e6),
    events_per_rep: Math.round(runs.reduce((a, r) => a + r.events, 0) / reps),
    lots_per_day: [round(k.lotsPerDay.mean, 2), round(k.lotsPerDay.halfWidth, 2)],
    units_per_day: [round(k.unitsPerDay.mean, 1), round(k.unitsPerDay.halfWidth, 1)],
    on_time_rate: [round(k.onTimeRate.mean), round(k.onTimeRate.halfWidth)],
    lead_time_mean_min: [round(k.leadTimeMean.mean, 0), round(k.leadTimeMean.halfWidth, 0)],
    wip_lots: [round(k.wipLots.mean, 1), round(k.wipLots.halfWidth, 1)],
    bottleneck: summary.bottlenecks[0] ?? null,
    trace_bytes: traceArrays(traced).reduce((a, x) => a + x.byteLength, 0),
  }));
}

const poolReps = Number(values['pool-reps']);
if (poolReps > 0) {
  const kitchen = await loadWeek('kitchen-hardware');
  const workers = cpus().length;
  const pool = createNodeSimPool(workers);
  let t0 = performance.now();
  await pool.replicate(kitchen, { replications: poolReps });
  const coldSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const spread = await pool.replicate(kitchen, { replications: poolReps });
  const poolSeconds = (performance.now() - t0) / 1000;
  pool.close();
  t0 = performance.now();
  const single: PlantResult[] = [];
  for (let r = 0; r < poolReps; r++) single.push(simulatePlant(kitchen, { replication: r }));
  const singleSeconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({
    goal: `kitchen-hardware week × ${poolReps} replications on a pool of ${workers} workers`,
    seconds: round(poolSeconds), first_call_seconds: round(coldSeconds), single_thread_seconds: round(singleSeconds), target_seconds: 5,
    load_average_1min: round(loadavg()[0]!, 2),
    same_as_single_thread: JSON.stringify(summariseReplications(single).kpis) === JSON.stringify(spread.kpis),
  }));

  const names = ['kitchen-hardware', 'electronics-smt', 'aerospace-machining'];
  const weeks = await Promise.all(names.map(loadWeek));
  const size = (p: Plant) => p.layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment))).length;
  const largest = weeks.reduce((a, b) => (size(b) > size(a) ? b : a));
  const trace = simulatePlant(largest, { replication: 0, trace: true }).trace!;
  console.log(JSON.stringify({
    goal: 'trace of a week of the largest sample plant',
    plant: largest.scenario?.id ?? largest.layout.id, equipment: size(largest),
    trace_bytes: traceArrays(trace).reduce((a, x) => a + x.byteLength, 0), target_bytes: 50_000_000,
  }));
}

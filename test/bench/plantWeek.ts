/**
 * `npm run bench:plant`: one-week runs of the sample plants, one JSON line per plant:
 * wall time per replication (the first, cold one apart), the main KPIs with 95 % half-widths,
 * the bottleneck, and the size of replication 0's trace.
 *
 *   --reps <n>      replications per plant (default 10)
 *   --plant <name>  only this plant (kitchen-hardware, electronics-smt, aerospace-machining)
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadScenarioText, type LayoutResolver } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { summariseReplications } from '../../src/sim/plant/replicatePlant.ts';
import type { PlantResult } from '../../src/sim/plant/results.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { traceArrays } from '../../src/sim/plant/trace.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { reps: { type: 'string', default: '10' }, plant: { type: 'string' } } });
const reps = Number(values.reps);
const plants = values.plant ? [values.plant] : ['kitchen-hardware', 'electronics-smt', 'aerospace-machining'];
const resolver: LayoutResolver = async (ref, from) => {
  const file = join(dirname(from), ref);
  return { text: readFileSync(join(root, file), 'utf8'), file };
};
const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

for (const name of plants) {
  const file = `scenarios/${name}-week.json`;
  const loaded = await loadScenarioText(readFileSync(join(root, file), 'utf8'), file, resolver);
  if (!loaded.ok) {
    console.error(loaded.problems.map(formatProblem).join('\n'));
    process.exit(1);
  }
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

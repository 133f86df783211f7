/**
 * bench:schedule — for each sample scenario, EDD dispatching against the optimised schedule
 * (default objective, 10 s): total setup, orders on time and late, the setup cut, and the previous
 * engine's figures (PREVIOUS) beside them. One JSON line per scenario.
 * Options: --seconds S, --scenario FILE (repeatable).
 */
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadInputFile } from '../../src/cli/inputFile.ts';
import { checkPlantTimetable } from '../../solver/plant/plantChecker.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';

/**
 * The previous engine (solver/plant hill-climb, main at 3d59727, 10 s, seed 1), measured before it
 * was replaced; it ignored maintenance, operators, batching, transport and buffers, so its plans
 * were not feasible by the simulator's rules — the comparison is of figures, not of equals.
 */
const PREVIOUS: Record<string, { totalSetup: number; onTime: number }> = {
  'aerospace-machining-week': { totalSetup: 3935, onTime: 50 },
  'electronics-smt-week': { totalSetup: 6972, onTime: 300 },
  'kitchen-hardware-week': { totalSetup: 2956, onTime: 150 },
};

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, scenario: { type: 'string', multiple: true } } });
const seconds = Number(values.seconds);
const files = values.scenario ?? readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort().map((f) => `scenarios/${f}`);
for (const file of files) {
  const input = await loadInputFile(file);
  const scenario = input.value?.kind === 'plant' ? input.value.plant.scenario : undefined;
  if (!scenario || input.value?.kind !== 'plant') { console.log(JSON.stringify({ scenario: file, error: input.problems.map((p) => p.expected) })); continue; }
  const t0 = performance.now();
  const pp = plantProblem(input.value.plant);
  const r = solvePlant(pp, { timeLimitMs: seconds * 1000, startedAt: t0, seed: 1 });
  const secs = (performance.now() - t0) / 1000;
  const violations = checkPlantTimetable(pp, r.timetable).length + checkPlantTimetable(pp, r.edd.timetable).length;
  console.log(JSON.stringify({
    scenario: scenario.id,
    operations: pp.problem.operations.length,
    edd: { totalSetup: r.edd.kpis.totalSetup, onTime: r.edd.kpis.onTimeOrders, weightedTardiness: r.edd.kpis.weightedTardiness },
    schedule: { totalSetup: r.kpis.totalSetup, onTime: r.kpis.onTimeOrders, weightedTardiness: r.kpis.weightedTardiness, makespan: r.kpis.makespan },
    previous_engine: PREVIOUS[scenario.id] ?? null,
    lateOrders: { edd: r.edd.kpis.lateOrders, schedule: r.kpis.lateOrders },
    setup_cut_pct: r.edd.kpis.totalSetup > 0 ? Math.round(1000 * (1 - r.kpis.totalSetup / r.edd.kpis.totalSetup)) / 10 : 0,
    construction: r.construction.map((c) => `${c.rule}:${c.value.map((v) => Math.round(v)).join('/')}`),
    iterations: r.iterations,
    lowerBound: r.lowerBound, gap: Math.round(r.gap * 1000) / 1000,
    makespanBound: { value: Math.floor(r.bounds.makespan), source: r.bounds.makespanSource },
    timing: r.timing,
    restarts: r.restarts,
    violations,
    violationKinds: [...new Set(checkPlantTimetable(pp, r.timetable).map((v) => v.kind))],
    seconds: Math.round(secs * 100) / 100,
  }));
}

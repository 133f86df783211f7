/**
 * `npm run bench:follow`: for each sample plant, the engine's schedule (iteration budget and seed,
 * so the plan is the same on every machine) followed by the simulator — first without
 * randomness (matched entries of all), then with every disturbance on, against EDD dispatching on
 * the same replications (common random numbers: replication r draws the same failures, times,
 * yields and releases under both). Prints per plant the throughput (units/day) and on-time rate
 * of both with 95 % half-widths, the follow's ratio to EDD, the follower's deviations per
 * replication by class, and stalls. Acceptance (issue 9): throughput and on-time within 10 % of
 * EDD or better on every sample, no stall. One JSON line per plant follows the table.
 *
 *   --scenario <file>   repeatable; default every scenarios/*-week.json
 *   --reps <n>          replications per rule (default 5)
 *   --iterations <n>    search iterations of the schedule (default 200; seed 1)
 */
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadInputFile } from '../../src/cli/inputFile.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { Schedule } from '../../src/model/scheduleSchema.ts';
import { NO_DISTURBANCES } from '../../src/sim/plant/plantRun.ts';
import { replicatePlant, type ReplicationSummary } from '../../src/sim/plant/replicatePlant.ts';
import type { FollowDeviations } from '../../src/sim/plant/scheduleFollower.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', multiple: true },
    reps: { type: 'string', default: '5' },
    iterations: { type: 'string', default: '200' },
  },
});
const reps = Number(values.reps);
const iterations = Number(values.iterations);
if (!Number.isSafeInteger(reps) || reps < 2) throw new Error(`--reps: a whole number ≥ 2, found ${values.reps}`);
if (!Number.isSafeInteger(iterations) || iterations < 0) throw new Error(`--iterations: a whole number ≥ 0, found ${values.iterations}`);
const files = values.scenario ?? readdirSync('scenarios').filter((f) => f.endsWith('-week.json')).sort().map((f) => `scenarios/${f}`);

/** Long enough for every order of a week to finish however late the plan puts it (the deterministic check only). */
const LONG = 60 * 1440;
const CLASSES: (keyof FollowDeviations)[] = ['late', 'outOfSequence', 'early', 'setupChanged', 'partialBatches', 'unlisted', 'skipped', 'notStarted', 'overfilled', 'ignored'];

const fmt = (x: number, digits = 0): string => x.toFixed(digits);
const kpi = (s: ReplicationSummary, k: 'unitsPerDay' | 'onTimeRate') => s.kpis.intervals[k];

let failing = 0;
for (const file of files) {
  const input = await loadInputFile(file);
  if (input.problems.length > 0 || input.value?.kind !== 'plant' || !input.value.plant.scenario) {
    for (const p of input.problems) console.error(formatProblem(p));
    throw new Error(`${file} is not a loadable scenario`);
  }
  const plant = input.value.plant;
  const pp = plantProblem(plant);
  const solved = solvePlant(pp, { maxIterations: iterations, seed: 1 });
  const schedule = Schedule.parse(JSON.parse(JSON.stringify(plantOutputs(pp, solved, { createdAt: '2026-11-30T00:00:00Z' }).schedule)));

  const exact = simulatePlant(plant, { dispatching: 'schedule', schedule, disturbances: NO_DISTURBANCES, horizon: LONG }).follow!;
  const edd = replicatePlant(plant, { dispatching: 'EDD', replications: reps });
  const followed = replicatePlant(plant, { dispatching: 'schedule', schedule, replications: reps });

  const perRep = Object.fromEntries(CLASSES.map((c) => [c, followed.runs.reduce((s, r) => s + r.follow!.deviations[c], 0) / followed.runs.length]));
  const lateMinutes = followed.runs.reduce((s, r) => s + r.follow!.deviations.lateMinutes, 0) / Math.max(1, followed.runs.reduce((s, r) => s + r.follow!.deviations.late, 0));
  const stalls = { edd: edd.runs.filter((r) => r.stall).length, follow: followed.runs.filter((r) => r.stall).length };
  const units = { edd: kpi(edd, 'unitsPerDay'), follow: kpi(followed, 'unitsPerDay') };
  const onTime = { edd: kpi(edd, 'onTimeRate'), follow: kpi(followed, 'onTimeRate') };
  const throughputRatio = units.follow.mean / units.edd.mean;
  const onTimeRatio = onTime.edd.mean > 0 ? onTime.follow.mean / onTime.edd.mean : onTime.follow.mean >= 0 ? 1 : 0;
  const ok = throughputRatio >= 0.9 && onTimeRatio >= 0.9 && stalls.follow === 0;
  if (!ok) failing++;

  console.log(`${plant.scenario!.id}: ${schedule.operations.length} entries; without randomness ${exact.matched}/${exact.entries} as planned`);
  console.log(`  units/day  EDD ${fmt(units.edd.mean)} ± ${fmt(units.edd.halfWidth)}   schedule ${fmt(units.follow.mean)} ± ${fmt(units.follow.halfWidth)}   ratio ${fmt(100 * throughputRatio, 1)} %`);
  console.log(`  on time    EDD ${fmt(100 * onTime.edd.mean, 1)} ± ${fmt(100 * onTime.edd.halfWidth, 1)} %   schedule ${fmt(100 * onTime.follow.mean, 1)} ± ${fmt(100 * onTime.follow.halfWidth, 1)} %   ratio ${fmt(100 * onTimeRatio, 1)} %`);
  console.log(`  deviations per replication: ${CLASSES.map((c) => `${c} ${fmt(perRep[c]!, 1)}`).join(', ')} (late by ${fmt(lateMinutes, 1)} min on average)`);
  console.log(`  stalls: EDD ${stalls.edd} of ${reps}, schedule ${stalls.follow} of ${reps}   ${ok ? 'within 10 % of EDD or better' : 'NOT within 10 % of EDD'}`);
  console.log(JSON.stringify({
    scenario: plant.scenario!.id, reps, iterations, entries: schedule.operations.length,
    deterministic: { matched: exact.matched, entries: exact.entries },
    unitsPerDay: { edd: units.edd.mean, schedule: units.follow.mean, ratio: throughputRatio },
    onTimeRate: { edd: onTime.edd.mean, schedule: onTime.follow.mean, ratio: onTimeRatio },
    deviationsPerReplication: perRep, stalls, ok,
  }));
}
console.log(failing === 0 ? 'every sample within 10 % of EDD or better, no stall' : `${failing} sample(s) not within 10 % of EDD`);

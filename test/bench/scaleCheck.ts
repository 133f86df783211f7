/**
 * bench:scale's re-check of a written schedule, in a process of its own: the file is read as any
 * schedule is (loadInputFile), mapped onto the scenario's operations and timed by the engine's rules
 * (planFromSchedule), every time in the file must be that timing's (to the millisecond written),
 * and the timing must pass the plant checker, which imports no solving method. Prints one JSON
 * line: { entries, problems, timesDiffer, violations, firstViolation? }.
 */
import { loadInputFile } from '../../src/cli/inputFile.ts';
import { minutesBetween } from '../../src/model/calendar.ts';
import { checkPlantTimetable } from '../../solver/plant/plantChecker.ts';
import { planFromSchedule } from '../../solver/plant/plan.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';

const [scenarioFile, scheduleFile] = process.argv.slice(2);
const scenario = await loadInputFile(scenarioFile!, {});
const schedule = await loadInputFile(scheduleFile!, {});
if (scenario.value?.kind !== 'plant' || schedule.value?.kind !== 'schedule') {
  console.log(JSON.stringify({ problems: [...scenario.problems, ...schedule.problems].slice(0, 3).map((p) => `${p.file} ${p.path}: ${p.found}`) }));
  process.exit(1);
}
const pp = plantProblem(scenario.value.plant);
const file = schedule.value.schedule;
const plan = planFromSchedule(pp, file);
if (!plan.ok) {
  console.log(JSON.stringify({ entries: file.operations.length, problems: plan.problems.slice(0, 3) }));
  process.exit(1);
}
const t = plan.plan.timetable;
const start = pp.startIso;
// Entry by operation: the file lists each order's operations; the plan knows them by name.
const index = new Map<string, number[]>();
for (let v = 0; v < pp.problem.operations.length; v++) {
  const key = `${pp.orders[pp.problem.operations[v]!.job]!.id}/${pp.operationIds[v]}`;
  const list = index.get(key);
  if (list) list.push(v); else index.set(key, [v]);
}
let timesDiffer = 0;
const taken = new Set<number>();
for (const o of file.operations) {
  const candidates = index.get(`${o.order}/${o.operation}`) ?? [];
  const begin = minutesBetween(start, o.start);
  const v = candidates.find((u) => !taken.has(u) && Math.abs((t.start[u] as number) - begin) < 1e-3) ?? candidates.find((u) => !taken.has(u));
  if (v === undefined) { timesDiffer++; continue; }
  taken.add(v);
  if (Math.abs((t.start[v] as number) - begin) > 1e-3 || Math.abs((t.end[v] as number) - minutesBetween(start, o.end)) > 1e-3) timesDiffer++;
}
const violations = checkPlantTimetable(pp, t);
console.log(JSON.stringify({ entries: file.operations.length, problems: [], timesDiffer, violations: violations.length, ...(violations.length > 0 ? { firstViolation: violations[0]!.message } : {}) }));
process.exit(timesDiffer === 0 && violations.length === 0 ? 0 : 1);

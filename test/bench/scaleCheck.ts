/**
 * bench:scale's re-check of a written schedule, in a process of its own: the file is read as any
 * schedule is (loadInputFile) and judged against its plant by checkSchedule — the same check
 * `plant-twin validate <scenario> <schedule>` runs, which imports no solving method. Prints one
 * JSON line: { entries, problems, timesDiffer, violations, firstViolation? }.
 */
import { loadInputFile } from '../../src/cli/inputFile.ts';
import { checkSchedule } from '../../solver/plant/scheduleCheck.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';

const [scenarioFile, scheduleFile] = process.argv.slice(2);
const scenario = await loadInputFile(scenarioFile!, {});
const schedule = await loadInputFile(scheduleFile!, {});
if (scenario.value?.kind !== 'plant' || schedule.value?.kind !== 'schedule') {
  console.log(JSON.stringify({ problems: [...scenario.problems, ...schedule.problems].slice(0, 3).map((p) => `${p.file} ${p.path}: ${p.found}`) }));
  process.exit(1);
}
const check = checkSchedule(plantProblem(scenario.value.plant), schedule.value.schedule);
if (!check.read) {
  console.log(JSON.stringify({ entries: check.entries, problems: check.findings.slice(0, 3).map((f) => f.found) }));
  process.exit(1);
}
const firstViolation = check.findings.find((f) => f.field === undefined)?.found;
console.log(JSON.stringify({ entries: check.entries, problems: [], timesDiffer: check.timesDiffer, violations: check.violations, ...(firstViolation ? { firstViolation } : {}) }));
process.exit(check.timesDiffer === 0 && check.violations === 0 ? 0 : 1);

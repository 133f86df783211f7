import type { Problem } from '../model/problem.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import { checkSchedule } from '../../solver/plant/scheduleCheck.ts';
import type { InputFile } from './inputFile.ts';

// A hand-edited schedule can be well-formed and still impossible; its problems could run to thousands.
const MAX_LISTED = 50;

/**
 * Each valid schedule among the files, when its scenario is among them too, judged against that
 * plant (checkSchedule); what is wrong becomes the schedule file's problems, at its entries. A
 * schedule whose scenario id no given scenario has is left as read: validating files one by one
 * stays possible.
 */
export function checkSchedulesAgainstScenarios(results: InputFile[]): void {
  const scenarios = results.flatMap((r) => (r.problems.length === 0 && r.value?.kind === 'plant' && r.value.plant.scenario ? [{ id: r.value.plant.scenario.id, file: r.file, plant: r.value.plant }] : []));
  if (scenarios.length === 0) return;
  for (const r of results) {
    if (r.problems.length > 0 || r.value?.kind !== 'schedule') continue;
    const schedule = r.value.schedule;
    const scenario = scenarios.find((s) => s.id === schedule.scenario);
    if (!scenario) {
      if (scenarios.length === 1) r.problems.push({ file: r.file, path: 'scenario', expected: `"${scenarios[0]!.id}" (the scenario given, ${scenarios[0]!.file})`, found: `"${schedule.scenario}"`, hint: 'make the schedule from this scenario, or give its own scenario' });
      continue;
    }
    let problems: Problem[];
    try {
      const check = checkSchedule(plantProblem(scenario.plant), schedule);
      problems = check.findings.slice(0, MAX_LISTED).map((f) => ({
        file: r.file,
        path: f.entry === null ? '' : `operations[${f.entry}]${f.field ? `.${f.field}` : ''}`,
        expected: f.expected,
        found: f.found,
        ...(f.field ? { hint: 'each operation begins as early as its machine\'s sequence and the plant\'s rules allow; to hold one later, mark its entry "locked": true' } : {}),
      }));
      if (check.findings.length > MAX_LISTED) problems.push({ file: r.file, path: '', expected: `no more than ${MAX_LISTED} problems listed`, found: `${check.findings.length - MAX_LISTED} more` });
    } catch (e) {
      problems = [{ file: r.file, path: '', expected: `a schedule the rules of ${scenario.file} can time`, found: e instanceof Error ? e.message : String(e) }];
    }
    r.problems.push(...problems);
  }
}

import { formatProblem } from '../model/problem.ts';
import type { Schedule } from '../model/scheduleSchema.ts';
import { EXIT_INVALID, EXIT_USAGE, type Output } from './command.ts';
import { loadInputFile, type InputFile, type InputOptions } from './inputFile.ts';

type PlantOf<V> = V extends { kind: 'plant'; plant: infer P } ? P : never;
type LoadedPlant = PlantOf<NonNullable<InputFile['value']>>;
type ScenarioPlant = LoadedPlant & { scenario: NonNullable<LoadedPlant['scenario']> };

/**
 * The scenario a command runs on (with the layout it names), or the exit code after saying why not:
 * simulate, risk and live-sim refuse the same files with the same words.
 */
export async function loadScenarioPlant(file: string, command: string, output: Output, options: InputOptions = {}): Promise<{ input: InputFile; plant: ScenarioPlant } | number> {
  const input = await loadInputFile(file, options);
  if (input.problems.length > 0) {
    for (const p of input.problems) output.err(formatProblem(p));
    return EXIT_INVALID;
  }
  const plant = input.value?.kind === 'plant' ? input.value.plant : undefined;
  if (!plant?.scenario) {
    output.err(`plant-twin ${command}: ${input.file} is a ${input.kind}; ${command} reads a scenario (it names its layout)`);
    return EXIT_USAGE;
  }
  return { input, plant: plant as ScenarioPlant };
}

/**
 * The schedule file a command follows (`--schedule FILE`) for the scenario it runs, read with the
 * same input options, or the exit code after saying why not (a schedule made from another
 * scenario names operations that plant may not have, or have differently).
 */
export async function loadScheduleFile(file: string, command: string, output: Output, scenarioId: string, options: InputOptions = {}): Promise<Schedule | number> {
  const loaded = await loadInputFile(file, options);
  if (loaded.problems.length > 0 || loaded.value?.kind !== 'schedule') {
    for (const p of loaded.problems) output.err(formatProblem(p));
    if (loaded.problems.length === 0) output.err(`plant-twin ${command}: ${loaded.file} is a ${loaded.kind}, not a schedule`);
    return loaded.problems.length > 0 ? EXIT_INVALID : EXIT_USAGE;
  }
  const schedule = loaded.value.schedule;
  if (schedule.scenario !== scenarioId) {
    output.err(`${loaded.file}: scenario: expected "${scenarioId}" (the scenario given), found "${schedule.scenario}" — make the schedule from this scenario`);
    return EXIT_INVALID;
  }
  return schedule;
}

import { planFromHere } from '../live/fromHere.ts';
import { mappingOf } from '../live/recordingMapping.ts';
import { indexRecording, knownStateSpan } from '../live/recordingIndex.ts';
import { layoutEquipmentIds, observedInRecording } from '../live/snapshot.ts';
import { stateCode } from '../live/stateColumns.ts';
import { formatProblem } from '../model/problem.ts';
import type { Plant } from '../model/load.ts';
import { summariseReplications } from '../sim/plant/replicatePlant.ts';
import type { PlantResult } from '../sim/plant/results.ts';
import { simulatePlant } from '../sim/plant/simulatePlant.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command, type Output } from './command.ts';
import { loadInputFile } from './inputFile.ts';
import { matchReport, readMappedRecording, RECORDING_OPTION_HELP, RECORDING_OPTIONS, writeMappingFile } from './recordingInput.ts';
import { simulateReport } from './simulateReport.ts';

async function loadPlant(file: string, command: string, needScenario: boolean, output: Output): Promise<Plant | number> {
  const input = await loadInputFile(file);
  if (input.problems.length > 0) {
    for (const p of input.problems) output.err(formatProblem(p));
    return EXIT_INVALID;
  }
  const plant = input.value?.kind === 'plant' ? input.value.plant : undefined;
  if (!plant || (needScenario && !plant.scenario)) {
    output.err(`plant-twin ${command}: ${input.file} is a ${input.kind}; ${command} reads ${needScenario ? 'a scenario (it names its layout)' : 'a layout or a scenario'}`);
    return EXIT_USAGE;
  }
  return plant;
}

export const mapRecordingCommand: Command = {
  name: 'map-recording',
  summary: 'match a recording\'s devices to a layout\'s equipment; write a mapping file',
  usage: `Usage: plant-twin map-recording [options] <recording> <layout-or-scenario>

Reads a machine-state recording (CSV, JSON lines or MTConnect SHDR) and says which of its devices
are equipment of the layout (same id, or by the mapping) and which are not, and which equipment
has no recorded data. --map and --mapping name the layout equipment a device speaks for;
--write saves the mapping as a file that the app and \`plant-twin simulate-from\` read.

Exit codes: 0 matched (devices left unmapped are listed, not an error), 1 unreadable input or a
mapping that names unknown equipment or gives one piece of equipment two devices, 2 usage error.`,
  options: { ...RECORDING_OPTIONS, write: { type: 'string' } },
  optionHelp: { ...RECORDING_OPTION_HELP, write: 'write the mapping (the devices renamed) to this file' },
  async run({ values, positionals }, output) {
    if (positionals.length !== 2) {
      output.err(`plant-twin map-recording: name a recording and a layout or scenario, found ${positionals.length} file${positionals.length === 1 ? '' : 's'} (see plant-twin map-recording --help)`);
      return EXIT_USAGE;
    }
    const [recordingFile, plantFile] = positionals as [string, string];
    const plant = await loadPlant(plantFile, 'map-recording', false, output);
    if (typeof plant === 'number') return plant;
    const mapped = await readMappedRecording(recordingFile, plant.layout, values, output);
    if (!mapped) return EXIT_INVALID;
    for (const line of matchReport(recordingFile, mapped.match, layoutEquipmentIds(plant.layout).length)) output.out(line);
    if (typeof values.write === 'string') {
      const name = recordingFile.slice(recordingFile.lastIndexOf('/') + 1);
      if (!(await writeMappingFile(values.write, mappingOf(mapped.match, name), output))) return EXIT_INVALID;
      output.out(`mapping written to ${values.write}`);
    }
    return EXIT_OK;
  },
};

/** `--min-match 3` or `--min-match 40%` as a count of equipment, or an error text. */
export function minimumMatch(value: unknown, equipment: number): number | string {
  if (value === undefined) return 1;
  const text = String(value).trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent) {
    const share = Number(percent[1]);
    if (share > 100) return `--min-match must be at most 100 %, found "${text}"`;
    return Math.max(1, Math.ceil((share / 100) * equipment - 1e-9));
  }
  const n = Number(text);
  if (text === '' || !Number.isInteger(n) || n < 1) return `--min-match must be a whole number ≥ 1 or a percentage, found "${text}"`;
  return n;
}

/** `--at`: an ISO time, the `first` or `last` (default) known state of the recording; NaN when malformed. */
function instantOf(value: unknown, first: number, last: number): number {
  if (value === undefined || value === 'last') return last;
  if (value === 'first') return first;
  return typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? Date.parse(value) : Number.NaN;
}

export const simulateFromCommand: Command = {
  name: 'simulate-from',
  summary: 'simulate a scenario from a recording\'s machine states at a moment ("simulate from here")',
  usage: `Usage: plant-twin simulate-from [options] --recording <file> <scenario>

The app's "Simulate from here" on the command line: the recorded state of each piece of equipment
at --at becomes the scenario's start state, and the next --hours are replicated. Recorded devices
are matched to the layout by id or by --mapping / --map (see plant-twin map-recording). Fewer
pieces of equipment with a known state than --min-match refuses the run, with the reason and the
list of equipment without data. A moment before the scenario's start starts it at its start.

Exit codes: 0 simulated, 1 unreadable input or too little of the plant observed, 2 usage error.`,
  options: {
    ...RECORDING_OPTIONS,
    recording: { type: 'string' },
    at: { type: 'string' },
    hours: { type: 'string' },
    reps: { type: 'string' },
    'min-match': { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: {
    ...RECORDING_OPTION_HELP,
    recording: 'the machine-state recording (CSV, JSON lines, SHDR)',
    at: 'the moment: an ISO 8601 time, or the "first" or "last" (default) known state in the recording',
    hours: 'hours to simulate past that moment (default 8)',
    reps: 'number of replications (default: the scenario\'s)',
    'min-match': 'fewest pieces of equipment with a recorded state, a number or a percentage (default 1)',
    json: 'print the plan and the summary as JSON',
  },
  async run({ values, positionals }, output) {
    const usage = (text: string): number => {
      output.err(`plant-twin simulate-from: ${text} (see plant-twin simulate-from --help)`);
      return EXIT_USAGE;
    };
    if (positionals.length !== 1) return usage(`name exactly one scenario file, found ${positionals.length}`);
    if (typeof values.recording !== 'string') return usage('--recording <file> is required');
    const hours = values.hours === undefined ? 8 : Number(values.hours);
    if (!(Number.isFinite(hours) && hours > 0 && hours <= 24 * 366)) return usage(`--hours must be a number of hours > 0 and at most a year, found "${String(values.hours)}"`);
    const reps = values.reps === undefined ? undefined : Number(values.reps);
    if (reps !== undefined && !(Number.isInteger(reps) && reps >= 1 && reps <= 10_000)) return usage(`--reps must be a whole number from 1 to 10000, found "${String(values.reps)}"`);

    const plant = await loadPlant(positionals[0]!, 'simulate-from', true, output);
    if (typeof plant === 'number') return plant;
    const scenario = plant.scenario!;
    const equipmentCount = layoutEquipmentIds(plant.layout).length;
    const minimum = minimumMatch(values['min-match'], equipmentCount);
    if (typeof minimum === 'string') return usage(minimum);
    const mapped = await readMappedRecording(values.recording, plant.layout, values, output);
    if (!mapped) return EXIT_INVALID;
    const index = indexRecording(mapped.columns);
    const { first, last } = knownStateSpan(index, stateCode('unknown'));
    if (Number.isNaN(first)) {
      output.err(`plant-twin simulate-from: ${values.recording} has no known machine state to start from`);
      return EXIT_INVALID;
    }
    const at = instantOf(values.at, first, last);
    if (!Number.isFinite(at)) return usage(`--at must be an ISO 8601 time, "first" or "last", found "${String(values.at)}"`);
    const atIso = new Date(at).toISOString();
    const plan = planFromHere(scenario, plant.layout, observedInRecording(index, at), atIso, { hours, minimum, unmapped: mapped.match.unmapped });
    for (const line of matchReport(values.recording, mapped.match, equipmentCount)) output.err(line);
    if (!plan.ok) {
      output.err(`plant-twin simulate-from: cannot simulate from ${values.recording} at ${atIso}: ${plan.coverage.reason}`);
      output.err(`No known state at ${atIso} for ${plan.coverage.withoutData.length}: ${plan.coverage.withoutData.join(', ')}`);
      return EXIT_INVALID;
    }
    for (const note of plan.notes) output.err(`note: ${note}`);
    for (const line of plan.dropped) output.err(`left out: ${line}`);

    const experiment = plan.scenario.experiment;
    const n = reps ?? experiment.replications;
    const started = performance.now();
    const fromPlant: Plant = { ...plant, scenario: plan.scenario };
    const runs: PlantResult[] = [];
    for (let r = 0; r < n; r++) runs.push(simulatePlant(fromPlant, { replication: r, trace: false }));
    const runtimeMs = performance.now() - started;
    const summary = summariseReplications(runs);
    const startState = plan.snapshot.equipment.map((e) => `${e.id} ${e.state}${e.order ? ` (${e.order})` : ''}`);
    if (values.json) {
      const { runs: all, ...rest } = summary;
      output.out(JSON.stringify({ recording: values.recording, at: atIso, hours, startState: plan.snapshot.equipment, withoutData: plan.coverage.withoutData, notes: plan.notes, runtimeMs, ...rest, runs: all }, null, 2));
      return EXIT_OK;
    }
    output.out(`From ${values.recording} at ${atIso}, ${hours} h ahead; start state: ${startState.join(', ')}`);
    output.out(simulateReport(summary, {
      file: positionals[0]!, name: scenario.name, horizon: experiment.horizon, warmup: experiment.warmup, dispatching: experiment.dispatching, runtimeMs,
    }));
    return EXIT_OK;
  },
};

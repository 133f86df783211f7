import { formatProblem } from '../model/problem.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command } from './command.ts';
import { readTextFile } from './fsResolver.ts';
import { INPUT_OPTION_HELP, INPUT_OPTIONS, inputOptionsOf, loadInputFile, type InputFile } from './inputFile.ts';
import { checkSchedulesAgainstScenarios } from './scheduleAgainstScenario.ts';

function detail(input: InputFile): string {
  if (input.value?.kind === 'recording') {
    const bad = input.value.badLines ? `, ${input.value.badLines} bad lines` : '';
    const gaps = input.value.gaps ? `, ${input.value.gaps} gap${input.value.gaps === 1 ? '' : 's'} marked (unknown time)` : '';
    return ` (recording, ${input.value.events} events${bad}${gaps})`;
  }
  if (input.value?.kind === 'experiment') return ` (experiment, ${input.value.systems} systems)`;
  if (input.value?.kind === 'network') {
    const pct = (x: number | undefined) => (x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);
    const recorded = input.value.recorded.map((r) => `; ${r.site} recorded: ${r.events} events, availability ${pct(r.availability)}, OEE ${pct(r.oee)}`).join('');
    // Validating does not connect: a live site's broker is named, its figures are the app's.
    const live = input.value.live.map((l) => `; ${l.site} live: ${l.topic} at ${l.url}`).join('');
    return ` (network, ${input.value.sites} sites${recorded}${live})`;
  }
  if (input.value?.kind === 'experiment-part') return ` (experiment part, ${input.value.replications} replications)`;
  return input.kind === 'unknown' ? '' : ` (${input.kind})`;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check layouts, scenarios, schedules, dispatch lists and recordings',
  usage: `Usage: plant-twin validate [--json] <files...>

Checks each file and prints "ok" or one line per problem:
  <file>: <path>: expected <what a valid file has>, found <what this one has> — <hint>
Warnings are printed as "warning: " lines and do not make a file invalid.

JSON files are recognised by their "format" field (plant-twin/layout, plant-twin/scenario,
plant-twin/schedule, plant-twin/dispatch, plant-twin/experiment, plant-twin/experiment-part,
plant-twin/network, plant-twin/lesson, plant-twin/lesson-answers); machine-state recordings by
extension (.csv, .jsonl, .ndjson, MTConnect SHDR .shdr/.txt/.log), read as a stream whatever
their size. An experiment is checked with every system it defines (its changes applied, each
result checked as a scenario file).
A scenario's layout is read from its "layout" path, relative to the scenario file, and only
from the scenario's folder tree (the folder above the scenario's) or a --layout-root; a lesson's
scenario or recording from its "source", relative to the lesson, and checked with it.
A schedule given together with its scenario (validate scenario.json schedule.json) is also judged
against that plant by the plant checker: every entry on equipment that may run it, every open
operation listed once, each time the one the plant's rules give to the file's sequence (calendars,
maintenance, changeovers, operators, batches, buffers, transport), no rule broken.
Files are UTF-8: other bytes are a problem with their line (--encoding latin1 reads Latin-1).

Exit codes: 0 all files valid, 1 some file invalid or unreadable, 2 usage error.`,
  options: { json: { type: 'boolean' }, devices: { type: 'string' }, ...INPUT_OPTIONS },
  optionHelp: {
    json: 'print the results as JSON: {"ok", "files": [{"file", "kind", "ok", "problems", "warnings"}]}',
    devices: 'an MTConnect Devices.xml naming the data items of SHDR recordings (default: keys guessed by name)',
    ...INPUT_OPTION_HELP,
  },
  async run({ values, positionals }, output) {
    if (positionals.length === 0) {
      output.err('plant-twin validate: name at least one file (see plant-twin validate --help)');
      return EXIT_USAGE;
    }
    const options = inputOptionsOf(values);
    if ('error' in options) {
      output.err(`plant-twin validate: ${options.error} (see plant-twin validate --help)`);
      return EXIT_USAGE;
    }
    if (typeof values.devices === 'string') {
      const devices = await readTextFile(values.devices, options.encoding ? { encoding: options.encoding } : {});
      if ('problem' in devices) {
        output.err(`plant-twin validate: --devices: ${formatProblem(devices.problem)}`);
        return EXIT_INVALID;
      }
      options.devicesXml = devices.text;
    }
    const results: InputFile[] = [];
    for (const file of positionals) results.push(await loadInputFile(file, options));
    checkSchedulesAgainstScenarios(results);
    const invalid = results.filter((r) => r.problems.length > 0).length;
    if (values.json) {
      output.out(JSON.stringify({
        ok: invalid === 0,
        files: results.map(({ file, kind, problems, warnings }) => ({ file, kind, ok: problems.length === 0, problems, warnings })),
      }, null, 2));
    } else {
      // A scenario reports its layout's problems too; validating both would print them twice.
      const printed = new Set<string>();
      const print = (line: string): boolean => {
        if (printed.has(line)) return false;
        printed.add(line);
        output.out(line);
        return true;
      };
      for (const r of results) {
        if (r.problems.length === 0) output.out(`${r.file}: ok${detail(r)}`);
        const fresh = r.problems.map((p) => print(formatProblem(p))).filter(Boolean).length;
        if (r.problems.length > 0 && fresh === 0) output.out(`${r.file}: invalid, see the problems listed above`);
        for (const w of r.warnings) print(`warning: ${formatProblem(w)}`);
      }
      if (results.length > 1) {
        output.out(`${results.length} files: ${results.length - invalid} valid, ${invalid} invalid`);
      }
    }
    return invalid === 0 ? EXIT_OK : EXIT_INVALID;
  },
};

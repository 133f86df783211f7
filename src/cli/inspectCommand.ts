import { formatProblem } from '../model/problem.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command } from './command.ts';
import { INPUT_OPTION_HELP, INPUT_OPTIONS, inputOptionsOf, loadInputFile } from './inputFile.ts';
import { plantSummary } from './plantSummary.ts';
import { plantSummaryText } from './plantSummaryText.ts';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'summarise a layout or scenario: equipment, orders, load per machine',
  usage: `Usage: plant-twin inspect [--json] <file>

For a layout: equipment per area and line, counts by type, size of the path graph.
For a scenario, also: products by family; orders (count, units, release and due ranges); and a
rough-cut capacity check per equipment, bottleneck first:
  work     = sum over orders of quantity × mean unit time; an operation with several eligible
             machines gives each an equal share of the quantity at its own time (batch
             equipment: time per batch ÷ batch capacity); setups, yield and rework not counted
  capacity = working minutes of the equipment's calendar within the experiment horizon
  load     = work ÷ capacity

Exit codes: 0 summary printed, 1 file invalid or unreadable, 2 usage error.`,
  options: { json: { type: 'boolean' }, ...INPUT_OPTIONS },
  optionHelp: { json: 'print the summary as JSON', ...INPUT_OPTION_HELP },
  async run({ values, positionals }, output) {
    if (positionals.length !== 1) {
      output.err(`plant-twin inspect: name exactly one file, found ${positionals.length} (see plant-twin inspect --help)`);
      return EXIT_USAGE;
    }
    const options = inputOptionsOf(values);
    if ('error' in options) {
      output.err(`plant-twin inspect: ${options.error} (see plant-twin inspect --help)`);
      return EXIT_USAGE;
    }
    const input = await loadInputFile(positionals[0]!, options);
    if (input.problems.length > 0) {
      for (const p of input.problems) output.err(formatProblem(p));
      return EXIT_INVALID;
    }
    if (input.value?.kind !== 'plant') {
      output.err(`plant-twin inspect: ${input.file} is a ${input.kind}; inspect reads layouts and scenarios (use plant-twin validate to check it)`);
      return EXIT_USAGE;
    }
    for (const w of input.warnings) output.err(`warning: ${formatProblem(w)}`);
    const summary = plantSummary(input.value.plant);
    output.out(values.json ? JSON.stringify(summary, null, 2) : plantSummaryText(summary));
    return EXIT_OK;
  },
};

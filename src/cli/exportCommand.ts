import { writeFileSync } from 'node:fs';
import type { DispatchList } from '../model/scheduleSchema.ts';
import { processJobList } from '../mes/b2mml.ts';
import { dispatchCsv } from '../mes/dispatchCsv.ts';
import { dispatchSheet } from '../mes/dispatchSheet.ts';
import { hierarchyOf } from '../mes/version.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command } from './command.ts';
import { readDispatchList, readLayout } from './mesCli.ts';
import { OutboxFolder, OutboxFolderError } from './outboxFolder.ts';

const FORMATS = ['b2mml', 'csv', 'json', 'sheet'] as const;
type Format = (typeof FORMATS)[number];

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a dispatch list as B2MML, CSV, JSON or a printable sheet',
  usage: `Usage: plant-twin export <dispatch.json> --b2mml|--csv|--json|--sheet --out FILE [--layout FILE]
       plant-twin export --outbox DIR --version ID --b2mml|--csv|--json|--sheet --out FILE

B2MML is a V0701 ProcessJobList BOD (one JobList per work centre, BODID = the list's id) that
validates against MESA's schemas; CSV has one row per job; the sheet is an HTML page per work
centre to print. From an outbox, the version's frozen bytes are written exactly as approved.`,
  options: {
    b2mml: { type: 'boolean' }, csv: { type: 'boolean' }, json: { type: 'boolean' }, sheet: { type: 'boolean' },
    out: { type: 'string' }, layout: { type: 'string' }, outbox: { type: 'string' }, version: { type: 'string' },
  },
  optionHelp: {
    b2mml: 'B2MML V0701 ProcessJobList XML', csv: 'CSV, one row per job', json: 'the dispatch list JSON',
    sheet: 'printable HTML dispatch sheet', out: 'the file to write',
    layout: 'B2MML: place each work centre in the layout\'s ISA-95 hierarchy',
    outbox: 'export an approved version from this outbox', version: 'with --outbox: the version id',
  },
  async run({ values, positionals }, output) {
    const chosen = FORMATS.filter((f) => values[f] === true);
    const fromOutbox = typeof values.outbox === 'string';
    if (chosen.length !== 1 || typeof values.out !== 'string' || (fromOutbox ? positionals.length > 0 || typeof values.version !== 'string' : positionals.length !== 1)) {
      output.err('plant-twin export: one dispatch list (or --outbox DIR --version ID), one of --b2mml --csv --json --sheet, and --out are required');
      return EXIT_USAGE;
    }
    const format: Format = chosen[0]!;
    let text: string;
    if (fromOutbox) {
      try {
        const v = await new OutboxFolder(values.outbox as string, { create: false }).loadVersion(values.version as string);
        const list = JSON.parse(v.documents.json) as DispatchList;
        text = format === 'b2mml' ? v.documents.b2mml : format === 'json' ? v.documents.json
          : format === 'csv' ? dispatchCsv(list) : dispatchSheet(list, { approvedAt: v.approvedAt, reason: v.reason });
      } catch (error) {
        if (error instanceof OutboxFolderError) { output.err(`plant-twin export: ${error.message}`); return EXIT_INVALID; }
        throw error;
      }
    } else {
      const list = await readDispatchList(positionals[0]!, output, 'export');
      if (!list) return EXIT_INVALID;
      const layout = typeof values.layout === 'string' ? await readLayout(values.layout, output, 'export') : undefined;
      if (layout === null) return EXIT_INVALID;
      if (format === 'b2mml' && list.equipment.length === 0) {
        output.err('plant-twin export: the dispatch list has no work centre; a ProcessJobList needs at least one JobList');
        return EXIT_INVALID;
      }
      const hierarchy = layout ? hierarchyOf(layout) : undefined;
      const unknown = hierarchy ? list.equipment.map((e) => e.equipment).filter((e) => !hierarchy.has(e)) : [];
      if (unknown.length > 0) {
        output.err(`plant-twin export: work centres not in the layout ${values.layout as string}: ${unknown.join(', ')}`);
        return EXIT_INVALID;
      }
      text = format === 'b2mml' ? processJobList(list, { approvedAt: list.createdAt, approvedBy: list.approvedBy, hierarchy })
        : format === 'json' ? `${JSON.stringify(list, null, 2)}\n` : format === 'csv' ? dispatchCsv(list) : dispatchSheet(list);
    }
    try {
      writeFileSync(values.out, text);
    } catch (error) {
      output.err(`plant-twin export: cannot write ${values.out}: ${(error as Error).message}`);
      return EXIT_INVALID;
    }
    output.out(`wrote ${format} to ${values.out}`);
    return EXIT_OK;
  },
};

import { approvalEntries } from '../mes/approve.ts';
import { outboxOf } from '../mes/outboxState.ts';
import { ApprovalRefused, freezeVersion } from '../mes/version.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command } from './command.ts';
import { readDispatchList, readLayout } from './mesCli.ts';
import { OutboxFolder, OutboxFolderError } from './outboxFolder.ts';

export const approveCommand: Command = {
  name: 'approve',
  summary: 'approve a dispatch list into an outbox folder (frozen, audited, ready to publish)',
  usage: `Usage: plant-twin approve <dispatch.json> --by NAME --reason TEXT --outbox DIR [--version-id ID] [--supersedes ID|none] [--layout FILE]

Freezes the dispatch list as a version: its B2MML ProcessJobList, JSON and MQTT payloads are
rendered now and written to DIR/versions/<id>.json; the approval (who, why, the documents'
SHA-256) is appended to the hash-chained journal DIR/journal.jsonl. A version that supersedes one
still waiting in the outbox withdraws it: it is never sent. Publish with plant-twin publish.`,
  options: {
    by: { type: 'string' },
    reason: { type: 'string' },
    outbox: { type: 'string' },
    'version-id': { type: 'string' },
    supersedes: { type: 'string' },
    layout: { type: 'string' },
    enterprise: { type: 'string' },
  },
  optionHelp: {
    by: 'who approves (name)',
    reason: 'why (kept in the audit trail)',
    outbox: 'the outbox folder (created when missing)',
    'version-id': 'the version id (default: the list\'s id)',
    supersedes: 'the version this one replaces, or "none" (default: the list\'s supersedes)',
    layout: 'the plant layout: places each work centre in the ISA-95 hierarchy and names its MQTT topic',
    enterprise: 'first MQTT topic segment (default: the layout\'s enterprise, else "plant-twin")',
  },
  async run({ values, positionals }, output) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0 || typeof values.by !== 'string' || typeof values.reason !== 'string' || typeof values.outbox !== 'string') {
      output.err('plant-twin approve: one dispatch list, --by, --reason and --outbox are required (see plant-twin approve --help)');
      return EXIT_USAGE;
    }
    const list = await readDispatchList(file, output, 'approve');
    if (!list) return EXIT_INVALID;
    const layout = typeof values.layout === 'string' ? await readLayout(values.layout, output, 'approve') : undefined;
    if (layout === null) return EXIT_INVALID;
    const supersedes = values.supersedes === 'none' ? null : typeof values.supersedes === 'string' ? values.supersedes : undefined;
    try {
      const outbox = new OutboxFolder(values.outbox, { create: true });
      const { version, bodies } = await outbox.withJournalLock(() => {
        const state = outboxOf(outbox.all());
        const approvedAt = new Date().toISOString();
        const version = freezeVersion({
          list, versionId: typeof values['version-id'] === 'string' ? values['version-id'] : undefined, supersedes,
          approvedBy: values.by as string, reason: values.reason as string, approvedAt, layout,
          enterprise: typeof values.enterprise === 'string' ? values.enterprise : undefined,
        });
        const bodies = approvalEntries(state, version);
        outbox.writeVersion(version);
        outbox.appendLocked(bodies, approvedAt);
        return { version, bodies };
      });
      const superseded = bodies.find((b) => b.type === 'superseded');
      const note = superseded?.type === 'superseded' ? `; supersedes ${superseded.version}${superseded.withdrawn ? ' (withdrawn: it will not be sent)' : ''}` : version.supersedes ? `; supersedes ${version.supersedes}` : '';
      output.out(`approved ${version.id} by ${version.approvedBy} for ${version.workCentres.length} work centres into ${values.outbox}${note}`);
      return EXIT_OK;
    } catch (error) {
      if (error instanceof ApprovalRefused || error instanceof OutboxFolderError) {
        output.err(`plant-twin approve: ${error.message}`);
        return EXIT_INVALID;
      }
      throw error;
    }
  },
};

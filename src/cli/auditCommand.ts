import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyChain } from '../mes/auditChain.ts';
import { auditCsv } from '../mes/auditCsv.ts';
import { AuditEntry } from '../mes/auditEntry.ts';
import { sha256Hex } from '../mes/hash.ts';
import { ApprovedVersion } from '../mes/version.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type Command, type Output } from './command.ts';
import { JOURNAL, VERSIONS } from './outboxFolder.ts';

function journalLines(dir: string, output: Output): string[] | null {
  const path = join(dir, JOURNAL);
  if (!existsSync(path)) {
    output.err(`plant-twin audit: ${dir}: no ${JOURNAL} here (is it an outbox folder?)`);
    return null;
  }
  return readFileSync(path, 'utf8').split('\n');
}

/** Each approved version's frozen file must still hold the bytes whose hashes the approval recorded. */
function frozenProblems(dir: string, lines: readonly string[]): string[] {
  const problems: string[] = [];
  lines.forEach((text, i) => {
    let entry: AuditEntry;
    try {
      const parsed = AuditEntry.safeParse(JSON.parse(text));
      if (!parsed.success || parsed.data.type !== 'approved') return;
      entry = parsed.data;
    } catch {
      return;
    }
    if (entry.type !== 'approved') return;
    const file = join(dir, VERSIONS, `${entry.version}.json`);
    const where = `line ${i + 1}: version ${entry.version}`;
    if (!existsSync(file)) return void problems.push(`${where}: its frozen documents ${file} were removed`);
    const v = ApprovedVersion.safeParse((() => { try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return null; } })());
    if (!v.success) return void problems.push(`${where}: ${file} is not a frozen version any more (edited)`);
    if (sha256Hex(v.data.documents.b2mml) !== entry.documents.b2mml) problems.push(`${where}: ${file} B2MML differs from what was approved (edited)`);
    if (sha256Hex(v.data.documents.json) !== entry.documents.json) problems.push(`${where}: ${file} JSON differs from what was approved (edited)`);
  });
  return problems;
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify an outbox\'s hash-chained audit trail, or export it as CSV',
  usage: `Usage: plant-twin audit verify <outbox-dir> [--head HASH]
       plant-twin audit export <outbox-dir> --out FILE.csv

verify checks DIR/journal.jsonl: each entry matches its SHA-256, carries the hash of the entry
before it, and the numbers run 1, 2, 3 … in order. It names every edited, removed or reordered
entry, and every frozen version whose bytes no longer match its approval. A cut-off tail leaves
a shorter, intact chain: note the head hash it prints and pass it later as --head to check it.
Exit codes: 0 intact, 1 tampered or unreadable, 2 usage error.`,
  options: {
    head: { type: 'string' },
    out: { type: 'string' },
  },
  optionHelp: {
    head: 'verify: a head hash noted earlier, which must still be in the chain',
    out: 'export: the CSV file to write',
  },
  async run({ values, positionals }, output) {
    const [action, dir, ...extra] = positionals;
    if ((action !== 'verify' && action !== 'export') || dir === undefined || extra.length > 0) {
      output.err('plant-twin audit: expected "audit verify DIR" or "audit export DIR --out FILE" (see plant-twin audit --help)');
      return EXIT_USAGE;
    }
    const lines = journalLines(dir, output);
    if (!lines) return EXIT_INVALID;
    if (action === 'export') {
      if (typeof values.out !== 'string') {
        output.err('plant-twin audit export: --out FILE is required');
        return EXIT_USAGE;
      }
      const entries = lines.filter((l) => l.trim() !== '').flatMap((l) => {
        try { const p = AuditEntry.safeParse(JSON.parse(l)); return p.success ? [p.data] : []; } catch { return []; }
      });
      writeFileSync(values.out, auditCsv(entries));
      output.out(`wrote ${entries.length} audit entries to ${values.out}`);
      return EXIT_OK;
    }
    const report = verifyChain(lines);
    const problems = [...report.problems.map((p) => p.message), ...frozenProblems(dir, lines)];
    if (typeof values.head === 'string') {
      const known = lines.some((l) => { try { return (JSON.parse(l) as { hash?: unknown }).hash === values.head; } catch { return false; } });
      if (!known) problems.push(`the head ${values.head} noted earlier is not in the chain: entries after it were removed or rewritten`);
    }
    if (problems.length === 0) {
      output.out(`${dir}: audit trail intact, ${report.entries} entries, head ${report.head ?? '(empty)'}`);
      return EXIT_OK;
    }
    for (const p of problems) output.err(`${join(dir, JOURNAL)}: ${p}`);
    output.err(`${dir}: audit trail NOT intact: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${report.entries} entries`);
    return EXIT_INVALID;
  },
};

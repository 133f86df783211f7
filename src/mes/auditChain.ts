import { AuditEntry, GENESIS_HASH, type EntryBody } from './auditEntry.ts';
import { canonicalJson, sha256Hex } from './hash.ts';

/** The hash an entry must carry: SHA-256 of its canonical JSON without the `hash` field. */
export function entryHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _hash, ...rest } = entry as AuditEntry;
  return sha256Hex(canonicalJson(rest));
}

/** The next link of the chain: `body` written at `at` after `previous` (null for the first entry). */
export function chainEntry(previous: Pick<AuditEntry, 'seq' | 'hash'> | null, body: EntryBody, at: string): AuditEntry {
  const unsigned = { ...body, seq: previous ? previous.seq + 1 : 1, at, prev: previous ? previous.hash : GENESIS_HASH };
  return { ...unsigned, hash: entryHash(unsigned as AuditEntry) } as AuditEntry;
}

/** Links bodies onto the chain after `previous`, all written at `at`. */
export function chainEntries(previous: Pick<AuditEntry, 'seq' | 'hash'> | null, bodies: readonly EntryBody[], at: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  let last = previous;
  for (const body of bodies) {
    const entry = chainEntry(last, body, at);
    out.push(entry);
    last = entry;
  }
  return out;
}

export type ChainProblemKind = 'unreadable' | 'edited' | 'removed' | 'reordered' | 'duplicate' | 'broken-link';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** 1-based line of the trail file, when the problem sits on one line. */
  line?: number;
  /** The entry's sequence number, when it is known. */
  seq?: number;
  message: string;
}

export interface ChainReport {
  entries: number;
  /** Hash of the last entry: compare it with one noted elsewhere to detect a cut-off tail. */
  head: string | null;
  problems: ChainProblem[];
}

interface Placed { line: number; entry: AuditEntry; intact: boolean }

function describe(entry: AuditEntry): string {
  return `entry ${entry.seq} (${entry.type} ${entry.version})`;
}

/**
 * Checks a trail given as its lines: every entry readable and matching its own hash, sequence
 * numbers 1…n each once, in order, each entry's `prev` the hash of the one before. Each problem
 * names the line and the entry; a removed entry is named by its number and where it was.
 */
export function verifyChain(lines: readonly string[]): ChainReport {
  const problems: ChainProblem[] = [];
  const placed: Placed[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '' && i === lines.length - 1) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      problems.push({ kind: 'unreadable', line, message: `line ${line}: not a JSON entry (edited or cut): ${text.slice(0, 60)}` });
      return;
    }
    const parsed = AuditEntry.safeParse(json);
    if (!parsed.success) {
      const seq = typeof (json as { seq?: unknown })?.seq === 'number' ? (json as { seq: number }).seq : undefined;
      const issue = parsed.error.issues[0]!;
      problems.push({ kind: 'edited', line, seq, message: `line ${line}${seq !== undefined ? ` (entry ${seq})` : ''}: not a valid audit entry at "${issue.path.join('.')}": ${issue.message} — edited` });
      return;
    }
    const entry = parsed.data;
    const intact = entryHash(entry) === entry.hash;
    if (!intact) problems.push({ kind: 'edited', line, seq: entry.seq, message: `line ${line}: ${describe(entry)} was edited: its content no longer matches its hash` });
    placed.push({ line, entry, intact });
  });

  for (let i = 1; i < placed.length; i++) {
    const a = placed[i - 1]!;
    const b = placed[i]!;
    if (b.entry.seq < a.entry.seq) {
      problems.push({ kind: 'reordered', line: b.line, seq: b.entry.seq, message: `lines ${a.line}–${b.line}: ${describe(b.entry)} comes after entry ${a.entry.seq}: entries were reordered` });
    }
  }

  const bySeq = new Map<number, Placed>();
  for (const p of placed) {
    const seen = bySeq.get(p.entry.seq);
    if (seen) problems.push({ kind: 'duplicate', line: p.line, seq: p.entry.seq, message: `line ${p.line}: entry ${p.entry.seq} appears again (first on line ${seen.line})` });
    else bySeq.set(p.entry.seq, p);
  }
  const lastSeq = Math.max(0, ...bySeq.keys());
  for (let seq = 1; seq <= lastSeq; seq++) {
    const here = bySeq.get(seq);
    if (!here) {
      const before = bySeq.get(seq - 1);
      const after = [...bySeq.values()].filter((p) => p.entry.seq > seq).sort((x, y) => x.entry.seq - y.entry.seq)[0];
      const where = before && after ? `between lines ${before.line} and ${after.line}` : after ? `before line ${after.line}` : '';
      problems.push({ kind: 'removed', seq, message: `entry ${seq} was removed${where ? ` (it was ${where})` : ''}` });
      continue;
    }
    const expectedPrev = seq === 1 ? GENESIS_HASH : bySeq.get(seq - 1)?.entry.hash;
    // Only judge a link between two entries that are each intact: an edited one is reported already.
    const previous = bySeq.get(seq - 1);
    if (expectedPrev !== undefined && here.intact && (seq === 1 || previous?.intact) && here.entry.prev !== expectedPrev) {
      problems.push({
        kind: 'broken-link', line: here.line, seq,
        message: seq === 1
          ? `line ${here.line}: entry 1 does not start the chain (entries before it were removed, or it was rewritten)`
          : `line ${previous!.line}: entry ${seq - 1} was edited (its hash was recomputed, but entry ${seq} on line ${here.line} recorded another)`,
      });
    }
  }
  const last = placed.length > 0 ? placed[placed.length - 1]!.entry : null;
  return { entries: placed.length, head: last ? last.hash : null, problems };
}

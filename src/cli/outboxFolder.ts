import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, fstatSync, ftruncateSync, writeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { chainEntries } from '../mes/auditChain.ts';
import { AuditEntry, type EntryBody } from '../mes/auditEntry.ts';
import type { OutboxStore } from '../mes/publisher.ts';
import { ApprovedVersion } from '../mes/version.ts';

export const JOURNAL = 'journal.jsonl';
export const VERSIONS = 'versions';

export class OutboxFolderError extends Error {}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

/** Writes a file whole or not at all: temp file, fsync, rename, fsync of the folder. */
export function writeFileDurably(path: string, dir: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dir);
}

/**
 * The CLI's outbox: `journal.jsonl` (the hash-chained audit trail, append-only, fsynced after
 * every append) and `versions/<id>.json` (each version's frozen bytes, written before its
 * approval entry). Appends take a lock on the journal, so `approve` may run while `publish`
 * drains; a process killed mid-append leaves at most a cut last line, which the next writer cuts
 * off (it was never confirmed, so nothing it recorded was relied on).
 */
export class OutboxFolder implements OutboxStore {
  readonly journal: string;
  private entries: AuditEntry[] = [];
  private offset = 0;

  constructor(readonly dir: string, options: { create: boolean }) {
    this.journal = join(dir, JOURNAL);
    if (!existsSync(dir) || !existsSync(this.journal)) {
      if (!options.create) throw new OutboxFolderError(`${dir}: not an outbox (no ${JOURNAL}); approve a dispatch list into it first`);
      mkdirSync(join(dir, VERSIONS), { recursive: true });
      if (!existsSync(this.journal)) closeSync(openSync(this.journal, 'a'));
      fsyncDir(dir);
    }
  }

  /** Reads complete lines appended since the last read; a line still being written waits for the next read. */
  private catchUp(): void {
    const fd = openSync(this.journal, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size <= this.offset) return;
      const buffer = Buffer.alloc(size - this.offset);
      readSync(fd, buffer, 0, buffer.length, this.offset);
      const end = buffer.lastIndexOf(0x0a);
      if (end < 0) return;
      const text = buffer.subarray(0, end + 1).toString('utf8');
      let lineStart = this.offset;
      for (const line of text.split('\n')) {
        if (line === '') continue;
        const parsed = AuditEntry.safeParse((() => { try { return JSON.parse(line); } catch { return undefined; } })());
        if (!parsed.success) {
          throw new OutboxFolderError(`${this.journal}: the entry at byte ${lineStart} is not a valid audit entry; run "plant-twin audit verify ${this.dir}"`);
        }
        this.entries.push(parsed.data);
        lineStart += Buffer.byteLength(line) + 1;
      }
      this.offset += end + 1;
    } finally {
      closeSync(fd);
    }
  }

  async read(afterSeq: number): Promise<AuditEntry[]> {
    this.catchUp();
    return this.entries.filter((e) => e.seq > afterSeq);
  }

  /** Every entry, in file order. */
  all(): AuditEntry[] {
    this.catchUp();
    return [...this.entries];
  }

  async withJournalLock<T>(work: () => T | Promise<T>): Promise<T> {
    const release = await lockfile.lock(this.journal, { realpath: false, stale: 10_000, retries: { retries: 100, minTimeout: 20, maxTimeout: 500 } });
    try {
      return await work();
    } finally {
      await release();
    }
  }

  async append(bodies: EntryBody[], at: string): Promise<AuditEntry[]> {
    return this.withJournalLock(() => this.appendLocked(bodies, at));
  }

  /** Appends while the caller holds the journal lock (see withJournalLock). */
  appendLocked(bodies: EntryBody[], at: string): AuditEntry[] {
    this.catchUp();
    const fd = openSync(this.journal, 'r+');
    try {
      const size = fstatSync(fd).size;
      if (size > this.offset) ftruncateSync(fd, this.offset); // a cut line from a killed writer
      const last = this.entries[this.entries.length - 1] ?? null;
      const entries = chainEntries(last, bodies, at);
      const text = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
      writeSync(fd, text, this.offset);
      fsyncSync(fd);
      this.entries.push(...entries);
      this.offset += Buffer.byteLength(text);
      return entries;
    } finally {
      closeSync(fd);
    }
  }

  versionPath(id: string): string {
    return join(this.dir, VERSIONS, `${id}.json`);
  }

  writeVersion(v: ApprovedVersion): void {
    writeFileDurably(this.versionPath(v.id), join(this.dir, VERSIONS), `${JSON.stringify(v, null, 2)}\n`);
  }

  async loadVersion(id: string): Promise<ApprovedVersion> {
    const path = this.versionPath(id);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new OutboxFolderError(`${path}: cannot read the frozen version (${(error as Error).message})`);
    }
    const parsed = ApprovedVersion.safeParse(json);
    if (!parsed.success) throw new OutboxFolderError(`${path}: not a frozen version (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
    return parsed.data;
  }
}

/** Holds the outbox's single-publisher lock for the life of a publish run. */
export async function lockPublisher(dir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(join(dir, 'publisher'), { realpath: false, stale: 5_000, retries: { retries: 12, minTimeout: 250, maxTimeout: 1000 } });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new OutboxFolderError(`${dir}: another "plant-twin publish" is draining this outbox`);
    throw error;
  }
}

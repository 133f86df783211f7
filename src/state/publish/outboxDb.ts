import { openDB, type IDBPDatabase } from 'idb';
import { approvalEntries } from '../../mes/approve.ts';
import { chainEntries } from '../../mes/auditChain.ts';
import type { AuditEntry, EntryBody } from '../../mes/auditEntry.ts';
import { outboxOf } from '../../mes/outboxState.ts';
import type { OutboxStore } from '../../mes/publisher.ts';
import type { ApprovedVersion } from '../../mes/version.ts';

/** Its own database, so the outbox's schema moves independently of layout drafts. */
export const MES_DATABASE = 'plant-twin-mes';
const VERSIONS = 'versions';
const JOURNAL = 'journal';

/**
 * The page's outbox in IndexedDB: frozen versions by id, and the hash-chained journal by sequence
 * number. Hashing is synchronous, so chaining happens inside the transaction that writes: two tabs
 * appending at once cannot fork the chain (the second finds the first's entry and links to it).
 * No token or password is ever handed to this store.
 */
export class IndexedDbOutbox implements OutboxStore {
  private db: Promise<IDBPDatabase> | undefined;

  constructor(private readonly name = MES_DATABASE) {}

  private open(): Promise<IDBPDatabase> {
    return (this.db ??= openDB(this.name, 1, {
      upgrade: (d) => {
        d.createObjectStore(VERSIONS, { keyPath: 'id' });
        d.createObjectStore(JOURNAL, { keyPath: 'seq' });
      },
    }));
  }

  async read(afterSeq: number): Promise<AuditEntry[]> {
    const db = await this.open();
    return (await db.getAll(JOURNAL, IDBKeyRange.lowerBound(afterSeq, true))) as AuditEntry[];
  }

  async append(bodies: EntryBody[], at: string): Promise<AuditEntry[]> {
    const db = await this.open();
    const tx = db.transaction(JOURNAL, 'readwrite');
    const cursor = await tx.store.openCursor(null, 'prev');
    const entries = chainEntries((cursor?.value as AuditEntry | undefined) ?? null, bodies, at);
    for (const e of entries) await tx.store.add(e);
    await tx.done;
    return entries;
  }

  async loadVersion(id: string): Promise<ApprovedVersion> {
    const v = (await (await this.open()).get(VERSIONS, id)) as ApprovedVersion | undefined;
    if (!v) throw new Error(`the outbox has no frozen version ${id}`);
    return v;
  }

  /**
   * Approves a frozen version: checks it against the journal, then writes the version and its
   * "approved" (and "superseded") entries in ONE transaction — all of it is there, or none.
   */
  async approve(v: ApprovedVersion, at: string): Promise<AuditEntry[]> {
    const db = await this.open();
    const tx = db.transaction([VERSIONS, JOURNAL], 'readwrite');
    const journal = tx.objectStore(JOURNAL);
    const all = (await journal.getAll()) as AuditEntry[];
    let bodies: EntryBody[];
    try {
      bodies = approvalEntries(outboxOf(all), v);
    } catch (error) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw error;
    }
    const entries = chainEntries(all[all.length - 1] ?? null, bodies, at);
    await tx.objectStore(VERSIONS).put(v);
    for (const e of entries) await journal.add(e);
    await tx.done;
    return entries;
  }

  /** Every entry, for the audit view and its CSV export. */
  async all(): Promise<AuditEntry[]> {
    return this.read(0);
  }
}

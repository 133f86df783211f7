import { chainEntries } from '../../src/mes/auditChain.ts';
import type { AuditEntry, EntryBody } from '../../src/mes/auditEntry.ts';
import { approvalEntries } from '../../src/mes/approve.ts';
import { outboxOf } from '../../src/mes/outboxState.ts';
import type { Clock, OutboxStore } from '../../src/mes/publisher.ts';
import { freezeVersion, type ApprovedVersion } from '../../src/mes/version.ts';
import type { DispatchList } from '../../src/model/scheduleSchema.ts';

/** An outbox in memory with the same chaining as the real stores. */
export class MemoryOutbox implements OutboxStore {
  entries: AuditEntry[] = [];
  versions = new Map<string, ApprovedVersion>();
  async read(afterSeq: number): Promise<AuditEntry[]> {
    return this.entries.filter((e) => e.seq > afterSeq);
  }
  async append(bodies: EntryBody[], at: string): Promise<AuditEntry[]> {
    const added = chainEntries(this.entries[this.entries.length - 1] ?? null, bodies, at);
    this.entries.push(...added);
    return added;
  }
  async loadVersion(id: string): Promise<ApprovedVersion> {
    const v = this.versions.get(id);
    if (!v) throw new Error(`no version ${id}`);
    return v;
  }
  async approve(list: DispatchList, at: string, extra: { supersedes?: string | null; versionId?: string } = {}): Promise<ApprovedVersion> {
    const v = freezeVersion({ list, approvedBy: 'A. Planner', reason: 'test', approvedAt: at, ...extra });
    const bodies = approvalEntries(outboxOf(this.entries), v);
    this.versions.set(v.id, v);
    await this.append(bodies, at);
    return v;
  }
}

/** A clock that moves only when someone sleeps: back-off is instant and exactly measurable. */
export class FakeClock implements Clock {
  constructor(public t = Date.parse('2026-11-29T18:00:00Z')) {}
  slept: number[] = [];
  now(): number { return this.t; }
  async sleep(ms: number): Promise<void> {
    this.slept.push(ms);
    this.t += ms;
  }
}

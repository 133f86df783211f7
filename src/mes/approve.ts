import type { EntryBody } from './auditEntry.ts';
import { isOpen, type OutboxState } from './outboxState.ts';
import { ApprovalRefused, approvedEntry, type ApprovedVersion } from './version.ts';

/**
 * The journal entries that approve a frozen version in an outbox in this state: "approved", and
 * "superseded" for the version it replaces (withdrawn if the MES has not concluded on it yet, so
 * it is never sent again). Refuses a version id used before and a second successor of a version.
 */
export function approvalEntries(state: OutboxState, v: ApprovedVersion): EntryBody[] {
  const problems: string[] = [];
  if (state.byId.has(v.id)) problems.push(`version ${v.id} was already approved in this outbox; give the new version its own id`);
  const old = v.supersedes === null ? undefined : state.byId.get(v.supersedes);
  if (old?.supersededBy) problems.push(`version ${old.id} is already superseded by ${old.supersededBy}; supersede ${old.supersededBy} instead`);
  if (problems.length > 0) throw new ApprovalRefused(problems);
  const bodies: EntryBody[] = [approvedEntry(v)];
  if (old) bodies.push({ type: 'superseded', version: old.id, by: v.id, withdrawn: isOpen(old) });
  return bodies;
}

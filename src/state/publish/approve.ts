import type { Layout } from '../../model/layoutSchema.ts';
import type { DispatchList } from '../../model/scheduleSchema.ts';
import { outboxOf, type VersionStatus } from '../../mes/outboxState.ts';
import { freezeVersion, type ApprovedVersion } from '../../mes/version.ts';
import { publishSession } from './publishSession.ts';

export { ApprovalRefused } from '../../mes/version.ts';

export interface ApprovalRequest {
  /** The dispatch list as the scheduler built it. */
  list: DispatchList;
  /** The version id from the dialog; the list's id when absent. Must be new in this outbox. */
  versionId?: string;
  /** The version this one replaces, or null; the list's own when absent. */
  supersedes?: string | null;
  approvedBy: string;
  reason: string;
  /** The plant's layout: each work centre's ISA-95 place and MQTT topic. */
  layout?: Layout;
}

/**
 * Approves a dispatch list: freezes it into a version (every byte that will be sent is rendered
 * now), writes the version and its hash-chained "approved" entry (and "superseded" for the one it
 * replaces) to the page's outbox in one IndexedDB transaction, and wakes the publisher. Throws
 * ApprovalRefused, naming every problem, when it cannot be approved.
 */
export async function approveDispatchList(request: ApprovalRequest): Promise<ApprovedVersion> {
  const session = publishSession.getState();
  const approvedAt = new Date().toISOString();
  const version = freezeVersion({ ...request, approvedAt });
  await session.outbox.approve(version, approvedAt);
  await session.refresh();
  void session.start();
  session.wake();
  return version;
}

/** The versions in the outbox, in approval order, with their delivery state. */
export async function listVersions(): Promise<VersionStatus[]> {
  return outboxOf(await publishSession.getState().outbox.all()).versions;
}

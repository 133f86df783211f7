import { openDB, type IDBPDatabase } from 'idb';
import { useStore } from 'zustand';
import { createApprovals, memoryArchive, type ApprovalArchive, type ApprovalState, type ApprovedPlan } from './approvals.ts';
import { approveDispatchList } from './publish/approve.ts';
import { twinStore } from './twinStore.ts';

/** IndexedDB, a database of its own so its versions never wait on another store's upgrade. */
function indexedDbArchive(): ApprovalArchive {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () => (db ??= openDB('plant-twin-approvals', 1, { upgrade: (d) => { d.createObjectStore('approved', { keyPath: 'versionId' }); } }));
  return {
    all: async () => (await (await open()).getAll('approved')) as ApprovedPlan[],
    put: async (p) => { await (await open()).add('approved', p); },
  };
}

/** Approval hands the frozen list to the MES outbox, with the layout for its work centres' ISA-95 topics. */
export const approvalStore = createApprovals(typeof indexedDB === 'undefined' ? memoryArchive() : indexedDbArchive(), async (h) => {
  const layout = twinStore.getState().plant?.layout;
  await approveDispatchList({ ...h, ...(layout ? { layout } : {}) });
});
void approvalStore.getState().load().catch(() => approvalStore.setState({ loaded: true }));

export function useApprovals<T>(selector: (state: ApprovalState) => T): T {
  return useStore(approvalStore, selector);
}

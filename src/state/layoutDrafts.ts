import { openDB, type IDBPDatabase } from 'idb';

/**
 * An edited layout kept in the browser until the user discards it. `savedAt` is when it was kept;
 * `file`, when these very edits were also saved as a file (so a reload does not call them unsaved).
 */
export interface LayoutDraft { layout: unknown; savedAt: string; file?: { name: string; at: string } }

/** Where edited layouts wait between visits, keyed by layout id. */
export interface DraftStore {
  load(layoutId: string): Promise<LayoutDraft | undefined>;
  save(layoutId: string, draft: LayoutDraft): Promise<void>;
  remove(layoutId: string): Promise<void>;
}

const DATABASE = 'plant-twin';
const DRAFTS = 'layout-drafts';

/** IndexedDB through idb: survives reloads, holds megabytes, and works in every current browser. */
export function indexedDbDrafts(): DraftStore {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () => (db ??= openDB(DATABASE, 1, { upgrade: (d) => { d.createObjectStore(DRAFTS); } }));
  return {
    load: async (id) => (await (await open()).get(DRAFTS, id)) as LayoutDraft | undefined,
    save: async (id, draft) => { await (await open()).put(DRAFTS, draft, id); },
    remove: async (id) => { await (await open()).delete(DRAFTS, id); },
  };
}

/** For tests and for browsers without IndexedDB: kept only while the page lives. */
export function memoryDrafts(): DraftStore {
  const drafts = new Map<string, LayoutDraft>();
  return {
    load: async (id) => drafts.get(id),
    save: async (id, draft) => { drafts.set(id, structuredClone(draft)); },
    remove: async (id) => { drafts.delete(id); },
  };
}

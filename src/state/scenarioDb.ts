import { openDB, type IDBPDatabase } from 'idb';

/**
 * The browser database of the planner's scenarios: `drafts` (the scenario being edited, by file)
 * and `library` (kept scenarios with their layouts, by id). One opener with the one version, so
 * the draft store and the library never ask for different versions of the same database.
 */
export function scenarioDatabase(): () => Promise<IDBPDatabase> {
  let db: Promise<IDBPDatabase> | undefined;
  return () => (db ??= openDB('plant-twin-scenarios', 2, {
    upgrade: (d) => {
      if (!d.objectStoreNames.contains('drafts')) d.createObjectStore('drafts');
      if (!d.objectStoreNames.contains('library')) d.createObjectStore('library');
    },
  }));
}

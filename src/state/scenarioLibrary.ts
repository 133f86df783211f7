import type { IDBPDatabase } from 'idb';
import { createStore } from 'zustand/vanilla';
import type { Plant } from '../model/load.ts';
import type { ScenarioInput } from '../model/scenarioSchema.ts';
import { entryFiles, idFromName, newEntry, unusedId, type LibraryEntry, type TextFile } from '../scenario/library.ts';
import { scenarioDatabase } from './scenarioDb.ts';
import type { TwinStore } from './store.ts';

/** Where library entries are kept. */
export interface LibraryStorage {
  all(): Promise<LibraryEntry[]>;
  put(entry: LibraryEntry): Promise<void>;
  remove(id: string): Promise<void>;
}

export function indexedDbLibrary(open: () => Promise<IDBPDatabase> = scenarioDatabase()): LibraryStorage {
  return {
    all: async () => (await (await open()).getAll('library')) as LibraryEntry[],
    put: async (entry) => { await (await open()).put('library', entry, entry.id); },
    remove: async (id) => { await (await open()).delete('library', id); },
  };
}

export function memoryLibrary(): LibraryStorage {
  const kept = new Map<string, LibraryEntry>();
  return {
    all: async () => [...kept.values()].map((e) => structuredClone(e)),
    put: async (entry) => { kept.set(entry.id, structuredClone(entry)); },
    remove: async (id) => { kept.delete(id); },
  };
}

/** The file name a library entry is opened under: the plant on screen then says where it came from. */
export const libraryFile = (id: string) => `library/${id}.json`;
const entryOf = (file: string | undefined) => (file?.startsWith('library/') && file.endsWith('.json') ? file.slice('library/'.length, -'.json'.length) : undefined);

export interface LibraryState {
  entries: LibraryEntry[];
  loaded: boolean;
  /** Why the last action was refused or failed. */
  error: string | undefined;
  load(): Promise<void>;
  /** Keeps the scenario on screen (as applied) under a name; the new entry. */
  keepOnScreen(name: string): Promise<LibraryEntry | undefined>;
  clone(id: string): Promise<LibraryEntry | undefined>;
  /** A new name (and with it a new id, so files and results follow the name). */
  rename(id: string, name: string): Promise<LibraryEntry | undefined>;
  remove(id: string): Promise<void>;
  /** Puts an entry on screen, to simulate or edit it; applied edits are kept in the entry. */
  open(id: string): Promise<void>;
  /** The entry's scenario and layout files, as `plant-twin validate` reads them. */
  files(id: string): TextFile[];
}

export type ScenarioLibrary = ReturnType<typeof createScenarioLibrary>;

const byName = (a: LibraryEntry, b: LibraryEntry) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * The planner's scenario library: scenarios kept with their layouts in the browser (IndexedDB),
 * cloned, renamed, deleted, exported as files, opened on screen — and compared side by side in
 * an experiment (`comparisonExperiment`). An entry on screen that is edited and applied is kept
 * up to date, so the library holds what was applied.
 */
export function createScenarioLibrary(twin: TwinStore, storage: LibraryStorage, now: () => Date = () => new Date()) {
  const store = createStore<LibraryState>()((set, get) => {
    const taken = (except?: string) => new Set(get().entries.filter((e) => e.id !== except).map((e) => e.id));
    const keep = async (entry: LibraryEntry, replacing?: string) => {
      await storage.put(entry);
      if (replacing && replacing !== entry.id) await storage.remove(replacing);
      set((s) => ({ entries: [...s.entries.filter((e) => e.id !== entry.id && e.id !== replacing), entry].sort(byName), error: undefined }));
      return entry;
    };
    const failed = (error: unknown) => {
      set({ error: `The library could not be saved in this browser: ${error instanceof Error ? error.message : String(error)}` });
      return undefined;
    };
    return {
      entries: [], loaded: false, error: undefined,
      async load() {
        try {
          set({ entries: (await storage.all()).sort(byName), loaded: true });
        } catch (error) {
          failed(error);
        }
      },
      async keepOnScreen(name) {
        const plant = twin.getState().plant;
        if (!plant?.scenario) {
          set({ error: 'Open a scenario first: a layout alone has nothing to keep.' });
          return undefined;
        }
        if (!name.trim()) {
          set({ error: 'Give the scenario a name.' });
          return undefined;
        }
        const entry = newEntry({ scenario: plant.scenario as ScenarioInput, layout: plant.layout }, name.trim(), plant.scenarioFile ?? plant.layoutFile, taken(), now());
        return keep(entry).catch(failed);
      },
      async clone(id) {
        const source = get().entries.find((e) => e.id === id);
        if (!source) return undefined;
        return keep(newEntry(source, `${source.name} (copy)`, source.id, taken(), now())).catch(failed);
      },
      async rename(id, name) {
        const entry = get().entries.find((e) => e.id === id);
        const trimmed = name.trim();
        if (!entry) return undefined;
        if (!trimmed) {
          set({ error: 'A scenario needs a name.' });
          return undefined;
        }
        const newId = unusedId(idFromName(trimmed), taken(id));
        const renamed: LibraryEntry = { ...entry, id: newId, name: trimmed, savedAt: now().toISOString(), scenario: { ...entry.scenario, id: newId, name: trimmed } };
        return keep(renamed, id).catch(failed);
      },
      async remove(id) {
        try {
          await storage.remove(id);
          set((s) => ({ entries: s.entries.filter((e) => e.id !== id), error: undefined }));
        } catch (error) {
          failed(error);
        }
      },
      async open(id) {
        const files = get().files(id);
        if (files.length === 0) return;
        await twin.getState().openFiles(files);
      },
      files(id) {
        const entry = get().entries.find((e) => e.id === id);
        if (!entry) return [];
        const { scenario, layout } = entryFiles(entry);
        return [{ name: libraryFile(entry.id), text: scenario.text }, { name: `library/${layout.name}`, text: layout.text }];
      },
    };
  });
  // An entry on screen, edited and applied: keep what was applied.
  twin.subscribe((state, previous) => {
    const plant: Plant | undefined = state.plant;
    const id = entryOf(plant?.scenarioFile);
    if (!plant?.scenario || !id || plant === previous.plant || entryOf(previous.plant?.scenarioFile) !== id) return;
    const entry = store.getState().entries.find((e) => e.id === id);
    if (!entry) return;
    const updated: LibraryEntry = { ...entry, scenario: { ...(plant.scenario as ScenarioInput), id: entry.id, name: entry.name }, layout: plant.layout, savedAt: now().toISOString() };
    void storage.put(updated).then(() => store.setState((s) => ({ entries: s.entries.map((e) => (e.id === id ? updated : e)) })), (error: unknown) => {
      store.setState({ error: `The applied scenario could not be kept in the library: ${error instanceof Error ? error.message : String(error)}` });
    });
  });
  return store;
}

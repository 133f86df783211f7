import { openDB, type IDBPDatabase } from 'idb';
import { createStore } from 'zustand/vanilla';
import { loadScenarioText, type Plant } from '../model/load.ts';
import type { Problem } from '../model/problem.ts';
import type { ScenarioInput } from '../model/scenarioSchema.ts';
import type { TwinStore } from './store.ts';

/** Scenarios being edited, kept between visits (keyed by scenario file). */
export interface ScenarioDrafts {
  load(file: string): Promise<{ scenario: ScenarioInput; savedAt: string } | undefined>;
  save(file: string, scenario: ScenarioInput): Promise<void>;
  remove(file: string): Promise<void>;
}

/** A database of its own, so the layout drafts' database keeps its version. */
export function indexedDbScenarioDrafts(): ScenarioDrafts {
  let db: Promise<IDBPDatabase> | undefined;
  const open = () => (db ??= openDB('plant-twin-scenarios', 1, { upgrade: (d) => { d.createObjectStore('drafts'); } }));
  return {
    load: async (file) => (await (await open()).get('drafts', file)) as { scenario: ScenarioInput; savedAt: string } | undefined,
    save: async (file, scenario) => { await (await open()).put('drafts', { scenario, savedAt: new Date().toISOString() }, file); },
    remove: async (file) => { await (await open()).delete('drafts', file); },
  };
}

export function memoryScenarioDrafts(): ScenarioDrafts {
  const kept = new Map<string, { scenario: ScenarioInput; savedAt: string }>();
  return {
    load: async (f) => kept.get(f),
    save: async (f, scenario) => { kept.set(f, { scenario: structuredClone(scenario), savedAt: new Date().toISOString() }); },
    remove: async (f) => { kept.delete(f); },
  };
}

export interface DraftState {
  /** The scenario being edited, as file data; undefined until editing starts. */
  draft: ScenarioInput | undefined;
  past: ScenarioInput[];
  future: ScenarioInput[];
  /** Problems of the draft, checked by the same loader as a file; empty when it can be applied. */
  problems: Problem[];
  checking: boolean;
  /** A draft kept from an earlier visit, offered for restoring. */
  stored: { savedAt: string } | undefined;
  applied: number;
  begin(): Promise<void>;
  edit(change: (draft: ScenarioInput) => ScenarioInput): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  restore(): Promise<void>;
  /** Puts the checked draft on screen: Simulate, experiments and the twin then use it. */
  apply(): Promise<boolean>;
  discard(): Promise<void>;
}

export type DraftStore = ReturnType<typeof createScenarioDraft>;

const UNDO_DEPTH = 100;

/**
 * Editing the scenario on screen: every edit makes a new draft (the old one goes on the undo
 * list), the draft is checked by the scenario loader against the layout on screen (the same
 * messages a file gets), kept in IndexedDB so a reload loses nothing, and applied only when it
 * has no problems.
 */
export function createScenarioDraft(twin: TwinStore, drafts: ScenarioDrafts) {
  let checks = 0;
  const fileOf = () => twin.getState().plant?.scenarioFile ?? 'scenario.json';
  const check = async (draft: ScenarioInput): Promise<{ problems: Problem[]; plant?: Plant }> => {
    const plant = twin.getState().plant;
    if (!plant) return { problems: [] };
    const loaded = await loadScenarioText(JSON.stringify(draft), fileOf(), async () => ({ text: JSON.stringify(plant.layout), file: plant.layoutFile }));
    return loaded.ok ? { problems: [], plant: loaded.value } : { problems: loaded.problems };
  };
  const store = createStore<DraftState>()((set, get) => {
    const settle = async (draft: ScenarioInput, past: ScenarioInput[], future: ScenarioInput[]) => {
      const id = ++checks;
      set({ draft, past: past.slice(-UNDO_DEPTH), future, checking: true });
      void drafts.save(fileOf(), draft);
      const { problems } = await check(draft);
      if (id === checks) set({ problems, checking: false });
    };
    return {
      draft: undefined, past: [], future: [], problems: [], checking: false, stored: undefined, applied: 0,
      async begin() {
        const scenario = twin.getState().plant?.scenario;
        if (!scenario) return;
        const kept = await drafts.load(fileOf());
        set({ draft: structuredClone(scenario) as ScenarioInput, past: [], future: [], problems: [], stored: kept ? { savedAt: kept.savedAt } : undefined });
      },
      async edit(change) {
        const { draft, past } = get();
        if (!draft) return;
        await settle(change(structuredClone(draft)), [...past, draft], []);
      },
      async undo() {
        const { draft, past, future } = get();
        if (!draft || past.length === 0) return;
        await settle(past[past.length - 1]!, past.slice(0, -1), [draft, ...future]);
      },
      async redo() {
        const { draft, past, future } = get();
        if (!draft || future.length === 0) return;
        await settle(future[0]!, [...past, draft], future.slice(1));
      },
      async restore() {
        const kept = await drafts.load(fileOf());
        const { draft, past } = get();
        set({ stored: undefined });
        if (kept) await settle(kept.scenario, draft ? [...past, draft] : past, []);
      },
      async apply() {
        const { draft } = get();
        if (!draft) return false;
        const { problems, plant } = await check(draft);
        set({ problems });
        if (!plant) return false;
        twin.setState({ plant, warnings: [] });
        set((s) => ({ applied: s.applied + 1 }));
        return true;
      },
      async discard() {
        await drafts.remove(fileOf());
        set({ draft: undefined, past: [], future: [], problems: [], stored: undefined });
      },
    };
  });
  twin.subscribe((state, previous) => {
    if (state.plant?.scenarioFile !== previous.plant?.scenarioFile) store.setState({ draft: undefined, past: [], future: [], problems: [], stored: undefined });
  });
  return store;
}

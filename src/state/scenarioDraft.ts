import { createStore } from 'zustand/vanilla';
import { loadScenarioText, type Plant } from '../model/load.ts';
import type { Problem } from '../model/problem.ts';
import type { Layout } from '../model/layoutSchema.ts';
import type { ScenarioInput } from '../model/scenarioSchema.ts';
import type { PlantDocs } from '../scenario/equipmentEdits.ts';
import { scenarioDatabase } from './scenarioDb.ts';
import type { TwinStore } from './store.ts';

/** A draft as kept: the scenario, its layout (drafts from before layout edits have none) and the speed reference. */
export interface StoredDraft {
  scenario: ScenarioInput;
  layout?: Layout;
  reference?: ScenarioInput;
  savedAt: string;
}

/** Scenarios being edited, kept between visits (keyed by scenario file). */
export interface ScenarioDrafts {
  load(file: string): Promise<StoredDraft | undefined>;
  save(file: string, draft: Omit<StoredDraft, 'savedAt'>): Promise<void>;
  remove(file: string): Promise<void>;
}

/** In the scenarios' own database, so the layout drafts' database keeps its version. */
export function indexedDbScenarioDrafts(open = scenarioDatabase()): ScenarioDrafts {
  return {
    load: async (file) => (await (await open()).get('drafts', file)) as StoredDraft | undefined,
    save: async (file, draft) => { await (await open()).put('drafts', { ...draft, savedAt: new Date().toISOString() }, file); },
    remove: async (file) => { await (await open()).delete('drafts', file); },
  };
}

export function memoryScenarioDrafts(): ScenarioDrafts {
  const kept = new Map<string, StoredDraft>();
  return {
    load: async (f) => structuredClone(kept.get(f)),
    save: async (f, draft) => { kept.set(f, { ...structuredClone(draft), savedAt: new Date().toISOString() }); },
    remove: async (f) => { kept.delete(f); },
  };
}

export interface DraftState {
  /** The scenario being edited, as file data; undefined until editing starts. */
  draft: ScenarioInput | undefined;
  /** Its layout, edited with it (buffers, a duplicated machine). */
  layout: Layout | undefined;
  /** The scenario as editing began: speed factors are relative to its processing times. */
  reference: ScenarioInput | undefined;
  past: PlantDocs[];
  future: PlantDocs[];
  /** Problems of the draft, checked by the same loader as a file; empty when it can be applied. */
  problems: Problem[];
  checking: boolean;
  /** A draft kept from an earlier visit, offered for restoring. */
  stored: { savedAt: string } | undefined;
  applied: number;
  begin(): Promise<void>;
  edit(change: (draft: ScenarioInput) => ScenarioInput): Promise<void>;
  /** An edit of scenario and layout together; `reference` changes the speed reference with it (a new machine's times). */
  editPlant(change: (docs: PlantDocs) => PlantDocs, reference?: (reference: ScenarioInput) => ScenarioInput): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  restore(): Promise<void>;
  /** Puts the checked draft on screen: Simulate, experiments and the twin then use it. */
  apply(): Promise<boolean>;
  discard(): Promise<void>;
}

export type DraftStore = ReturnType<typeof createScenarioDraft>;

const UNDO_DEPTH = 100;

const empty = (): Pick<DraftState, 'draft' | 'layout' | 'reference' | 'past' | 'future' | 'problems' | 'stored'> =>
  ({ draft: undefined, layout: undefined, reference: undefined, past: [], future: [], problems: [], stored: undefined });

/**
 * Editing the scenario on screen and its layout: every edit makes a new draft (the old one goes
 * on the undo list), the draft is checked by the scenario loader with its layout (the same
 * messages files get), kept in IndexedDB so a reload loses nothing, and applied only when it has
 * no problems.
 */
export function createScenarioDraft(twin: TwinStore, drafts: ScenarioDrafts) {
  let checks = 0;
  const fileOf = () => twin.getState().plant?.scenarioFile ?? 'scenario.json';
  const check = async (docs: PlantDocs): Promise<{ problems: Problem[]; plant?: Plant }> => {
    const plant = twin.getState().plant;
    if (!plant) return { problems: [] };
    const loaded = await loadScenarioText(JSON.stringify(docs.scenario), fileOf(), async () => ({ text: JSON.stringify(docs.layout), file: plant.layoutFile }));
    return loaded.ok ? { problems: [], plant: loaded.value } : { problems: loaded.problems };
  };
  const store = createStore<DraftState>()((set, get) => {
    const current = (): PlantDocs | undefined => {
      const { draft, layout } = get();
      return draft && layout ? { scenario: draft, layout } : undefined;
    };
    const settle = async (docs: PlantDocs, past: PlantDocs[], future: PlantDocs[]) => {
      const id = ++checks;
      set({ draft: docs.scenario, layout: docs.layout, past: past.slice(-UNDO_DEPTH), future, checking: true });
      void drafts.save(fileOf(), { scenario: docs.scenario, layout: docs.layout, ...(get().reference ? { reference: get().reference } : {}) });
      const { problems } = await check(docs);
      if (id === checks) set({ problems, checking: false });
    };
    return {
      ...empty(), checking: false, applied: 0,
      async begin() {
        const plant = twin.getState().plant;
        if (!plant?.scenario) return;
        const kept = await drafts.load(fileOf());
        const scenario = structuredClone(plant.scenario) as ScenarioInput;
        set({ draft: scenario, layout: structuredClone(plant.layout), reference: structuredClone(scenario), past: [], future: [], problems: [], stored: kept ? { savedAt: kept.savedAt } : undefined });
      },
      async edit(change) {
        const docs = current();
        if (!docs) return;
        await settle({ ...docs, scenario: change(structuredClone(docs.scenario)) }, [...get().past, docs], []);
      },
      async editPlant(change, reference) {
        const docs = current();
        if (!docs) return;
        const next = change(structuredClone(docs));
        const ref = get().reference;
        if (reference && ref) set({ reference: reference(ref) });
        await settle(next, [...get().past, docs], []);
      },
      async undo() {
        const docs = current();
        const { past, future } = get();
        if (!docs || past.length === 0) return;
        await settle(past[past.length - 1]!, past.slice(0, -1), [docs, ...future]);
      },
      async redo() {
        const docs = current();
        const { past, future } = get();
        if (!docs || future.length === 0) return;
        await settle(future[0]!, [...past, docs], future.slice(1));
      },
      async restore() {
        const kept = await drafts.load(fileOf());
        const docs = current();
        set({ stored: undefined });
        if (!kept || !docs) return;
        if (kept.reference) set({ reference: kept.reference });
        await settle({ scenario: kept.scenario, layout: kept.layout ?? docs.layout }, [...get().past, docs], []);
      },
      async apply() {
        const docs = current();
        if (!docs) return false;
        const { problems, plant } = await check(docs);
        set({ problems });
        if (!plant) return false;
        twin.setState({ plant, warnings: [] });
        set((s) => ({ applied: s.applied + 1 }));
        return true;
      },
      async discard() {
        await drafts.remove(fileOf());
        set({ ...empty() });
      },
    };
  });
  twin.subscribe((state, previous) => {
    if (state.plant?.scenarioFile !== previous.plant?.scenarioFile) store.setState({ ...empty() });
  });
  return store;
}

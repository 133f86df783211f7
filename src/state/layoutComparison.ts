import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadScenarioText, type Plant } from '../model/load.ts';
import type { Layout } from '../model/layoutSchema.ts';
import type { Problem } from '../model/problem.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import { kpiDeltas, type KpiDelta } from '../sim/plant/kpiDeltas.ts';
import { endOfFailedRun, type SimPool } from '../workers/simPool.ts';
import type { EditorState } from './layoutEditor.ts';
import type { TwinStore } from './store.ts';

export type ComparisonStatus = 'idle' | 'running' | 'done' | 'invalid' | 'cancelled' | 'failed';

export interface ComparisonState {
  status: ComparisonStatus;
  /** 0..1 over both layouts' replications. */
  progress: number;
  /** Edited − original per KPI, paired by replication. */
  rows: KpiDelta[];
  replications: number;
  seed: number | undefined;
  /** Why the edited layout does not run with the scenario (e.g. a routing names a deleted machine). */
  problems: Problem[];
  error: string | undefined;
  /** The layout edits changed since the rows were computed. */
  stale: boolean;
  run(): Promise<void>;
  cancel(): void;
  close(): void;
}

export type ComparisonStore = ReturnType<typeof createLayoutComparison>;

/**
 * "Compare with original": the scenario on screen is run on the layout as opened and on the
 * edited one, the same seed and replications on the worker pool (common random numbers), and
 * the KPIs are compared pair by pair. The edited layout must first load with the scenario as a
 * file would (`loadScenarioText` with a resolver that returns it); otherwise its problems are
 * the answer.
 */
export function createLayoutComparison(twin: TwinStore, editor: StoreApi<EditorState>, pool: () => SimPool, replications: () => number) {
  let runId = 0;
  /** This comparison's run only: Simulate and Simulate-from-here keep theirs. */
  let abort: AbortController | undefined;
  const store = createStore<ComparisonState>()((set, get) => ({
    status: 'idle',
    progress: 0,
    rows: [],
    replications: 0,
    seed: undefined,
    problems: [],
    error: undefined,
    stale: false,
    async run() {
      const plant = twin.getState().plant;
      const { original, history } = editor.getState();
      if (!plant?.scenario || !original || !history) {
        set({ status: 'failed', error: 'Open a scenario (not only a layout) to compare layouts by simulation.' });
        return;
      }
      const id = ++runId;
      const edited = history.present;
      // The last table stays (shown dimmed) until the new one is ready.
      set({ status: 'running', progress: 0, problems: [], error: undefined, stale: false });
      const checked = await withLayout(plant, plant.scenario, edited);
      if (id !== runId) return;
      if (!checked.ok) {
        set({ status: 'invalid', problems: checked.problems });
        return;
      }
      const n = replications();
      const workers = pool();
      abort?.abort();
      abort = new AbortController();
      const signal = abort.signal;
      try {
        const base = await workers.replicate({ ...plant, layout: original }, { replications: n }, (f) => { if (id === runId) set({ progress: f / 2 }); }, signal);
        if (id !== runId) return;
        const candidate = await workers.replicate(checked.value, { replications: n }, (f) => { if (id === runId) set({ progress: 0.5 + f / 2 }); }, signal);
        if (id !== runId) return;
        set({ status: 'done', progress: 1, rows: kpiDeltas(base, candidate), replications: base.replications, seed: base.seed });
      } catch (error) {
        if (id !== runId) return;
        set(endOfFailedRun(error));
      }
    },
    cancel() {
      if (get().status !== 'running') return;
      runId++;
      abort?.abort();
      set({ status: 'cancelled' });
    },
    close() {
      get().cancel();
      set({ status: 'idle', rows: [], problems: [], error: undefined, stale: false, progress: 0 });
    },
  }));

  editor.subscribe((state, previous) => {
    if (state.history?.present !== previous.history?.present && store.getState().status === 'done') store.setState({ stale: true });
  });
  twin.subscribe((state, previous) => {
    const other = state.plant?.layoutFile !== previous.plant?.layoutFile || state.plant?.scenarioFile !== previous.plant?.scenarioFile;
    if (other && store.getState().status !== 'idle') store.getState().close();
  });
  return store;
}

/** The scenario on screen validated against `layout`, as if the layout were its file. */
async function withLayout(plant: Plant, scenario: Scenario, layout: Layout) {
  const scenarioFile = plant.scenarioFile ?? 'scenario.json';
  const text = JSON.stringify(layout);
  return loadScenarioText(JSON.stringify(scenario), scenarioFile, () => Promise.resolve({ text, file: plant.layoutFile }));
}

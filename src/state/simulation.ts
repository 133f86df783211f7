import { createStore } from 'zustand/vanilla';
import type { ReplicationSummary } from '../sim/plant/replicatePlant.ts';
import type { PlantResult } from '../sim/plant/results.ts';
import { traceHash } from '../sim/plant/trace.ts';
import type { TwinStateSource } from '../playback/stateSource.ts';
import { createTraceSource } from '../playback/traceSource.ts';
import { endOfFailedRun, type SimPool } from '../workers/simPool.ts';
import type { PlaybackStore } from '../playback/clock.ts';
import type { TwinStore } from './store.ts';

export type SimulationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface SimulationState {
  status: SimulationStatus;
  /** Share done, 0..1: the traced run and each replication count alike. */
  progress: number;
  /** Replications for the KPIs (the traced run is replication 0 once more, for playback). */
  replications: number;
  summary: ReplicationSummary | undefined;
  /** The traced run (its trace is what the timeline plays) and its FNV-1a hash. */
  traced: { result: PlantResult; hash: string } | undefined;
  error: string | undefined;
  /** The trace as the timeline's source (placed on the layout on screen). */
  source: TwinStateSource | undefined;
  setReplications(n: number): void;
  /** Simulates the scenario on screen in workers; ends by playing the trace. */
  run(): Promise<void>;
  cancel(): void;
  /** Puts the last trace on the timeline again (after another source was chosen). */
  showTrace(): void;
}

export type SimulationStore = ReturnType<typeof createSimulation>;

/**
 * The "Simulate" session over the twin store: one traced replication for playback and N more on
 * the worker pool for the KPIs with confidence intervals, progress and cancel. The trace becomes
 * the timeline's state source (`hideOthers` stops the demo, so a layout edit does not bring it
 * back); opening another plant forgets the run, a layout edit re-places its parts.
 */
export function createSimulation(twin: TwinStore, playback: PlaybackStore, pool: () => SimPool, hideOthers: () => void = () => {}) {
  let runId = 0;
  /** This store's run: cancelling it leaves Compare and Simulate-from-here running on the shared pool. */
  let abort: AbortController | undefined;

  const store = createStore<SimulationState>()((set, get) => {
    const place = () => {
      const { traced } = get();
      const plant = twin.getState().plant;
      if (!traced?.result.trace || !plant?.scenario) return undefined;
      return createTraceSource(traced.result.trace, plant.layout, {
        label: `Simulation trace (seed ${traced.result.seed}, replication ${traced.result.replication})`,
        startIso: plant.scenario.start,
        horizon: traced.result.horizon,
      });
    };
    return {
      status: 'idle',
      progress: 0,
      replications: twin.getState().plant?.scenario?.experiment.replications ?? 10,
      summary: undefined,
      traced: undefined,
      error: undefined,
      source: undefined,
      setReplications: (n) => set({ replications: Math.max(2, Math.min(1000, Math.floor(n) || 2)) }),
      async run() {
        const plant = twin.getState().plant;
        if (!plant?.scenario) {
          set({ status: 'failed', error: 'Open a scenario (not only a layout) to simulate it.' });
          return;
        }
        const id = ++runId;
        const n = get().replications;
        set({ status: 'running', progress: 0, error: undefined });
        let traceDone = 0;
        let repsDone = 0;
        const show = () => { if (id === runId) set({ progress: (traceDone + repsDone * n) / (n + 1) }); };
        const workers = pool();
        abort?.abort();
        abort = new AbortController();
        try {
          const [result, summary] = await Promise.all([
            workers.simulate(plant, { replication: 0, trace: true }, (f) => { traceDone = f; show(); }, abort.signal),
            workers.replicate(plant, { replications: n }, (f) => { repsDone = f; show(); }, abort.signal),
          ]);
          if (id !== runId) return;
          set({ status: 'done', progress: 1, summary, traced: { result, hash: traceHash(result.trace!) } });
          get().showTrace();
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
      showTrace() {
        const source = place();
        set({ source });
        if (!source) return;
        hideOthers();
        playback.getState().setSource(source);
      },
    };
  });

  twin.subscribe((state, previous) => {
    if (state.plant === previous.plant) return;
    const sameFiles = state.plant?.layoutFile === previous.plant?.layoutFile && state.plant?.scenarioFile === previous.plant?.scenarioFile;
    const { source } = store.getState();
    const showing = source !== undefined && playback.getState().source === source;
    if (!sameFiles) {
      if (store.getState().status === 'running') store.getState().cancel();
      // The scenario's own replication count, as the CLI uses it (experiment.replications).
      const replications = state.plant?.scenario?.experiment.replications ?? store.getState().replications;
      store.setState({ status: 'idle', summary: undefined, traced: undefined, source: undefined, progress: 0, replications });
      if (showing) playback.getState().setSource(undefined);
    } else if (showing) {
      store.getState().showTrace();
    }
  });

  return store;
}

import { createStore } from 'zustand/vanilla';
import { planFromHere } from '../live/fromHere.ts';
import type { Observed } from '../live/snapshot.ts';
import type { ReplicationSummary } from '../sim/plant/replicatePlant.ts';
import { endOfFailedRun, type SimPool } from '../workers/simPool.ts';
import type { TwinStore } from './store.ts';

/** What the twin shows now, and of when: live states, or a recording at the timeline cursor. */
export interface Observation {
  from: 'live' | 'recording';
  timeIso: string;
  states: Observed[];
  /** Recorded devices that are not layout equipment (not mapped): why nothing may match. */
  unmapped?: readonly string[];
}

export interface FromHereState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed' | 'refused';
  progress: number;
  hours: number;
  replications: number;
  /** Fewest pieces of layout equipment with a known state to simulate from. */
  minimum: number;
  /** The snapshot the run started from: its time, equipment count, where it came from and what to know. */
  started: { from: Observation['from']; timeIso: string; equipment: number; states: string[]; dropped: string[]; notes: string[] } | undefined;
  /** When refused: why, and the layout equipment without a known state. */
  refusal: { reason: string; withoutData: string[] } | undefined;
  summary: ReplicationSummary | undefined;
  error: string | undefined;
  setHours(hours: number): void;
  run(): Promise<void>;
  /** Stops this run only (Simulate and Compare on the same pool keep going). */
  cancel(): void;
}

export type FromHereStore = ReturnType<typeof createFromHere>;

/**
 * "Simulate from here": a snapshot of the observed states becomes the scenario's start state,
 * and the next `hours` are replicated in the worker pool for KPIs with confidence intervals.
 * Refused, with the reason and the equipment without data, when too little of the plant was
 * observed (planFromHere). A previous result stays (shown dimmed) while a new run computes.
 */
export function createFromHere(twin: TwinStore, observe: () => Observation | undefined, pool: () => SimPool) {
  let runId = 0;
  let abort: AbortController | undefined;
  return createStore<FromHereState>()((set, get) => ({
    status: 'idle', progress: 0, hours: 8, replications: twin.getState().plant?.scenario?.experiment.replications ?? 10, minimum: 1,
    started: undefined, refusal: undefined, summary: undefined, error: undefined,
    setHours: (hours) => set({ hours: Math.max(1, Math.min(24 * 14, Math.floor(hours) || 1)) }),
    async run() {
      const plant = twin.getState().plant;
      const seen = observe();
      if (!plant?.scenario || !seen) {
        set({ status: 'failed', error: !plant?.scenario ? 'Open a scenario to simulate from the states shown.' : 'Connect to live states or replay a recording first.' });
        return;
      }
      const id = ++runId;
      const plan = planFromHere(plant.scenario, plant.layout, seen.states, seen.timeIso, { hours: get().hours, minimum: get().minimum, unmapped: seen.unmapped ?? [] });
      if (!plan.ok) {
        set({ status: 'refused', refusal: { reason: plan.coverage.reason ?? 'too little of the plant was observed', withoutData: plan.coverage.withoutData }, error: undefined });
        return;
      }
      set({
        status: 'running', progress: 0, error: undefined, refusal: undefined,
        started: {
          from: seen.from, timeIso: seen.timeIso, equipment: plan.snapshot.equipment.length,
          states: plan.snapshot.equipment.map((e) => `${e.id} ${e.state}${e.order ? ` (${e.order})` : ''}`),
          dropped: plan.dropped, notes: plan.notes,
        },
      });
      abort?.abort();
      abort = new AbortController();
      // The scenario's replication count, as the CLI's simulate-from uses it.
      const replications = plant.scenario.experiment.replications;
      set({ replications });
      try {
        const summary = await pool().replicate({ ...plant, scenario: plan.scenario }, { replications }, (f) => { if (id === runId) set({ progress: f }); }, abort.signal);
        if (id === runId) set({ status: 'done', progress: 1, summary });
      } catch (error) {
        if (id === runId) set(endOfFailedRun(error));
      }
    },
    cancel() {
      if (get().status !== 'running') return;
      runId++;
      abort?.abort();
      set({ status: 'cancelled' });
    },
  }));
}

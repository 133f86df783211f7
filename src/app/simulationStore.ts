import { useStore } from 'zustand';
import type { WorkerSimulateOptions } from '../workers/simApi.ts';
import { createBrowserSimPool } from '../workers/browserSimPool.ts';
import { traceHash } from '../sim/plant/trace.ts';
import type { SimPool } from '../workers/simPool.ts';
import { createSimulation, type SimulationState } from './simulation.ts';
import { demoStates, playbackStore, twinStore } from './twinStore.ts';

let pool: SimPool | undefined;
/** The app's worker pool, one worker per core, started on the first simulation. */
export const simPool = (): SimPool => (pool ??= createBrowserSimPool());

export const simulationStore = createSimulation(twinStore, playbackStore, simPool, () => demoStates.hide());

export function useSimulation<T>(selector: (state: SimulationState) => T): T {
  return useStore(simulationStore, selector);
}

/** What browser tests read: the hash of a worker run's trace for the plant on screen. */
export interface SimProbe {
  traceHash(options: WorkerSimulateOptions): Promise<string | undefined>;
  /** The hash of the trace the Simulate button last produced. */
  lastTraceHash(): string | undefined;
}

declare global {
  interface Window { __sim?: SimProbe }
}

if (typeof window !== 'undefined') {
  window.__sim = {
    async traceHash(options) {
      const plant = twinStore.getState().plant;
      if (!plant?.scenario) return undefined;
      const result = await simPool().simulate(plant, { ...options, trace: true });
      return traceHash(result.trace!);
    },
    lastTraceHash: () => simulationStore.getState().traced?.hash,
  };
}

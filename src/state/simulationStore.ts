import { useStore } from 'zustand';
import { createBrowserSimPool } from '../workers/browserSimPool.ts';
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

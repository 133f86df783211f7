import { useStore } from 'zustand';
import { bundledSamples } from './bundledSamples.ts';
import { createTwinStore, type TwinState } from './store.ts';

/** The one store of the running app; components read small slices of it through useTwin. */
export const twinStore = createTwinStore(bundledSamples);

export function useTwin<T>(selector: (state: TwinState) => T): T {
  return useStore(twinStore, selector);
}

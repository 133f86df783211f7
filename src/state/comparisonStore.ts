import { useStore } from 'zustand';
import { createLayoutComparison, type ComparisonState } from './layoutComparison.ts';
import { simPool, simulationStore } from './simulationStore.ts';
import { layoutEditor, twinStore } from './twinStore.ts';

/** The layout editor's "Compare with original", on the Simulate panel's pool and replication count. */
export const comparisonStore = createLayoutComparison(twinStore, layoutEditor, simPool, () => simulationStore.getState().replications);

export function useComparison<T>(selector: (state: ComparisonState) => T): T {
  return useStore(comparisonStore, selector);
}

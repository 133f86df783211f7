import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Plan } from '../scheduling/plan.ts';

export interface RiskState {
  result: { plan: Plan; atRisk: Uint8Array } | undefined;
}

export const riskStore = createStore<RiskState>()(() => ({ result: undefined }));

export function useRisk<T>(selector: (state: RiskState) => T): T {
  return useStore(riskStore, selector);
}

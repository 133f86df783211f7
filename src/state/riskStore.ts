import { useStore } from 'zustand';
import { createRisk, type RiskState } from './risk.ts';
import { schedulingStore } from './schedulingStore.ts';
import { simPool } from './simulationStore.ts';
import { twinStore } from './twinStore.ts';

export const riskStore = createRisk(twinStore, schedulingStore, simPool);

export function useRisk<T>(selector: (state: RiskState) => T): T {
  return useStore(riskStore, selector);
}

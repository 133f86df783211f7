import { traceHash } from '../sim/plant/trace.ts';
import { simPool, simulationStore } from '../state/simulationStore.ts';
import { twinStore } from '../state/twinStore.ts';
import type { WorkerSimulateOptions } from '../workers/simApi.ts';

/** What browser tests read: the hash of a worker run's trace for the plant on screen. */
export interface SimProbe {
  traceHash(options: WorkerSimulateOptions): Promise<string | undefined>;
  /** The hash of the trace the Simulate button last produced. */
  lastTraceHash(): string | undefined;
}

declare global {
  interface Window { __sim?: SimProbe }
}

export function exposeSimProbe(): void {
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

import { proxy, type Remote } from 'comlink';
import type { Plant } from '../model/load.ts';
import { summariseReplications, type ReplicationSummary } from '../sim/plant/replicatePlant.ts';
import type { PlantResult } from '../sim/plant/results.ts';
import type { SimApi, WorkerReplicateOptions, WorkerSimulateOptions } from './simApi.ts';

/** One worker as the pool sees it: its comlink proxy and a way to end it. */
export interface SimWorker { api: Remote<SimApi>; terminate(): void }

/** A pool call that was cancelled rejects with this; nothing else does. */
export class SimulationCancelled extends Error {
  constructor() { super('simulation cancelled'); this.name = 'SimulationCancelled'; }
}

/** How a run that threw ends for its caller: cancelled by the user, or failed with its message. */
export function endOfFailedRun(error: unknown): { status: 'cancelled' } | { status: 'failed'; error: string } {
  if (error instanceof SimulationCancelled) return { status: 'cancelled' };
  return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
}

export interface PoolReplicateOptions extends WorkerReplicateOptions {
  replications: number;
  /** Confidence level of the intervals; default 0.95. */
  level?: number;
}

export interface SimPool {
  readonly size: number;
  /** One replication on one worker (with its trace, transferred, when asked). */
  simulate(plant: Plant, options: WorkerSimulateOptions, onProgress?: (fraction: number) => void): Promise<PlantResult>;
  /** Replications 0 … n−1 spread over the workers, summarised as replicatePlant does; progress = done / n. */
  replicate(plant: Plant, options: PoolReplicateOptions, onProgress?: (fraction: number) => void): Promise<ReplicationSummary>;
  /** Ends every call in progress: its workers are terminated (and replaced when next needed), its promise rejects with SimulationCancelled. */
  cancel(): void;
  /** Terminates every worker. */
  close(): void;
}

/**
 * N workers, started when first needed. Replications are handed out in small chunks to whichever
 * worker is free, so a slow worker does not hold the rest up; each replication's numbers do not
 * depend on where it runs (streams are keyed by seed and replication), so the summary is the
 * same as replicatePlant's in one thread. Cancelling terminates the busy workers rather than
 * asking them to stop: it is immediate whatever they are doing.
 */
export function createSimPool(size: number, spawn: () => SimWorker): SimPool {
  const slots: (SimWorker | undefined)[] = Array.from({ length: Math.max(1, size) }, () => undefined);
  /** Calls in progress: cancelling rejects them and terminates their workers. */
  const pending = new Set<{ slot: number; reject: (e: Error) => void }>();

  function worker(slot: number): SimWorker {
    return (slots[slot] ??= spawn());
  }

  function call<T>(slot: number, work: (api: Remote<SimApi>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry = { slot, reject };
      pending.add(entry);
      work(worker(slot).api).then(
        (value) => { if (pending.delete(entry)) resolve(value); },
        (error: unknown) => { if (pending.delete(entry)) reject(error instanceof Error ? error : new Error(String(error))); },
      );
    });
  }

  return {
    size: slots.length,
    async simulate(plant, options, onProgress) {
      // Progress comes over its own port and may trail the result: keep it monotonic, end at 1.
      let shown = 0;
      const report = (f: number) => { if (f > shown) { shown = f; onProgress?.(f); } };
      const result = await call(0, (api) => api.simulate(plant, options, onProgress && proxy(report)));
      report(result.cancelled ? shown : 1);
      return result;
    },
    async replicate(plant, options, onProgress) {
      const { replications: n, level, ...rest } = options;
      const chunk = Math.max(1, Math.ceil(n / (slots.length * 4)));
      const results: PlantResult[] = [];
      let next = 0;
      let done = 0;
      const loop = async (slot: number): Promise<void> => {
        while (next < n) {
          const first = next;
          next = Math.min(n, next + chunk);
          const indices = Array.from({ length: next - first }, (_, i) => first + i);
          let reported = 0;
          // Counts come over their own port and may trail the chunk's result: only ever count up.
          const count = (upTo: number) => {
            if (upTo <= reported) return;
            done += upTo - reported;
            reported = upTo;
            onProgress?.(done / n);
          };
          const runs = await call(slot, (api) => api.replicate(plant, rest, indices, proxy(count)));
          count(runs.length);
          results.push(...runs);
        }
      };
      await Promise.all(slots.slice(0, Math.min(slots.length, Math.ceil(n / chunk))).map((_, slot) => loop(slot)));
      results.sort((a, b) => a.replication - b.replication);
      return summariseReplications(results, level);
    },
    cancel() {
      for (const entry of pending) {
        slots[entry.slot]?.terminate();
        slots[entry.slot] = undefined;
        entry.reject(new SimulationCancelled());
      }
      pending.clear();
    },
    close() {
      this.cancel();
      slots.forEach((w, i) => { w?.terminate(); slots[i] = undefined; });
    },
  };
}

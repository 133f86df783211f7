import { proxy, type Remote } from 'comlink';
import type { ReplicationRecord } from '../experiment/replicationRecord.ts';
import type { OrderCompletions } from '../scheduling/risk.ts';
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

/** Replications of one plant, as a batch of an experiment asks for them. */
export interface RecordTask {
  plant: Plant;
  options: WorkerReplicateOptions;
  replications: readonly number[];
}

export interface SimPool {
  readonly size: number;
  /** One replication on one worker (with its trace, transferred, when asked). */
  simulate(plant: Plant, options: WorkerSimulateOptions, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<PlantResult>;
  /** Replications 0 … n−1 spread over the workers, summarised as replicatePlant does; progress = done / n. */
  replicate(plant: Plant, options: PoolReplicateOptions, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<ReplicationSummary>;
  /**
   * Replications of several plants as compact records, all on one queue so no worker idles
   * while another finishes its plant. `onRecords(task, records)` as each chunk comes back (any
   * order); `onDone()` after every finished replication.
   */
  records(tasks: readonly RecordTask[], onRecords: (task: number, records: ReplicationRecord[]) => void,
    onDone?: () => void, signal?: AbortSignal): Promise<void>;
  /** As `records`, but each replication as its orders' completion times (the risk of a schedule). */
  completions(tasks: readonly RecordTask[], onCompletions: (task: number, runs: OrderCompletions[]) => void,
    onDone?: () => void, signal?: AbortSignal): Promise<void>;
  /** Ends every call in progress (its promise rejects with SimulationCancelled); each call's own signal ends only that call. */
  cancel(): void;
  /** Terminates every worker. */
  close(): void;
}

/** Plants a worker keeps at once; a sweep cycles through its configurations, most recent first. */
const PLANTS_PER_WORKER = 24;
/** Chunks per worker a batch of replications is cut into: small enough to balance, large enough that calls cost nothing. */
const CHUNKS_PER_WORKER = 4;
/** A chunk never holds more replications than this, so progress and cancel stay prompt. */
const MAX_CHUNK = 25;

interface Job {
  run: Run;
  plant: Plant;
  work(api: Remote<SimApi>, plantKey: number, token: number): Promise<void>;
}

/** One public call: its token (for the workers' cancel), its queued jobs, and how it ends. */
interface Run {
  token: number;
  ended: boolean;
  /** Workers busy with this run's jobs, told to stop when it is cancelled. */
  busy: Set<number>;
  fail(error: Error): void;
}

/** A worker call that returned short was told to stop, which only a cancelled run does; anything else is a bug to surface. */
function stoppedEarly(run: Run): void {
  if (!run.ended) throw new Error('a simulation worker stopped a run nobody cancelled');
}

interface Slot {
  worker: SimWorker | undefined;
  busy: boolean;
  /** Plant keys this worker holds, least recently used first. */
  plants: Map<number, true>;
}

/**
 * N workers, started when first needed, fed from one queue of jobs. Each replication's numbers
 * do not depend on where it runs (streams are keyed by seed and replication), so summaries equal
 * replicatePlant's in one thread. A plant is sent to a worker once and named by key afterwards.
 *
 * Each call is a run with a token: cancelling it (its AbortSignal, or `cancel()` for all) drops
 * its queued jobs, tells the workers running its jobs to stop at their next step, and rejects its
 * promise at once. Other runs keep going, on the same workers.
 */
export function createSimPool(size: number, spawn: () => SimWorker): SimPool {
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => ({ worker: undefined, busy: false, plants: new Map() }));
  const queue: Job[] = [];
  const runs = new Set<Run>();
  const plantKeys = new WeakMap<Plant, number>();
  let nextKey = 1;
  let nextToken = 1;

  function keyOf(plant: Plant): number {
    let key = plantKeys.get(plant);
    if (key === undefined) plantKeys.set(plant, key = nextKey++);
    return key;
  }

  function workerOf(slot: Slot): SimWorker {
    if (!slot.worker) {
      slot.worker = spawn();
      slot.plants.clear();
    }
    return slot.worker;
  }

  /** Sends the plant unless the worker has it; comlink keeps the calls to one worker in order. */
  function ensurePlant(slot: Slot, plant: Plant): number {
    const key = keyOf(plant);
    const api = workerOf(slot).api;
    if (slot.plants.delete(key)) {
      slot.plants.set(key, true);
      return key;
    }
    if (slot.plants.size >= PLANTS_PER_WORKER) {
      const oldest = slot.plants.keys().next().value!;
      slot.plants.delete(oldest);
      void api.forgetPlant(oldest);
    }
    void api.setPlant(key, plant);
    slot.plants.set(key, true);
    return key;
  }

  function pump(): void {
    for (let i = 0; i < slots.length && queue.length > 0; i++) {
      const slot = slots[i]!;
      if (slot.busy) continue;
      const job = queue.shift()!;
      slot.busy = true;
      job.run.busy.add(i);
      const key = ensurePlant(slot, job.plant);
      job.work(workerOf(slot).api, key, job.run.token)
        .catch((error: unknown) => job.run.fail(error instanceof Error ? error : new Error(String(error))))
        .finally(() => {
          slot.busy = false;
          job.run.busy.delete(i);
          pump();
        });
    }
  }

  /** Starts a run: `body` queues its jobs and settles it; the signal or `cancel()` ends it early. */
  function start<T>(signal: AbortSignal | undefined, body: (run: Run, resolve: (value: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new SimulationCancelled());
        return;
      }
      const run: Run = {
        token: nextToken++,
        ended: false,
        busy: new Set(),
        fail(error) {
          if (run.ended) return;
          end();
          for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.run === run) queue.splice(i, 1);
          if (error instanceof SimulationCancelled) for (const i of run.busy) void slots[i]!.worker?.api.cancel(run.token);
          reject(error);
        },
      };
      const onAbort = () => run.fail(new SimulationCancelled());
      const end = () => {
        run.ended = true;
        runs.delete(run);
        signal?.removeEventListener('abort', onAbort);
      };
      runs.add(run);
      signal?.addEventListener('abort', onAbort);
      body(run, (value) => {
        if (run.ended) return;
        end();
        resolve(value);
      });
    });
  }

  function enqueue(run: Run, plant: Plant, work: Job['work']): void {
    if (run.ended) return;
    queue.push({ run, plant, work });
    pump();
  }

  /** Cuts replications into chunks for the pool's workers. */
  function chunks(replications: readonly number[]): number[][] {
    const size = Math.min(MAX_CHUNK, Math.max(1, Math.ceil(replications.length / (slots.length * CHUNKS_PER_WORKER))));
    const out: number[][] = [];
    for (let i = 0; i < replications.length; i += size) out.push(replications.slice(i, i + size));
    return out;
  }

  /** Replications of several plants on the one queue, each chunk's items handed to `onItems` as it comes back. */
  function batches<T>(
    tasks: readonly RecordTask[],
    call: (api: Remote<SimApi>, key: number, task: RecordTask, indices: number[], count: ((done: number) => void) | undefined, token: number) => Promise<T[]>,
    onItems: (task: number, items: T[]) => void,
    onDone: (() => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    return start<void>(signal, (run, resolve) => {
      const jobs = tasks.flatMap((task, t) => chunks(task.replications).map((indices) => ({ task, t, indices })));
      let left = jobs.length;
      if (left === 0) resolve();
      for (const { task, t, indices } of jobs) {
        let reported = 0;
        const count = (upTo: number) => {
          for (; reported < upTo; reported++) if (!run.ended) onDone?.();
        };
        enqueue(run, task.plant, async (api, key, token) => {
          const items = await call(api, key, task, indices, onDone && proxy(count), token);
          if (items.length < indices.length) return stoppedEarly(run);
          if (run.ended) return;
          count(items.length);
          onItems(t, items);
          if (--left === 0) resolve();
        });
      }
    });
  }

  const pool: SimPool = {
    size: slots.length,
    simulate(plant, options, onProgress, signal) {
      return start<PlantResult>(signal, (run, resolve) => {
        // Progress comes over its own port and may trail the result: keep it monotonic, end at 1.
        let shown = 0;
        const report = (f: number) => { if (!run.ended && f > shown) { shown = f; onProgress?.(f); } };
        enqueue(run, plant, async (api, key, token) => {
          const result = await api.simulate(key, options, onProgress && proxy(report), token);
          if (result.cancelled) return stoppedEarly(run);
          report(1);
          resolve(result);
        });
      });
    },
    replicate(plant, options, onProgress, signal) {
      const { replications: n, level, ...rest } = options;
      return start<ReplicationSummary>(signal, (run, resolve) => {
        const results: PlantResult[] = [];
        let done = 0;
        const parts = chunks(Array.from({ length: n }, (_, i) => i));
        let left = parts.length;
        for (const indices of parts) {
          let reported = 0;
          // Counts come over their own port and may trail the chunk's result: only ever count up.
          const count = (upTo: number) => {
            if (run.ended || upTo <= reported) return;
            done += upTo - reported;
            reported = upTo;
            onProgress?.(done / n);
          };
          enqueue(run, plant, async (api, key, token) => {
            const runs = await api.replicate(key, rest, indices, proxy(count), token);
            if (runs.length < indices.length) return stoppedEarly(run);
            count(runs.length);
            results.push(...runs);
            if (--left === 0) {
              results.sort((a, b) => a.replication - b.replication);
              resolve(summariseReplications(results, level));
            }
          });
        }
      });
    },
    records: (tasks, onRecords, onDone, signal) => batches(tasks, (api, key, task, indices, count, token) => api.records(key, task.options, indices, count, token), onRecords, onDone, signal),
    completions: (tasks, onRuns, onDone, signal) => batches(tasks, (api, key, task, indices, count, token) => api.completions(key, task.options, indices, count, token), onRuns, onDone, signal),
    cancel() {
      for (const run of [...runs]) run.fail(new SimulationCancelled());
    },
    close() {
      pool.cancel();
      for (const slot of slots) {
        slot.worker?.terminate();
        slot.worker = undefined;
        slot.busy = false;
        slot.plants.clear();
      }
    },
  };
  return pool;
}

import { transfer } from 'comlink';
import { toReplicationRecord, type ReplicationRecord } from '../experiment/replicationRecord.ts';
import type { Plant } from '../model/load.ts';
import type { PlantResult } from '../sim/plant/results.ts';
import type { OrderCompletions } from '../scheduling/risk.ts';
import { stepPlant, type SimulateOptions } from '../sim/plant/simulatePlant.ts';
import { traceArrays } from '../sim/plant/trace.ts';

/** What crosses the worker boundary: the options without their callbacks (those go as a proxied argument). */
export type WorkerSimulateOptions = Omit<SimulateOptions, 'onProgress' | 'shouldCancel'>;
export type WorkerReplicateOptions = Omit<WorkerSimulateOptions, 'replication' | 'trace'>;

/** A plant sent with the call, or the key of one sent before with `setPlant`. */
export type PlantRef = Plant | number;

/** A worker stays answerable (to cancel) by giving its event loop a turn this often, in ms. */
const YIELD_EVERY_MS = 30;
/** Cancelled call tokens remembered; older ones belong to calls long finished. */
const CANCELLED_KEPT = 256;

/** A macrotask turn without the 4 ms clamp nested timers get. */
function yielder(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () => new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

/**
 * The plant simulation as a worker exposes it: a few lines over src/sim/plant. A run yields to
 * the worker's event loop between steps so that `cancel()` is heard; a cancelled call returns
 * what was run (`cancelled: true`). Traces leave as transferred buffers, never copied.
 *
 * Plants can be sent once (`setPlant`) and named by key afterwards: a replication of a week
 * takes a few milliseconds, about what copying and compiling the plant again would cost.
 * Each call may carry a token; `cancel(token)` stops only the calls with that token.
 */
export function createSimApi(yieldEveryMs = YIELD_EVERY_MS) {
  const turn = yielder();
  const plants = new Map<number, Plant>();
  const cancelled = new Set<number>();
  let generation = 0;

  function plantOf(ref: PlantRef): Plant {
    if (typeof ref !== 'number') return ref;
    const plant = plants.get(ref);
    if (!plant) throw new Error(`simulation worker: no plant with key ${ref} (send it with setPlant first)`);
    return plant;
  }

  function stopper(token: number | undefined): () => boolean {
    const mine = generation;
    return () => generation !== mine || (token !== undefined && cancelled.has(token));
  }

  async function run(plant: Plant, options: SimulateOptions, stopped: () => boolean, onFraction?: (f: number) => void): Promise<PlantResult> {
    const steps = stepPlant(plant, options);
    let since = performance.now();
    for (;;) {
      const more = steps.step();
      onFraction?.(steps.fraction);
      if (!more) break;
      if (performance.now() - since >= yieldEveryMs) {
        await turn();
        since = performance.now();
      }
      if (stopped()) break;
    }
    return steps.finish();
  }

  async function each<T>(ref: PlantRef, options: WorkerReplicateOptions, replications: number[], token: number | undefined,
    onDone: ((done: number) => void) | undefined, keep: (result: PlantResult) => T): Promise<T[]> {
    const plant = plantOf(ref);
    const stopped = stopper(token);
    const results: T[] = [];
    for (const replication of replications) {
      const result = await run(plant, { ...options, replication, trace: false }, stopped);
      if (result.cancelled) break;
      results.push(keep(result));
      void onDone?.(results.length);
      if (stopped()) break;
    }
    return results;
  }

  return {
    /** Keeps a plant under a key for later calls (replacing one with the same key). */
    setPlant(key: number, plant: Plant): void {
      plants.set(key, plant);
    },
    forgetPlant(key: number): void {
      plants.delete(key);
    },
    /** One replication; with `trace: true` the trace's buffers are transferred to the caller. */
    async simulate(plant: PlantRef, options: WorkerSimulateOptions, onProgress?: (fraction: number) => void, token?: number): Promise<PlantResult> {
      const result = await run(plantOf(plant), options, stopper(token), onProgress && ((f) => void onProgress(f)));
      return result.trace ? transfer(result, traceArrays(result.trace).map((a) => a.buffer as ArrayBuffer)) : result;
    },
    /**
     * The given replications, without traces, in the order asked; `onDone` after each one with
     * how many are done. A cancelled call returns the replications it finished.
     */
    replicate(plant: PlantRef, options: WorkerReplicateOptions, replications: number[], onDone?: (done: number) => void, token?: number): Promise<PlantResult[]> {
      return each(plant, options, replications, token, onDone, (r) => r);
    },
    /** As `replicate`, but each replication comes back as the compact record experiments keep. */
    records(plant: PlantRef, options: WorkerReplicateOptions, replications: number[], onDone?: (done: number) => void, token?: number): Promise<ReplicationRecord[]> {
      return each(plant, options, replications, token, onDone, toReplicationRecord);
    },
    /**
     * As `replicate`, but each replication comes back as when each order was complete (scenario
     * order, NaN while open): what the risk of a schedule needs, a few kB a replication.
     */
    async completions(plant: PlantRef, options: WorkerReplicateOptions, replications: number[], onDone?: (done: number) => void, token?: number): Promise<OrderCompletions[]> {
      const runs = await each(plant, options, replications, token, onDone, toCompletions);
      return transfer(runs, runs.map((r) => r.completedAt.buffer as ArrayBuffer));
    },
    /** Stops the runs with this token at their next step; without a token, every run in progress. */
    cancel(token?: number): void {
      if (token === undefined) {
        generation++;
        return;
      }
      cancelled.add(token);
      if (cancelled.size > CANCELLED_KEPT) cancelled.delete(cancelled.values().next().value!);
    },
  };
}

export type SimApi = ReturnType<typeof createSimApi>;

/** Per order of the scenario, when it was complete (NaN while open at the run's end). */
export function toCompletions(r: PlantResult): OrderCompletions {
  return { replication: r.replication, completedAt: Float64Array.from(r.orders, (o) => o.completedAt ?? NaN), horizon: r.horizon };
}

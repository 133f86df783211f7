import { transfer } from 'comlink';
import type { Plant } from '../model/load.ts';
import type { PlantResult } from '../sim/plant/results.ts';
import { stepPlant, type SimulateOptions } from '../sim/plant/simulatePlant.ts';
import { traceArrays } from '../sim/plant/trace.ts';

/** What crosses the worker boundary: the options without their callbacks (those go as a proxied argument). */
export type WorkerSimulateOptions = Omit<SimulateOptions, 'onProgress' | 'shouldCancel'>;
export type WorkerReplicateOptions = Omit<WorkerSimulateOptions, 'replication' | 'trace'>;

/** A worker stays answerable (to cancel) by giving its event loop a turn this often, in ms. */
const YIELD_EVERY_MS = 30;

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
 */
export function createSimApi(yieldEveryMs = YIELD_EVERY_MS) {
  const turn = yielder();
  let generation = 0;

  async function run(plant: Plant, options: SimulateOptions, onFraction?: (f: number) => void): Promise<PlantResult> {
    const mine = generation;
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
      if (generation !== mine) break;
    }
    return steps.finish();
  }

  return {
    /** One replication; with `trace: true` the trace's buffers are transferred to the caller. */
    async simulate(plant: Plant, options: WorkerSimulateOptions, onProgress?: (fraction: number) => void): Promise<PlantResult> {
      const result = await run(plant, options, onProgress && ((f) => void onProgress(f)));
      return result.trace ? transfer(result, traceArrays(result.trace).map((a) => a.buffer as ArrayBuffer)) : result;
    },
    /**
     * The given replications, without traces, in the order asked; `onDone` after each one with
     * how many are done. Stops after the current one when cancelled.
     */
    async replicate(plant: Plant, options: WorkerReplicateOptions, replications: number[], onDone?: (done: number) => void): Promise<PlantResult[]> {
      const mine = generation;
      const results: PlantResult[] = [];
      for (const replication of replications) {
        const result = await run(plant, { ...options, replication, trace: false });
        results.push(result);
        void onDone?.(results.length);
        if (result.cancelled || generation !== mine) break;
      }
      return results;
    },
    /** Stops the runs in progress at their next step. */
    cancel(): void {
      generation++;
    },
  };
}

export type SimApi = ReturnType<typeof createSimApi>;

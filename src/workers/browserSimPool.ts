import { wrap } from 'comlink';
import type { SimApi } from './simApi.ts';
import { createSimPool, type SimPool } from './simPool.ts';

/** Workers beyond this rarely pay for their memory and start-up on a desktop. */
const MAX_WORKERS = 8;

/** One module worker per core (navigator.hardwareConcurrency, capped). */
export function createBrowserSimPool(size = Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 2)): SimPool {
  return createSimPool(size, () => {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'plant-sim' });
    return { api: wrap<SimApi>(worker), terminate: () => worker.terminate() };
  });
}

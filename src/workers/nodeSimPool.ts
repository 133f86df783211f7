import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SimApi } from './simApi.ts';
import { createSimPool, type SimPool } from './simPool.ts';

/**
 * The pool on Node worker threads (benchmark, CLI). Each thread starts at simNodeWorker.mjs,
 * which registers tsx and imports the TypeScript entry, so the threads run the same sources as
 * the tests with no build step. Threads are unref'd: an idle pool does not keep Node alive.
 */
export function createNodeSimPool(size = cpus().length): SimPool {
  return createSimPool(size, () => {
    const worker = new Worker(new URL('./simNodeWorker.mjs', import.meta.url));
    worker.unref();
    return { api: wrap<SimApi>(nodeEndpoint(worker)), terminate: () => void worker.terminate() };
  });
}

import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { buildSync } from 'esbuild';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SimApi } from './simApi.ts';
import { createSimPool, type SimPool } from './simPool.ts';

let workerSource: URL | undefined;

/**
 * The worker entry and everything it imports as one ES module, bundled from the sources by
 * esbuild once per process and handed to each thread as a data URL. Why not tsx in every
 * thread, as the CLI's main thread does: each thread then starts its own loader-hooks thread
 * that resolves and transforms every module again — about 0.7 s of CPU per worker, measured,
 * against about 0.15 s for the bundle made once and 0.2 s per thread to evaluate it.
 */
function workerUrl(): URL {
  if (!workerSource) {
    const built = buildSync({
      entryPoints: [fileURLToPath(new URL('./simNodeWorker.ts', import.meta.url))],
      bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, logLevel: 'silent',
    });
    workerSource = new URL(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0]!.contents).toString('base64')}`);
  }
  return workerSource;
}

/**
 * The pool on Node worker threads (the CLI's experiments, benchmarks). The threads run the same
 * sources as the tests, bundled when the first thread starts (no build step). Threads are
 * unref'd: an idle pool does not keep Node alive.
 */
export function createNodeSimPool(size = cpus().length): SimPool {
  return createSimPool(size, () => {
    const worker = new Worker(workerUrl());
    worker.unref();
    return { api: wrap<SimApi>(nodeEndpoint(worker)), terminate: () => void worker.terminate() };
  });
}

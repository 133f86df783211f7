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
 * Young-generation heap of each thread (V8's default gives 16 MB semi-spaces; this is 32 MB ones).
 * A replication allocates many short-lived objects (events, lots, choices); with the default,
 * scavenges took about 14 % of a worker's time in a profile of bench:sweep. Measured in one
 * thread, 40 replications of the kitchen week: 8.1–8.4 ms of CPU each with 32 MB semi-spaces
 * against 8.6–10.8 ms with the default; bench:sweep's process CPU 12.6–15.0 s against 14.1–15.4 s
 * (at load average 21, so noisy). Costs about 50 MB more memory per thread; results are unchanged.
 */
const YOUNG_GENERATION_MB = 96;

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
    const worker = new Worker(workerUrl(), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.unref();
    return { api: wrap<SimApi>(nodeEndpoint(worker)), terminate: () => void worker.terminate() };
  });
}

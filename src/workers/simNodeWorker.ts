import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { createSimApi } from './simApi.ts';

/** The same API as sim.worker.ts on a Node worker thread (nodeSimPool.ts bundles this entry). */
if (!parentPort) throw new Error('simNodeWorker.ts runs as a worker thread');
expose(createSimApi(), nodeEndpoint(parentPort));

import { bundledFiles } from './bundledStudies.ts';
import { createNetworkSession } from './networkSession.ts';
import { simPool } from './simulationStore.ts';

/** The app's network session, on the shared worker pool. */
export const networkStore = createNetworkSession(simPool, bundledFiles);

import { bundledFiles } from './bundledStudies.ts';
import { createLiveSites } from './liveSites.ts';
import { loadConnect } from './liveStore.ts';
import { createNetworkSession } from './networkSession.ts';
import { simPool } from './simulationStore.ts';

/** The network's live sites, connected by the same MQTT.js loader as the live view. */
export const liveSitesStore = createLiveSites(loadConnect);

/** The app's network session, on the shared worker pool. */
export const networkStore = createNetworkSession(simPool, bundledFiles, liveSitesStore);

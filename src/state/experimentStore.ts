import { bundledFiles } from './bundledStudies.ts';
import { createExperimentSession } from './experimentSession.ts';
import { simPool } from './simulationStore.ts';

/** The app's experiment session, on the Simulate panel's worker pool. */
export const experimentStore = createExperimentSession(simPool, bundledFiles);

import { createScenarioDraft, indexedDbScenarioDrafts, memoryScenarioDrafts } from './scenarioDraft.ts';
import { twinStore } from './twinStore.ts';

/** The app's scenario editor state: drafts in IndexedDB where the browser has it. */
export const scenarioDraftStore = createScenarioDraft(twinStore, typeof indexedDB === 'undefined' ? memoryScenarioDrafts() : indexedDbScenarioDrafts());

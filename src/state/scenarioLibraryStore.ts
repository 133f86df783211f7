import { createScenarioLibrary, indexedDbLibrary, memoryLibrary } from './scenarioLibrary.ts';
import { twinStore } from './twinStore.ts';

/** The app's scenario library, in IndexedDB where the browser has it. */
export const scenarioLibraryStore = createScenarioLibrary(twinStore, typeof indexedDB === 'undefined' ? memoryLibrary() : indexedDbLibrary());

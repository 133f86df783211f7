import { wrap, type Remote } from 'comlink';
import { useStore } from 'zustand';
import type { TrainingApi } from '../workers/trainingApi.ts';
import { bundledTexts } from './bundledLessons.ts';
import { indexedDbHistory, memoryHistory } from './lessonHistory.ts';
import { createTraining, type TrainingState } from './training.ts';
import { demoStates, playback, twinStore } from './twinStore.ts';

let worker: Remote<TrainingApi> | undefined;
/** The training worker, started with the first lesson. */
const backend = () => (worker ??= wrap<TrainingApi>(new Worker(new URL('../workers/training.worker.ts', import.meta.url), { type: 'module', name: 'plant-training' })));

/** Checks a lesson's text (authored in the app) with the loader's messages, against the bundled samples. */
export const trainingCheck = (text: string, file: string) => backend().check(text, file, { texts: bundledTexts() });

/** Attempts per trainee, kept in this browser. */
export const lessonHistory = typeof indexedDB === 'undefined' ? memoryHistory() : indexedDbHistory();

/** The Train workspace's lesson session. */
export const trainingStore = createTraining({
  backend, twin: twinStore, clock: playback, texts: bundledTexts, history: lessonHistory, hideOthers: () => demoStates.hide(),
});

export function useTraining<T>(selector: (state: TrainingState) => T): T {
  return useStore(trainingStore, selector);
}

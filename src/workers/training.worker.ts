import { expose } from 'comlink';
import { createTrainingApi } from './trainingApi.ts';

/** Lessons off the UI thread: every pause and every judged decision simulates (see trainingApi.ts). */
expose(createTrainingApi());

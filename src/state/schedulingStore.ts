import { useStore } from 'zustand';
import { startScheduleWorker, type ScheduleClient } from '../workers/scheduleClient.ts';
import { observeLive, observeRecording } from './fromHereStore.ts';
import { createScheduling, type SchedulingState } from './scheduling.ts';
import { twinStore } from './twinStore.ts';

let client: ScheduleClient | undefined;
/** The app's schedule worker, started on the first Schedule. */
const scheduleWorker = (): ScheduleClient => (client ??= startScheduleWorker());

export const schedulingStore = createScheduling(twinStore, scheduleWorker, (from) => (from === 'live' ? observeLive() : observeRecording()));

export function useScheduling<T>(selector: (state: SchedulingState) => T): T {
  return useStore(schedulingStore, selector);
}

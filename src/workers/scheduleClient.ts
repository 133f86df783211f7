import { proxy, wrap, type Remote } from 'comlink';
import type { ScheduleApi, ScheduleOptions, SchedulePlant, ScheduleProgress, ScheduleResult } from './scheduleApi.ts';

/** A typed handle on a schedule worker: run one schedule with progress, cancel it, close the worker. */
export interface ScheduleClient {
  schedule(plant: SchedulePlant, options?: ScheduleOptions, onProgress?: (p: ScheduleProgress) => void): Promise<ScheduleResult>;
  cancel(): Promise<void>;
  close(): void;
}

export function scheduleClient(worker: Worker): ScheduleClient {
  const remote: Remote<ScheduleApi> = wrap<ScheduleApi>(worker);
  return {
    schedule: (plant, options = {}, onProgress) => remote.schedule(plant, options, onProgress ? proxy(onProgress) : undefined),
    cancel: () => remote.cancel(),
    close: () => worker.terminate(),
  };
}

/** Starts the schedule worker (Vite bundles it as a module worker). */
export function startScheduleWorker(): ScheduleClient {
  return scheduleClient(new Worker(new URL('./schedule.worker.ts', import.meta.url), { type: 'module' }));
}

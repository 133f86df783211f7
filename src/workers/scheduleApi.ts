import type { Layout } from '../model/layoutSchema.ts';
import type { Scenario } from '../model/scenarioSchema.ts';
import type { Schedule } from '../model/scheduleSchema.ts';
import type { Objective, ObjectiveKpis } from '../../solver/objective.ts';
import { plantOutputs, type PlantOutputs } from '../../solver/plant/plantOutputs.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import type { PlantBounds } from '../../solver/plant/plantBounds.ts';
import { SolveCancelledError, solvePlantAsync } from '../../solver/plant/solvePlant.ts';
import type { PlantTimetable } from '../../solver/plant/plantTimetable.ts';

export interface ScheduleOptions {
  objective?: Objective;
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  /** A previous schedule whose locked operations stay in place. */
  previous?: Schedule;
  /** Schedule version id and creation time written into the files. */
  id?: string;
  createdAt?: string;
}

export interface ScheduleProgress {
  iteration: number;
  elapsedMs: number;
  best: number[];
  lowerBound: number[];
}

export interface ScheduleResult extends PlantOutputs {
  kpis: ObjectiveKpis;
  edd: ObjectiveKpis;
  value: number[];
  lowerBound: number[];
  /** Each criterion's bound and which bound gave the makespan and the lateness ones. */
  bounds: PlantBounds;
  gap: number;
  iterations: number;
  /** Locks of `previous` that could not be kept, with the reason. */
  droppedLocks: string[];
  /** The engine's own timetable (batches, operator pools, buffer room): what the Schedule workspace edits. */
  timetable: PlantTimetable;
}

/** The plant to schedule: its layout (buffers, transport) and scenario. */
export interface SchedulePlant {
  layout: Layout;
  scenario: Scenario;
}

/**
 * What the schedule worker exposes: one call at a time (a new call cancels the running one);
 * `cancel` stops the running call, which then returns the best schedule found so far (or rejects
 * with SolveCancelledError when none was made yet). The solve — constructions included — yields
 * to the event loop between short slices, so the cancel message gets through.
 */
export function scheduleApi() {
  let cancelled = { aborted: false };
  return {
    async schedule(plant: SchedulePlant, options: ScheduleOptions = {}, onProgress?: (p: ScheduleProgress) => void): Promise<ScheduleResult> {
      cancelled.aborted = true;
      const signal = { aborted: false };
      cancelled = signal;
      const startedAt = performance.now();
      const pp = plantProblem({ layout: plant.layout, layoutFile: 'layout', scenario: plant.scenario }, options.previous ? { previous: options.previous } : {});
      // A turn for a cancel that came while the plant was read (the solve then gives one every slice).
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal.aborted) throw new SolveCancelledError();
      const r = await solvePlantAsync(pp, {
        signal,
        startedAt,
        seed: options.seed ?? 1,
        ...(options.objective ? { objective: options.objective } : {}),
        ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
        ...(options.timeLimitMs !== undefined || options.maxIterations === undefined ? { timeLimitMs: options.timeLimitMs ?? 10_000 } : {}),
        ...(onProgress ? { onProgress: (p: ScheduleProgress) => { void onProgress({ iteration: p.iteration, elapsedMs: p.elapsedMs, best: p.best, lowerBound: p.lowerBound }); } } : {}),
      });
      const out = plantOutputs(pp, r, { ...(options.id ? { id: options.id } : {}), ...(options.createdAt ? { createdAt: options.createdAt } : {}) });
      return { ...out, kpis: r.kpis, edd: r.edd.kpis, value: r.value, lowerBound: r.lowerBound, bounds: r.bounds, gap: r.gap, iterations: r.iterations, droppedLocks: pp.droppedLocks, timetable: r.timetable };
    },
    cancel(): void {
      cancelled.aborted = true;
    },
  };
}

export type ScheduleApi = ReturnType<typeof scheduleApi>;

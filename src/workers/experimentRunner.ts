import type { ExperimentPlan } from '../experiment/loadExperiment.ts';
import type { ReplicationRunner } from '../experiment/runExperiment.ts';
import type { SimPool } from './simPool.ts';

/** An experiment's replications on the worker pool: every system on one queue, common seed. */
export function poolRunner(pool: SimPool, plan: ExperimentPlan): ReplicationRunner {
  return {
    run(tasks, onRecords, signal) {
      return pool.records(
        tasks.map((t) => ({ plant: plan.systems[t.system]!.plant, options: { seed: plan.seed }, replications: t.replications })),
        (task, records) => onRecords(tasks[task]!.system, records),
        undefined,
        signal,
      );
    },
  };
}

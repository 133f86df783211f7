import type { SchedulingProblem } from '../problem.ts';
import type { SdstInstance } from './instance.ts';

/**
 * An R | S_ijk | Cmax instance as the engine's problem: one single-operation job per job, eligible
 * on every machine with its own time, each job its own setup family, machine k's changeovers its
 * matrix (no changeover before a machine's first job, the Vallada & Ruiz convention).
 */
export function sdstProblem(inst: SdstInstance): SchedulingProblem {
  const n = inst.jobs;
  const m = inst.machines;
  return {
    name: inst.name,
    machineCount: m,
    jobs: Array.from({ length: n }, (_, j) => ({ name: `J${j}`, operations: [j], due: null, weight: 1 })),
    operations: Array.from({ length: n }, (_, j) => ({
      job: j, index: 0, predecessors: [], release: 0,
      modes: Array.from({ length: m }, (_, k) => ({ machine: k, duration: inst.processing[k]?.[j] ?? 0 })),
    })),
    setups: {
      familyCount: n,
      family: Array.from({ length: n }, (_, j) => j),
      matrix: Array.from({ length: m }, (_, k) => Array.from({ length: n * n }, (_, x) => inst.setup[k]?.[Math.floor(x / n)]?.[x % n] ?? 0)),
    },
  };
}

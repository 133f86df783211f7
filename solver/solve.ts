import type { Objective } from './objective.ts';
import { jobShopPlant } from './plant/jobShopPlant.ts';
import { solvePlant, type PlantSolveOptions, type PlantSolveResult } from './plant/solvePlant.ts';
import type { SchedulingProblem } from './problem.ts';
import type { Timetable } from './timetable.ts';

export type SolveOptions = Omit<PlantSolveOptions, 'objective'>;

export interface SolveResult {
  timetable: Timetable;
  makespan: number;
  /** The best makespan lower bound and what gave it. */
  lowerBound: number;
  boundSource: string;
  /** (makespan − lower bound) / makespan. */
  gap: number;
  iterations: number;
  restarts: number;
  /** Makespan of each construction, in the order tried. */
  construction: { rule: string; value: number[] }[];
  plant: PlantSolveResult;
}

const MAKESPAN: Objective = { kind: 'lex', criteria: ['makespan'] };

/**
 * Makespan of a job-shop, flexible or changeover problem (benchmarks, `plant-twin schedule
 * --jssp/--fjsp`): the plant engine (plant/solvePlant.ts) on the problem as a plant that always
 * works — the same constructions, bounds and tabu search a scenario gets.
 */
export function solveMakespan(problem: SchedulingProblem, options: SolveOptions = {}): SolveResult {
  const r = solvePlant(jobShopPlant(problem), { ...options, objective: MAKESPAN });
  const t = r.timetable;
  return {
    timetable: { machine: t.machine, start: t.start, end: t.end },
    makespan: r.kpis.makespan,
    lowerBound: r.lowerBound[0] ?? 0,
    boundSource: r.bounds.makespanSource,
    gap: r.gap,
    iterations: r.iterations,
    restarts: r.restarts,
    construction: r.construction,
    plant: r,
  };
}

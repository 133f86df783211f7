/**
 * The scheduling problem the solver works on: jobs made of operations, each operation runs on
 * one of its eligible machines (with a machine-specific duration), after its predecessors and
 * not before its release date. Times are plain numbers in one unit (benchmark units, or minutes
 * when built from a scenario). Plain data, so it crosses a worker boundary as is.
 */

/** One way to run an operation: on this machine, for this long. */
export interface Mode {
  machine: number;
  duration: number;
}

export interface Operation {
  job: number;
  /** Position in the job's routing, 0-based. */
  index: number;
  /** Eligible machines with their durations; a classic job shop has exactly one. */
  modes: Mode[];
  /** Operations (global indices) that must end before this one starts. */
  predecessors: number[];
  /** Earliest start. */
  release: number;
}

export interface Job {
  name: string;
  /** Global operation indices in routing order. */
  operations: number[];
  /** Due date, or null when the job has none. */
  due: number | null;
  /** Weight for weighted tardiness objectives and due-date rules. */
  weight: number;
}

/**
 * Sequence-dependent changeovers: the time a machine needs between an operation of family `a`
 * and one of family `b`. Families stand for product or attribute classes (colour, tooling).
 */
export interface SetupTimes {
  familyCount: number;
  /** Family of each operation. */
  family: number[];
  /** Per machine, a row-major familyCount × familyCount matrix: matrix[m][a * familyCount + b]. */
  matrix: number[][];
  /** Per machine and family, the changeover before the machine's first operation (absent: none). */
  initial?: number[][];
}

export interface SchedulingProblem {
  name: string;
  machineCount: number;
  jobs: Job[];
  operations: Operation[];
  setups: SetupTimes | null;
}

/**
 * Builds a problem from routings: `routings[j][k]` lists the modes of operation k of job j.
 * Each operation follows the previous one of its job; releases are 0 and there are no due dates.
 */
export function problemFromRoutings(name: string, machineCount: number, routings: Mode[][][]): SchedulingProblem {
  const jobs: Job[] = [];
  const operations: Operation[] = [];
  routings.forEach((route, j) => {
    const ids: number[] = [];
    route.forEach((modes, k) => {
      const id = operations.length;
      const prev = ids[ids.length - 1];
      operations.push({ job: j, index: k, modes: modes.map((m) => ({ ...m })), predecessors: prev === undefined ? [] : [prev], release: 0 });
      ids.push(id);
    });
    jobs.push({ name: `J${j}`, operations: ids, due: null, weight: 1 });
  });
  return { name, machineCount, jobs, operations, setups: null };
}

/** Changeover time between two operations on a machine (0 without setups). */
export function setupTime(problem: SchedulingProblem, machine: number, from: number, to: number): number {
  const s = problem.setups;
  if (s === null) return 0;
  const a = s.family[from] ?? 0;
  const b = s.family[to] ?? 0;
  return s.matrix[machine]?.[a * s.familyCount + b] ?? 0;
}

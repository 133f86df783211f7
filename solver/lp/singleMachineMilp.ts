import { solveModel, type Model } from './solveModel.ts';

export interface SingleMachineInput {
  /** setup[i][j]: changeover when job j directly follows job i. */
  setup: number[][];
  /** Setup before job j when it runs first (from the machine's start state). Default 0. */
  initialSetup?: number[];
  /** Processing times; they add a constant to the makespan, so they never change the order. */
  processing?: number[];
}

export interface SingleMachineOptimum {
  sequence: number[];
  totalSetup: number;
  /** Σ processing + total setup. */
  makespan: number;
  /** MILP solves, one per round of subtour cuts. */
  rounds: number;
}

/** javascript-lp-solver's branch and bound is plain; past about ten jobs it gets slow. */
export const MILP_MAX_JOBS = 10;

/**
 * Exact one-machine changeover sequencing as a MILP (arc formulation, solved with
 * javascript-lp-solver): binary x_ij when job j follows job i, with a dummy node 0 for the
 * start (arcs 0 → j cost the initial setup) and the open end (arcs j → 0 cost nothing); each
 * node has one arc in and one out. Subtours are cut lazily (Dantzig–Fulkerson–Johnson):
 * solve, find a cycle that misses the dummy, forbid it (Σ_{i,j∈S} x_ij ≤ |S| − 1), repeat.
 * The first solution without subtours is optimal, because every cut is valid for all paths.
 */
export function solveSingleMachineMilp(input: SingleMachineInput): SingleMachineOptimum {
  const n = input.setup.length;
  if (n > MILP_MAX_JOBS) throw new Error(`solveSingleMachineMilp: ${n} jobs is more than ${MILP_MAX_JOBS}`);
  const processing = (input.processing ?? []).reduce((a, b) => a + b, 0);
  if (n === 0) return { sequence: [], totalSetup: 0, makespan: 0, rounds: 0 };
  if (n === 1) {
    const s = input.initialSetup?.[0] ?? 0;
    return { sequence: [0], totalSetup: s, makespan: processing + s, rounds: 0 };
  }
  // Node 0 is the dummy; job j is node j + 1.
  const cost = (a: number, b: number): number =>
    a === 0 ? (input.initialSetup?.[b - 1] ?? 0) : b === 0 ? 0 : (input.setup[a - 1]?.[b - 1] ?? 0);
  const scale = Math.max(1, ...Array.from({ length: n + 1 }, (_, a) => Math.max(...Array.from({ length: n + 1 }, (_, b) => (a === b ? 0 : cost(a, b))))));
  const constraints: Model['constraints'] = {};
  const variables: Model['variables'] = {};
  const binaries: Record<string, 1> = {};
  for (let v = 0; v <= n; v++) {
    constraints[`out${v}`] = { equal: 1 };
    constraints[`in${v}`] = { equal: 1 };
  }
  for (let a = 0; a <= n; a++) {
    for (let b = 0; b <= n; b++) {
      if (a === b) continue;
      const id = `x${a}_${b}`;
      variables[id] = { cost: cost(a, b) / scale, [`out${a}`]: 1, [`in${b}`]: 1 };
      binaries[id] = 1;
    }
  }
  for (let round = 1; ; round++) {
    const answer = solveModel({ optimize: 'cost', opType: 'min', constraints, variables, binaries });
    if (!answer.feasible) throw new Error('solveSingleMachineMilp: the assignment model has no solution');
    const next = new Array<number>(n + 1).fill(-1);
    for (let a = 0; a <= n; a++) for (let b = 0; b <= n; b++) if (a !== b && answer.value(`x${a}_${b}`) > 0.5) next[a] = b;
    const cycles = cyclesOf(next);
    const subtours = cycles.filter((c) => !c.includes(0));
    if (subtours.length === 0) {
      const sequence: number[] = [];
      for (let v = next[0]!; v > 0; v = next[v]!) sequence.push(v - 1);
      let totalSetup = 0;
      let prev = 0;
      for (const j of sequence) {
        totalSetup += cost(prev, j + 1);
        prev = j + 1;
      }
      return { sequence, totalSetup, makespan: processing + totalSetup, rounds: round };
    }
    for (const cycle of subtours) {
      const name = `cut${round}_${cycle.join('_')}`;
      constraints[name] = { max: cycle.length - 1 };
      for (const a of cycle) for (const b of cycle) if (a !== b) variables[`x${a}_${b}`]![name] = 1;
    }
  }
}

function cyclesOf(next: number[]): number[][] {
  const seen = new Uint8Array(next.length);
  const cycles: number[][] = [];
  for (let v = 0; v < next.length; v++) {
    if (seen[v]) continue;
    const cycle: number[] = [];
    for (let u = v; u >= 0 && !seen[u]; u = next[u]!) {
      seen[u] = 1;
      cycle.push(u);
    }
    cycles.push(cycle);
  }
  return cycles;
}

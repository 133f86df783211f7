import { solveModel, type Model } from './solveModel.ts';

export interface AssignmentInput {
  machines: number;
  /** work[j][k]: time job j takes on machine k; null when machine k cannot run it. */
  work: (number | null)[][];
  /**
   * Per machine, how far its real load may fall below the summed work of its jobs (for
   * sequence-dependent setups: the setup its first job does not need). Default 0.
   */
  allowance?: number[];
}

export interface AssignmentBound {
  /** max(LP optimum less the solver's rounding, longest job at its fastest machine): a valid makespan bound. */
  lowerBound: number;
  /**
   * Optimum of the relaxation less the solver's rounding (valid on its own, without the
   * longest-job term), or null when the LP solver gave no usable answer.
   */
  lpBound: number | null;
  /** fraction[j][k] of job j given to machine k in the LP optimum. */
  fraction: number[][];
  /** A starting assignment: each job on the machine holding its largest fraction. */
  assignment: number[];
}

/** Simplex pivots in javascript-lp-solver are plain doubles; coefficients near 1 keep them tame. */
const FEASIBILITY_TOL = 1e-6;
/**
 * javascript-lp-solver rounds every reported value to its precision (about 1e-8 of the scaled
 * units), so the optimum it reports may sit that far above the true one; the bound gives
 * back a little more than that to stay valid.
 */
const REPORT_SLACK = 1e-7;

/**
 * The LP relaxation of assigning work to equipment (unrelated parallel machines, flexible
 * routing): min C subject to every job's fractions summing to 1 and every machine's load
 * (minus its allowance) being at most C. Any schedule gives a feasible point, so the LP
 * optimum is a makespan lower bound; a job cannot be split in reality, hence the max with the
 * longest job. Times are scaled by the largest one before solving, and the answer is checked
 * for feasibility so a numerical failure falls back to the trivial bound instead of lying.
 */
export function assignmentBound(input: AssignmentInput): AssignmentBound {
  const { machines, work } = input;
  const allowance = input.allowance ?? new Array<number>(machines).fill(0);
  let scale = 0;
  let longest = 0;
  const fastest: number[] = work.map((row) => {
    let best = Infinity;
    row.forEach((t) => {
      if (t !== null) {
        scale = Math.max(scale, t);
        best = Math.min(best, t);
      }
    });
    longest = Math.max(longest, best);
    return best;
  });
  const fallback = (): AssignmentBound => ({
    lowerBound: longest,
    lpBound: null,
    fraction: work.map((row, j) => row.map((_, k) => (k === argFastest(row, fastest[j]!) ? 1 : 0))),
    assignment: work.map((row, j) => argFastest(row, fastest[j]!)),
  });
  if (work.length === 0 || scale <= 0 || !Number.isFinite(longest)) return fallback();

  const constraints: Model['constraints'] = {};
  const variables: Model['variables'] = { C: { obj: 1 } };
  for (let k = 0; k < machines; k++) {
    constraints[`load${k}`] = { max: (allowance[k] ?? 0) / scale };
    variables.C![`load${k}`] = -1;
  }
  work.forEach((row, j) => {
    constraints[`job${j}`] = { equal: 1 };
    row.forEach((t, k) => {
      if (t !== null) variables[`x${j}_${k}`] = { [`job${j}`]: 1, [`load${k}`]: t / scale };
    });
  });
  const answer = solveModel({ optimize: 'obj', opType: 'min', constraints, variables });
  if (!answer.feasible) return fallback();

  const fraction = work.map((row, j) => row.map((t, k) => (t === null ? 0 : answer.value(`x${j}_${k}`))));
  const c = answer.value('C') * scale;
  const loads = new Array<number>(machines).fill(0);
  let feasible = true;
  fraction.forEach((row, j) => {
    let sum = 0;
    row.forEach((x, k) => {
      if (x < -FEASIBILITY_TOL) feasible = false;
      sum += x;
      loads[k]! += x * (work[j]![k] ?? 0);
    });
    if (Math.abs(sum - 1) > FEASIBILITY_TOL) feasible = false;
  });
  loads.forEach((l, k) => {
    if (l - (allowance[k] ?? 0) > c + FEASIBILITY_TOL * scale) feasible = false;
  });
  if (!feasible) return fallback();
  return {
    lowerBound: Math.max(longest, c - REPORT_SLACK * scale),
    lpBound: c - REPORT_SLACK * scale,
    fraction,
    assignment: fraction.map((row) => row.reduce((best, x, k) => (x > (row[best] ?? 0) ? k : best), 0)),
  };
}

function argFastest(row: (number | null)[], fastest: number): number {
  return Math.max(0, row.findIndex((t) => t === fastest));
}

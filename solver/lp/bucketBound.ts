import { solveModel, type Model } from './solveModel.ts';

/** A time bucket (a shift, a day) on the schedule's clock; buckets are ordered and disjoint. */
export interface Bucket {
  start: number;
  end: number;
}

export interface BucketInput {
  machines: number;
  /** work[j][k]: time job j takes on machine k; null when machine k cannot run it. */
  work: (number | null)[][];
  buckets: Bucket[];
  /** capacity[k][b]: working time of machine k in bucket b (breaks, maintenance out). Default: the bucket's length. */
  capacity?: number[][];
  /** Job j may only use buckets that end after release[j]. */
  release?: number[];
  /**
   * Solve once more for the plan (load, assignment): the largest load in the last bucket held at
   * its optimum, the utilisation of machines that can stand in for each other balanced (per set
   * of machines a job may use, the highest load / capacity among them, summed over the sets, is
   * minimised). The min-peak LP alone leaves every earlier bucket free, so its split among
   * parallel machines is arbitrary. The bound is unchanged.
   */
  balance?: boolean;
}

export interface BucketPlan {
  /** A valid makespan bound, or null when the work does not fit into all the buckets. */
  lowerBound: number | null;
  /** The first bucket by which all the work fits (-1 when it never does). */
  lastBucket: number;
  /** load[k][b]: work the LP puts on machine k in bucket b. */
  load: number[][];
  /** A starting plan: for each job the (machine, bucket) holding its largest fraction. */
  assignment: { machine: number; bucket: number }[];
}

const REPORT_SLACK = 1e-7;

/**
 * Rough-cut assignment of work to equipment and time buckets under capacity, as an LP
 * (javascript-lp-solver): job fractions x_jkb sum to 1, each machine-bucket load stays within
 * its capacity. The first bucket B by which everything fits is found by bisection (fitting is
 * monotone in B); then the LP minimises the largest load L in bucket B. Any schedule finishing
 * in bucket B* ≥ B is a point of that LP, and its machines need L clock time after the start
 * of B, so start_B + L never exceeds its makespan (and start_B + L ≤ end_B ≤ start_{B*} when
 * B < B*).
 */
export function bucketBound(input: BucketInput): BucketPlan {
  const { machines, work, buckets } = input;
  const none: BucketPlan = { lowerBound: null, lastBucket: -1, load: [], assignment: [] };
  if (buckets.length === 0) return none;
  let lo = 0;
  let hi = buckets.length - 1;
  if (!solveUpTo(input, hi)) return none;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (solveUpTo(input, mid)) hi = mid;
    else lo = mid + 1;
  }
  const last = lo;
  const peak = solveUpTo(input, last)!;
  const answer = (input.balance === true ? solveUpTo(input, last, peak.value('L') + REPORT_SLACK) : null) ?? peak;
  const load = Array.from({ length: machines }, () => new Array<number>(buckets.length).fill(0));
  const assignment = work.map((row, j) => {
    let best = { machine: 0, bucket: 0, x: -1 };
    row.forEach((t, k) => {
      if (t === null) return;
      for (let b = 0; b <= last; b++) {
        const x = answer.value(varId(j, k, b));
        load[k]![b]! += x * t;
        if (x > best.x) best = { machine: k, bucket: b, x };
      }
    });
    return { machine: best.machine, bucket: best.bucket };
  });
  const scale = peak.scale;
  const lowerBound = buckets[last]!.start + Math.max(0, peak.value('L') * scale - REPORT_SLACK * scale);
  return { lowerBound, lastBucket: last, load, assignment };
}

function varId(j: number, k: number, b: number): string {
  return `x${j}_${k}_${b}`;
}

/**
 * The LP over buckets 0..last, or null when the work does not fit. With `peakCap` (scaled), the
 * last bucket's loads stay within it and the objective is the balance of `BucketInput.balance`.
 */
function solveUpTo(input: BucketInput, last: number, peakCap?: number): (ReturnType<typeof solveModel> & { scale: number }) | null {
  const { machines, work, buckets } = input;
  let scale = 0;
  for (const row of work) for (const t of row) if (t !== null) scale = Math.max(scale, t);
  scale = Math.max(scale, 1);
  const constraints: Model['constraints'] = {};
  const variables: Model['variables'] = { L: { obj: peakCap === undefined ? 1 : 0 } };
  if (peakCap !== undefined) {
    constraints.peakCap = { max: peakCap };
    variables.L!.peakCap = 1;
  }
  for (let k = 0; k < machines; k++) {
    for (let b = 0; b <= last; b++) {
      const bucket = buckets[b]!;
      constraints[`cap${k}_${b}`] = { max: (input.capacity?.[k]?.[b] ?? bucket.end - bucket.start) / scale };
    }
    constraints[`peak${k}`] = { max: 0 };
    variables.L![`peak${k}`] = -1;
  }
  // Balance rows: for each set of eligible machines p and machine k in it, load_k / capacity_k ≤ U_p.
  const setsOf: string[][] = Array.from({ length: machines }, () => []);
  const total = new Array<number>(machines).fill(0);
  if (peakCap !== undefined) {
    for (let k = 0; k < machines; k++) for (let b = 0; b <= last; b++) total[k]! += input.capacity?.[k]?.[b] ?? buckets[b]!.end - buckets[b]!.start;
    const sets = new Set(work.map((row) => row.map((t, k) => (t === null ? '' : k)).filter((k) => k !== '').join(',')));
    [...sets].forEach((set, p) => {
      variables[`U${p}`] = { obj: 1 };
      for (const k of set.split(',').map(Number)) {
        constraints[`bal${p}_${k}`] = { max: 0 };
        variables[`U${p}`]![`bal${p}_${k}`] = -1;
        setsOf[k]!.push(`bal${p}_${k}`);
      }
    });
  }
  for (let j = 0; j < work.length; j++) {
    constraints[`job${j}`] = { equal: 1 };
    const release = input.release?.[j] ?? Number.NEGATIVE_INFINITY;
    let usable = false;
    work[j]!.forEach((t, k) => {
      if (t === null) return;
      for (let b = 0; b <= last; b++) {
        if (buckets[b]!.end <= release) continue;
        const v: Record<string, number> = { [`job${j}`]: 1, [`cap${k}_${b}`]: t / scale };
        for (const row of setsOf[k]!) v[row] = t / Math.max(1, total[k]!);
        if (b === last) v[`peak${k}`] = t / scale;
        variables[varId(j, k, b)] = v;
        usable = true;
      }
    });
    if (!usable) return null;
  }
  const answer = solveModel({ optimize: 'obj', opType: 'min', constraints, variables });
  return answer.feasible ? { ...answer, scale } : null;
}

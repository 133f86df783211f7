/**
 * Unrelated parallel machines with machine- and sequence-dependent setups (R | S_ijk | Cmax):
 * every job runs on exactly one machine, its time depends on the machine, and the changeover
 * between two consecutive jobs depends on the pair and on the machine. There is no setup
 * before a machine's first job (the Vallada & Ruiz convention). Plain data, JSON-able.
 */
export interface SdstInstance {
  name: string;
  jobs: number;
  machines: number;
  /** processing[k][j]: time of job j on machine k. */
  processing: number[][];
  /** setup[k][i][j]: changeover on machine k when job j follows job i directly. */
  setup: number[][][];
}

/** Jobs in processing order, one sequence per machine (machine index = array index). */
export type Sequences = number[][];

export interface SdstSolution {
  sequences: Sequences;
  makespan: number;
}

/**
 * The instance in flat typed arrays for the inner loops of the methods:
 * p[k * n + j] and s[(k * n + i) * n + j].
 */
export interface FlatInstance {
  n: number;
  m: number;
  p: Float64Array;
  s: Float64Array;
}

export function flatten(inst: SdstInstance): FlatInstance {
  const n = inst.jobs;
  const m = inst.machines;
  const p = new Float64Array(m * n);
  const s = new Float64Array(m * n * n);
  for (let k = 0; k < m; k++) {
    for (let j = 0; j < n; j++) {
      p[k * n + j] = inst.processing[k]?.[j] ?? 0;
      for (let i = 0; i < n; i++) s[(k * n + i) * n + j] = inst.setup[k]?.[i]?.[j] ?? 0;
    }
  }
  return { n, m, p, s };
}

/** Completion time of machine k running `seq`: processing plus setups between neighbours. */
export function machineTime(f: FlatInstance, k: number, seq: readonly number[]): number {
  const { n, p, s } = f;
  let t = 0;
  let prev = -1;
  for (const j of seq) {
    t += p[k * n + j]!;
    if (prev >= 0) t += s[(k * n + prev) * n + j]!;
    prev = j;
  }
  return t;
}

export function makespanOf(f: FlatInstance, seqs: Sequences): number {
  let c = 0;
  seqs.forEach((seq, k) => { c = Math.max(c, machineTime(f, k, seq)); });
  return c;
}

import type { SchedulingProblem } from './problem.ts';

/**
 * The problem as flat typed arrays for the search: modes and precedence arcs in CSR form,
 * changeovers as one matrix per machine. Built once per solve.
 */
export interface CompiledProblem {
  n: number;
  m: number;
  job: Int32Array;
  release: Float64Array;
  /** Modes of op i are modeMachine/modeDuration[modeStart[i] .. modeStart[i+1]). */
  modeStart: Int32Array;
  modeMachine: Int32Array;
  modeDuration: Float64Array;
  minDuration: Float64Array;
  predStart: Int32Array;
  predList: Int32Array;
  succStart: Int32Array;
  succList: Int32Array;
  /** Changeovers: setup[(machine * F + family[a]) * F + family[b]]; null without setups. */
  setup: Float64Array | null;
  /** Changeover before a machine's first operation: initial[machine * F + family]; null when none. */
  initial: Float64Array | null;
  family: Int32Array;
  familyCount: number;
}

export function compile(p: SchedulingProblem): CompiledProblem {
  const n = p.operations.length;
  const m = p.machineCount;
  const job = new Int32Array(n);
  const release = new Float64Array(n);
  const modeStart = new Int32Array(n + 1);
  const predStart = new Int32Array(n + 1);
  const succCount = new Int32Array(n);
  let modes = 0;
  let preds = 0;
  p.operations.forEach((op, i) => {
    job[i] = op.job;
    release[i] = op.release;
    modeStart[i] = modes;
    predStart[i] = preds;
    modes += op.modes.length;
    preds += op.predecessors.length;
    for (const q of op.predecessors) succCount[q] = (succCount[q] ?? 0) + 1;
  });
  modeStart[n] = modes;
  predStart[n] = preds;
  const modeMachine = new Int32Array(modes);
  const modeDuration = new Float64Array(modes);
  const minDuration = new Float64Array(n);
  const predList = new Int32Array(preds);
  const succStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) succStart[i + 1] = (succStart[i] as number) + (succCount[i] as number);
  const succList = new Int32Array(preds);
  const fill = succStart.slice(0, n);
  p.operations.forEach((op, i) => {
    let k = modeStart[i] as number;
    let min = Number.MAX_SAFE_INTEGER;
    if (op.modes.length === 0) throw new Error(`operation ${i} has no eligible machine`);
    for (const md of op.modes) {
      if (!(md.machine >= 0 && md.machine < m)) throw new Error(`operation ${i} names machine ${md.machine} of ${m}`);
      modeMachine[k] = md.machine;
      modeDuration[k] = md.duration;
      if (md.duration < min) min = md.duration;
      k++;
    }
    minDuration[i] = min;
    let e = predStart[i] as number;
    for (const q of op.predecessors) {
      predList[e++] = q;
      succList[fill[q] as number] = i;
      fill[q] = (fill[q] as number) + 1;
    }
  });
  if (precedenceOrderOf(n, predStart, succStart, succList).length < n) throw new Error('the precedence arcs contain a cycle');
  const s = p.setups;
  const familyCount = s?.familyCount ?? 1;
  const family = new Int32Array(n);
  let setup: Float64Array | null = null;
  let initial: Float64Array | null = null;
  if (s !== null) {
    s.family.forEach((f, i) => { if (i < n) family[i] = f; });
    const table = new Float64Array(m * familyCount * familyCount);
    s.matrix.forEach((row, mi) => row.forEach((v, k) => { if (mi < m) table[mi * familyCount * familyCount + k] = v; }));
    setup = table;
    if (s.initial !== undefined && s.initial.some((row) => row.some((v) => v !== 0))) {
      initial = new Float64Array(m * familyCount);
      s.initial.forEach((row, mi) => row.forEach((v, f) => { if (mi < m && f < familyCount) initial![mi * familyCount + f] = v; }));
    }
  }
  return { n, m, job, release, modeStart, modeMachine, modeDuration, minDuration, predStart, predList, succStart, succList, setup, initial, family, familyCount };
}

/** Changeover on machine k from op a to op b; a = -1: before the machine's first operation. */
export function changeover(c: CompiledProblem, k: number, a: number, b: number): number {
  const f = c.familyCount;
  if (a < 0) return c.initial === null ? 0 : (c.initial[k * f + (c.family[b] as number)] as number);
  const s = c.setup;
  if (s === null) return 0;
  return s[(k * f + (c.family[a] as number)) * f + (c.family[b] as number)] as number;
}

/** Duration of op i on machine k, or -1 when k is not eligible. */
export function durationOn(c: CompiledProblem, i: number, k: number): number {
  for (let e = c.modeStart[i] as number; e < (c.modeStart[i + 1] as number); e++) {
    if (c.modeMachine[e] === k) return c.modeDuration[e] as number;
  }
  return -1;
}

/** Operations in a topological order of the precedence arcs. */
export function precedenceOrder(c: CompiledProblem): number[] {
  return precedenceOrderOf(c.n, c.predStart, c.succStart, c.succList);
}

/** Kahn's algorithm; shorter than n when the arcs contain a cycle. */
function precedenceOrderOf(n: number, predStart: Int32Array, succStart: Int32Array, succList: Int32Array): number[] {
  const left = new Int32Array(n);
  const order: number[] = [];
  for (let v = 0; v < n; v++) {
    left[v] = (predStart[v + 1] as number) - (predStart[v] as number);
    if (left[v] === 0) order.push(v);
  }
  for (let i = 0; i < order.length; i++) {
    const v = order[i] as number;
    for (let e = succStart[v] as number; e < (succStart[v + 1] as number); e++) {
      const s = succList[e] as number;
      left[s] = (left[s] as number) - 1;
      if (left[s] === 0) order.push(s);
    }
  }
  return order;
}

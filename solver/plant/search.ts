import { compareValues, objectiveKpis, objectiveValue, type Objective } from '../objective.ts';
import { Random } from '../random.ts';
import type { Decoder } from './decode.ts';
import type { PlantSolution } from './dispatch.ts';

const HEARTBEAT_MS = 500;

export interface PlantProgress {
  iteration: number;
  /** Best objective value so far (one number per lexicographic level). */
  best: number[];
  elapsedMs: number;
}

export interface PlantSearchOptions {
  seed: number;
  maxIterations: number;
  timeLimitMs: number;
  signal?: { readonly aborted: boolean };
  onProgress?: (p: PlantProgress) => void;
}

/**
 * Local search over the operation list and the machine assignment, every move judged by decoding
 * the whole schedule (so calendars, changeovers and fixed operations are always exact). Moves:
 * put an operation next to one of the same setup family (on that one's machine when eligible) —
 * the move that builds campaigns; shift an operation of a late order earlier; or move an
 * operation to another eligible machine. A move is kept when the objective is not worse.
 */
export function improve(d: Decoder, start: PlantSolution, objective: Objective, o: PlantSearchOptions): { best: PlantSolution; value: number[]; iterations: number } {
  const c = d.c;
  const p = d.pp.problem;
  const list = start.list.slice();
  const assign = start.assign.slice();
  const pos = new Int32Array(d.n).fill(-1);
  list.forEach((v, i) => { pos[v] = i; });
  const rng = new Random(o.seed);
  const byFamily = new Map<number, number[]>();
  for (const v of list) {
    const f = c.family[v] as number;
    const group = byFamily.get(f);
    if (group === undefined) byFamily.set(f, [v]); else group.push(v);
  }
  const evaluate = (): number[] => {
    d.decode(list, assign);
    return objectiveValue(objective, objectiveKpis(p, d.end, d.setup));
  };
  let current = evaluate();
  const lateJobOps = (): number[] => {
    const out: number[] = [];
    for (const job of p.jobs) {
      const lastOp = job.operations[job.operations.length - 1];
      if (lastOp !== undefined && job.due !== null && (d.end[lastOp] as number) > job.due) for (const v of job.operations) if (pos[v] as number >= 0) out.push(v);
    }
    return out;
  };
  let late = lateJobOps();
  /** Positions where v may go: after its movable predecessors, before its movable successors. */
  const window = (v: number): [number, number] => {
    let lo = 0;
    let hi = list.length - 1;
    for (let e = c.predStart[v] as number; e < (c.predStart[v + 1] as number); e++) {
      const q = pos[c.predList[e] as number] as number;
      if (q >= 0 && q + 1 > lo) lo = q + 1;
    }
    for (let e = c.succStart[v] as number; e < (c.succStart[v + 1] as number); e++) {
      const q = pos[c.succList[e] as number] as number;
      if (q >= 0 && q - 1 < hi) hi = q - 1;
    }
    return [lo, hi];
  };
  const move = (from: number, to: number): void => {
    const v = list[from] as number;
    if (from < to) for (let i = from; i < to; i++) { list[i] = list[i + 1] as number; pos[list[i] as number] = i; }
    else for (let i = from; i > to; i--) { list[i] = list[i - 1] as number; pos[list[i] as number] = i; }
    list[to] = v;
    pos[v] = to;
  };
  const t0 = performance.now();
  let lastReport = t0;
  o.onProgress?.({ iteration: 0, best: current, elapsedMs: 0 });
  let iter = 0;
  while (iter < o.maxIterations && list.length > 1) {
    if ((iter & 15) === 0) {
      const now = performance.now();
      if (now - t0 > o.timeLimitMs || o.signal?.aborted === true) break;
      if (now - lastReport > HEARTBEAT_MS) { lastReport = now; o.onProgress?.({ iteration: iter, best: current, elapsedMs: now - t0 }); }
    }
    iter++;
    const r = rng.float();
    let v: number;
    let target: number;
    let machine: number;
    if (r < 0.6) {
      v = list[rng.int(list.length)] as number;
      const group = byFamily.get(c.family[v] as number) as number[];
      const u = group[rng.int(group.length)] as number;
      if (u === v) continue;
      machine = d.duration(v, assign[u] as number) >= 0 ? (assign[u] as number) : (assign[v] as number);
      const pu = pos[u] as number;
      const pv = pos[v] as number;
      target = rng.int(2) === 0 ? (pu < pv ? pu + 1 : pu) : (pu < pv ? pu : pu - 1);
    } else if (r < 0.85 && late.length > 0) {
      v = late[rng.int(late.length)] as number;
      const pv = pos[v] as number;
      target = pv - 1 - rng.int(Math.max(1, Math.min(pv, 60)));
      machine = assign[v] as number;
    } else {
      v = list[rng.int(list.length)] as number;
      const count = (c.modeStart[v + 1] as number) - (c.modeStart[v] as number);
      machine = c.modeMachine[(c.modeStart[v] as number) + rng.int(count)] as number;
      target = pos[v] as number;
    }
    const [lo, hi] = window(v);
    if (target < lo || target > hi) continue;
    const from = pos[v] as number;
    const oldMachine = assign[v] as number;
    if (target === from && machine === oldMachine) continue;
    move(from, target);
    assign[v] = machine;
    const value = evaluate();
    if (compareValues(value, current) <= 0) {
      if (compareValues(value, current) < 0) late = lateJobOps();
      current = value;
    } else {
      move(target, from);
      assign[v] = oldMachine;
    }
  }
  d.decode(list, assign);
  o.onProgress?.({ iteration: iter, best: current, elapsedMs: performance.now() - t0 });
  return { best: { list, assign }, value: current, iterations: iter };
}

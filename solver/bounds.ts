import { precedenceOrder, type CompiledProblem } from './compile.ts';

/**
 * Combinatorial lower bounds on the makespan, each valid for eligible machines, release dates
 * and precedences (changeovers only make schedules longer):
 * - path: the longest precedence chain with every operation at its shortest duration;
 * - machine: for each machine, the operations that can only run there, between the earliest
 *   head and the shortest tail among them (the one-machine relaxation without its sequencing);
 * - average load: all work at shortest durations spread over the machines that can take any.
 */
export interface LowerBounds {
  path: number;
  machine: number;
  averageLoad: number;
  best: number;
}

export function lowerBounds(c: CompiledProblem): LowerBounds {
  const { n, m } = c;
  const head = new Float64Array(n);
  const tail = new Float64Array(n);
  const order = precedenceOrder(c);
  let path = 0;
  for (const v of order) {
    let h = c.release[v] as number;
    for (let e = c.predStart[v] as number; e < (c.predStart[v + 1] as number); e++) {
      const q = c.predList[e] as number;
      h = Math.max(h, (head[q] as number) + (c.minDuration[q] as number));
    }
    head[v] = h;
    path = Math.max(path, h + (c.minDuration[v] as number));
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i] as number;
    let t = 0;
    for (let e = c.succStart[v] as number; e < (c.succStart[v + 1] as number); e++) {
      const s = c.succList[e] as number;
      t = Math.max(t, (c.minDuration[s] as number) + (tail[s] as number));
    }
    tail[v] = t;
  }
  const load = new Float64Array(m);
  const minHead = new Float64Array(m).fill(Infinity);
  const minTail = new Float64Array(m).fill(Infinity);
  const usable = new Uint8Array(m);
  let work = 0;
  for (let v = 0; v < n; v++) {
    const s = c.modeStart[v] as number;
    const e = c.modeStart[v + 1] as number;
    for (let k = s; k < e; k++) usable[c.modeMachine[k] as number] = 1;
    work += c.minDuration[v] as number;
    if (e - s !== 1) continue;
    const k = c.modeMachine[s] as number;
    load[k] = (load[k] as number) + (c.modeDuration[s] as number);
    minHead[k] = Math.min(minHead[k] as number, head[v] as number);
    minTail[k] = Math.min(minTail[k] as number, tail[v] as number);
  }
  let machine = 0;
  let machines = 0;
  for (let k = 0; k < m; k++) {
    machines += usable[k] as number;
    if ((load[k] as number) > 0) machine = Math.max(machine, (minHead[k] as number) + (load[k] as number) + (minTail[k] as number));
  }
  const averageLoad = machines > 0 ? Math.ceil(work / machines) : 0;
  return { path, machine, averageLoad, best: Math.max(path, machine, averageLoad) };
}

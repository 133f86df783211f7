import { precedenceOrder, type CompiledProblem } from './compile.ts';

/**
 * Combinatorial lower bounds on the makespan, each valid for eligible machines, release dates
 * and precedences (changeovers only make schedules longer):
 * - path: the longest precedence chain with every operation at its shortest duration;
 * - machine: for each machine, the operations that can only run there, as a one-machine problem
 *   with heads and tails, relaxed to preemption and solved exactly by Jackson's preemptive
 *   schedule (Carlier 1982);
 * - average load: all work at shortest durations spread over the machines that can take any.
 */
export interface LowerBounds {
  path: number;
  machine: number;
  averageLoad: number;
  best: number;
}

/**
 * `shared`: machines that run several operations at once (batch equipment); their operations
 * count in the path bound only, since machine and load bounds assume one at a time.
 */
export function lowerBounds(c: CompiledProblem, shared: Uint8Array | null = null): LowerBounds {
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
  const fixed: number[][] = Array.from({ length: m }, () => []);
  const usable = new Uint8Array(m);
  let work = 0;
  for (let v = 0; v < n; v++) {
    const s = c.modeStart[v] as number;
    const e = c.modeStart[v + 1] as number;
    let batched = false;
    for (let k = s; k < e; k++) if (shared !== null && shared[c.modeMachine[k] as number] === 1) batched = true;
    if (batched) continue;
    for (let k = s; k < e; k++) usable[c.modeMachine[k] as number] = 1;
    work += c.minDuration[v] as number;
    if (e - s === 1) fixed[c.modeMachine[s] as number]?.push(v);
  }
  let machine = 0;
  let machines = 0;
  for (let k = 0; k < m; k++) {
    machines += usable[k] as number;
    const ops = fixed[k] as number[];
    if (ops.length > 0) machine = Math.max(machine, preemptiveOneMachine(ops.map((v) => head[v] as number), ops.map((v) => c.minDuration[v] as number), ops.map((v) => tail[v] as number)));
  }
  const averageLoad = machines > 0 ? Math.ceil(work / machines) : 0;
  return { path, machine, averageLoad, best: Math.max(path, machine, averageLoad) };
}

/** max over jobs of completion + tail in Jackson's preemptive schedule: always run the released job with the longest tail. */
export function preemptiveOneMachine(release: number[], duration: number[], tail: number[]): number {
  const k = release.length;
  const left = duration.slice();
  let unfinished = 0;
  let bound = 0;
  for (let i = 0; i < k; i++) {
    if ((left[i] as number) > 0) unfinished++;
    else bound = Math.max(bound, (release[i] as number) + (tail[i] as number));
  }
  let t = Math.min(...release);
  while (unfinished > 0) {
    let pick = -1;
    let nextRelease = Infinity;
    for (let i = 0; i < k; i++) {
      if ((left[i] as number) <= 0) continue;
      const r = release[i] as number;
      if (r > t) nextRelease = Math.min(nextRelease, r);
      else if (pick < 0 || (tail[i] as number) > (tail[pick] as number)) pick = i;
    }
    if (pick < 0) {
      t = nextRelease;
      continue;
    }
    const run = Math.min(left[pick] as number, nextRelease - t);
    t += run;
    left[pick] = (left[pick] as number) - run;
    if (left[pick] === 0) {
      unfinished--;
      bound = Math.max(bound, t + (tail[pick] as number));
    }
  }
  return bound;
}

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

/**
 * max over jobs of completion + tail in Jackson's preemptive schedule: always run the released
 * job with the longest tail (optimal for one machine with preemption, so a lower bound without).
 * O(k log k): jobs by release, the released ones in a heap by tail.
 */
export function preemptiveOneMachine(release: ArrayLike<number>, duration: ArrayLike<number>, tail: ArrayLike<number>): number {
  const k = release.length;
  const left = Float64Array.from(duration);
  let bound = 0;
  const order: number[] = [];
  for (let i = 0; i < k; i++) {
    if ((left[i] as number) > 0) order.push(i);
    else bound = Math.max(bound, (release[i] as number) + (tail[i] as number));
  }
  order.sort((a, b) => (release[a] as number) - (release[b] as number) || a - b);
  // Max-heap of job indices by tail.
  const heap = new Int32Array(order.length);
  let size = 0;
  const above = (a: number, b: number): boolean => (tail[a] as number) > (tail[b] as number) || ((tail[a] as number) === (tail[b] as number) && a < b);
  const push = (x: number): void => {
    let i = size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!above(x, heap[up] as number)) break;
      heap[i] = heap[up] as number;
      i = up;
    }
    heap[i] = x;
  };
  const popTop = (): void => {
    const x = heap[--size] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && above(heap[c + 1] as number, heap[c] as number)) c++;
      if (!above(heap[c] as number, x)) break;
      heap[i] = heap[c] as number;
      i = c;
    }
    heap[i] = x;
  };
  let next = 0;
  let t = order.length > 0 ? (release[order[0] as number] as number) : 0;
  while (next < order.length || size > 0) {
    while (next < order.length && (release[order[next] as number] as number) <= t) push(order[next++] as number);
    if (size === 0) { t = release[order[next] as number] as number; continue; }
    const pick = heap[0] as number;
    const nextRelease = next < order.length ? (release[order[next] as number] as number) : Infinity;
    const run = Math.min(left[pick] as number, nextRelease - t);
    t += run;
    left[pick] = (left[pick] as number) - run;
    if ((left[pick] as number) <= 0) {
      popTop();
      bound = Math.max(bound, t + (tail[pick] as number));
    }
  }
  return bound;
}

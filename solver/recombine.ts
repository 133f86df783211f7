import type { SequenceGraph, Snapshot } from './graph.ts';
import type { Random } from './random.ts';

/**
 * Job-based crossover of two solutions (after POX, Lee et al. 1998, as used with tabu search in
 * hybrid evolutionary algorithms for the job shop): a random half of the jobs keeps parent A's
 * machines and start times, the others take parent B's. Each machine then runs its operations in
 * order of those start times, pushed forward along every precedence arc first, so all arcs point
 * forward in one total order and the result has no cycle.
 * Leaves the child loaded (not evaluated) in `g`.
 */
export class Recombiner {
  private readonly startA: Float64Array;
  private readonly startB: Float64Array;
  private readonly machA: Int32Array;
  private readonly machB: Int32Array;
  private readonly key: Float64Array;
  private readonly rank: Int32Array;
  private readonly byKey: number[];
  private readonly jobCount: number;

  /** `startsOf` gives the start times of the solution loaded in g (default: the graph's heads after evaluate). */
  constructor(private readonly g: SequenceGraph, private readonly startsOf: () => ArrayLike<number> | null = () => (g.evaluate() ? g.head : null)) {
    const n = g.n;
    this.startA = new Float64Array(n);
    this.startB = new Float64Array(n);
    this.machA = new Int32Array(n);
    this.machB = new Int32Array(n);
    this.key = new Float64Array(n);
    this.rank = new Int32Array(n);
    this.byKey = Array.from({ length: n }, (_, i) => i);
    let jobs = 0;
    for (let v = 0; v < n; v++) jobs = Math.max(jobs, (g.c.job[v] as number) + 1);
    this.jobCount = jobs;
  }

  cross(a: Snapshot, b: Snapshot, rng: Random): void {
    const { g, key, rank } = this;
    const c = g.c;
    this.read(a, this.startA, this.machA);
    this.read(b, this.startB, this.machB);
    const fromA = new Uint8Array(this.jobCount);
    for (let j = 0; j < this.jobCount; j++) fromA[j] = rng.int(2);
    const mach = new Int32Array(g.n);
    for (let v = 0; v < g.n; v++) {
      const useA = fromA[c.job[v] as number] === 1;
      key[v] = useA ? (this.startA[v] as number) : (this.startB[v] as number);
      mach[v] = useA ? (this.machA[v] as number) : (this.machB[v] as number);
    }
    // g.topo still holds a topological order of the last evaluated graph, which includes every precedence arc.
    for (let i = 0; i < g.n; i++) {
      const v = g.topo[i] as number;
      rank[v] = i;
      for (let e = c.predStart[v] as number; e < (c.predStart[v + 1] as number); e++) {
        const p = c.predList[e] as number;
        if ((key[p] as number) > (key[v] as number)) key[v] = key[p] as number;
      }
    }
    this.byKey.sort((x, y) => (key[x] as number) - (key[y] as number) || (rank[x] as number) - (rank[y] as number));
    const sequences: number[][] = Array.from({ length: c.m }, () => []);
    for (const v of this.byKey) (sequences[mach[v] as number] as number[]).push(v);
    g.load(sequences);
  }

  private read(s: Snapshot, start: Float64Array, mach: Int32Array): void {
    this.g.restore(s);
    const starts = this.startsOf();
    if (starts === null) throw new Error('an elite solution cannot be timed');
    start.set(starts);
    mach.set(this.g.mach);
  }
}

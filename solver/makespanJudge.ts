import type { SequenceGraph } from './graph.ts';
import type { Judge } from './tabu.ts';

/**
 * The job shop's judge: a solution's makespan is the longest path of its graph (the graph is
 * evaluated already), the critical path is the one to improve, and the moves' head/tail
 * estimates are estimates of this very value, so the best estimate is applied directly.
 */
export class MakespanJudge implements Judge {
  readonly levels = 1;
  readonly exact = 1;

  constructor(private readonly g: SequenceGraph, private readonly bound: number) {}

  evaluate(value: Float64Array): boolean {
    value[0] = this.g.makespan;
    return true;
  }

  path(out: Int32Array): number {
    return this.g.criticalPath(out);
  }

  starts(): ArrayLike<number> {
    return this.g.head;
  }

  atBound(value: Float64Array): boolean {
    return (value[0] as number) <= this.bound;
  }
}

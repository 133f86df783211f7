import { exp } from '../src/sim/portableMath.ts';
import type { CompiledProblem } from './compile.ts';

/**
 * Priority rules for the Giffler–Thompson construction: among the operations in conflict on a
 * machine, the one with the highest score is scheduled first.
 */
export interface RuleContext {
  c: CompiledProblem;
  /** Due date of each operation's job (Infinity when none). */
  due: Float64Array;
  weight: Float64Array;
  /** Longest remaining path of shortest durations from the op's start to the end of its job. */
  remaining: Float64Array;
  meanDuration: number;
  meanSetup: number;
}

export interface Candidate {
  op: number;
  machine: number;
  duration: number;
  /** Earliest start on that machine. */
  start: number;
  /** Changeover before it on that machine. */
  setup: number;
}

export interface PriorityRule {
  name: string;
  score(ctx: RuleContext, x: Candidate): number;
}

export const SPT: PriorityRule = { name: 'SPT', score: (_ctx, x) => -x.duration };

export const MWKR: PriorityRule = { name: 'MWKR', score: (ctx, x) => ctx.remaining[x.op] as number };

/** Earliest due date; the operation's due date is the job's less the work left after it. */
export const EDD: PriorityRule = {
  name: 'EDD',
  score: (ctx, x) => -((ctx.due[x.op] as number) - (ctx.remaining[x.op] as number) + x.duration),
};

/**
 * Apparent Tardiness Cost with Setups (Lee, Bhaskaran & Pinedo 1997): weighted shortest processing
 * time, discounted by slack and by the changeover it causes. k1 scales slack, k2 setups.
 */
export function atcs(k1 = 2, k2 = 1): PriorityRule {
  return {
    name: `ATCS(${k1},${k2})`,
    score: (ctx, x) => {
      const opDue = (ctx.due[x.op] as number) - (ctx.remaining[x.op] as number) + x.duration;
      const slack = Math.max(opDue - x.duration - x.start, 0);
      const w = ctx.weight[x.op] as number;
      const slackTerm = Number.isFinite(slack) ? exp(-slack / (k1 * ctx.meanDuration)) : 0;
      const setupTerm = ctx.meanSetup > 0 ? exp(-x.setup / (k2 * ctx.meanSetup)) : 1;
      return (w / Math.max(x.duration, 1e-9)) * slackTerm * setupTerm;
    },
  };
}

export const RULES: readonly PriorityRule[] = [MWKR, SPT, EDD, atcs()];

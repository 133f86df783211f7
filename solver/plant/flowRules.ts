import { exp } from '../../src/sim/portableMath.ts';
import type { RuleContext } from '../rules.ts';
import type { FlowRule } from './flow.ts';

/** The operation's own due date: the order's, less the shortest work left after it. */
function opDue(ctx: RuleContext, v: number, duration: number): number {
  return (ctx.due[v] as number) - (ctx.remaining[v] as number) + duration;
}

/** Earliest (operation) due date first: the baseline a planner compares with. */
export function eddRule(ctx: RuleContext): FlowRule {
  return { name: 'EDD', fixedScore: true, score: (_f, v, _k, _now, _setup, duration) => -opDue(ctx, v, duration) };
}

/**
 * Apparent Tardiness Cost with Setups (Lee, Bhaskaran & Pinedo 1997): weighted shortest time,
 * discounted by slack (k1 mean durations) and by the changeover it causes (k2 mean changeovers).
 * exp from portableMath, so Node and browsers build the same schedule.
 */
export function atcsRule(ctx: RuleContext, k1: number, k2: number): FlowRule {
  return {
    name: `ATCS(${k1},${k2})`,
    score: (_f, v, _k, now, setup, duration) => {
      const due = opDue(ctx, v, duration);
      const slack = Math.max(due - duration - now, 0);
      const slackTerm = Number.isFinite(slack) ? exp(-slack / (k1 * ctx.meanDuration)) : 0;
      const setupTerm = ctx.meanSetup > 0 ? exp(-setup / (k2 * ctx.meanSetup)) : 1;
      return ((ctx.weight[v] as number) / Math.max(duration, 1e-9)) * slackTerm * setupTerm;
    },
  };
}

/**
 * Changeover first: the operation with the shortest changeover (then the earliest due date),
 * unless some operation's slack is below `urgency` mean durations — those go first, by due date.
 */
export function changeoverFirstRule(ctx: RuleContext, urgency: number): FlowRule {
  return {
    name: `changeoverFirst(${urgency})`,
    score: (_f, v, _k, now, setup, duration) => {
      const due = opDue(ctx, v, duration);
      const dueTerm = Number.isFinite(due) ? due : 1e12;
      if (due - duration - now < urgency * ctx.meanDuration) return 1e15 - dueTerm;
      return -setup * 1e13 - dueTerm;
    },
  };
}

/** Most work remaining first (for makespan). */
export function mwkrRule(ctx: RuleContext): FlowRule {
  return { name: 'MWKR', fixedScore: true, score: (_f, v) => ctx.remaining[v] as number };
}

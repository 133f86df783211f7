import type { Candidate, PriorityRule, RuleContext } from '../rules.ts';
import type { Decoder } from './decode.ts';

/** A solution of a plant problem: movable operations in a decodable order, and a machine for every operation. */
export interface PlantSolution {
  list: number[];
  assign: number[];
}

/**
 * Giffler–Thompson dispatching on calendar time: take the (operation, machine) pair that can
 * finish first, then among the operations that could start on that machine before then, run
 * the one the rule prefers. Times come from the decoder, so the order it returns decodes to the
 * very schedule it simulated. Trials are cached per machine until that machine changes.
 * With `machineOf`, each operation may only go to that machine (a given assignment, e.g. the LP's).
 */
export function dispatch(d: Decoder, ctx: RuleContext, rule: PriorityRule, machineOf?: ArrayLike<number>): PlantSolution {
  const c = d.c;
  const n = d.n;
  d.reset();
  const predsLeft = new Int32Array(n);
  const ready = new Float64Array(n);
  const modes = c.modeStart[n] as number;
  const stamp = new Int32Array(modes).fill(-1);
  const cs = new Float64Array(modes);
  const ce = new Float64Array(modes);
  const csu = new Float64Array(modes);
  const version = new Int32Array(d.m);
  const cand: number[] = [];
  const list: number[] = [];
  const assign = new Array<number>(n).fill(0);
  for (let v = 0; v < n; v++) {
    if (d.isFixed(v)) { assign[v] = d.machine[v] as number; continue; }
    for (let e = c.predStart[v] as number; e < (c.predStart[v + 1] as number); e++) if (!d.isFixed(c.predList[e] as number)) predsLeft[v] = (predsLeft[v] as number) + 1;
    if (predsLeft[v] === 0) { cand.push(v); ready[v] = d.ready(v); }
  }
  const x: Candidate = { op: 0, machine: 0, duration: 0, start: 0, setup: 0 };
  while (cand.length > 0) {
    let bestEnd = Infinity;
    let bestStart = Infinity;
    let bestMachine = -1;
    for (const v of cand) {
      for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
        const k = c.modeMachine[e] as number;
        if (machineOf !== undefined && machineOf[v] !== k) continue;
        if (stamp[e] !== version[k]) {
          d.trial(v, k, c.modeDuration[e] as number, ready[v] as number);
          stamp[e] = version[k] as number;
          cs[e] = d.tStart;
          ce[e] = d.tEnd;
          csu[e] = d.tSetup;
        }
        if ((ce[e] as number) < bestEnd || (ce[e] === bestEnd && (cs[e] as number) < bestStart)) { bestEnd = ce[e] as number; bestStart = cs[e] as number; bestMachine = k; }
      }
    }
    const k = bestMachine;
    let chosen = -1;
    let chosenScore = -Infinity;
    for (let i = 0; i < cand.length; i++) {
      const v = cand[i] as number;
      for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
        if (c.modeMachine[e] !== k || (machineOf !== undefined && machineOf[v] !== k)) continue;
        if ((cs[e] as number) >= bestEnd && (cs[e] as number) > bestStart) continue;
        x.op = v;
        x.machine = k;
        x.duration = c.modeDuration[e] as number;
        x.start = cs[e] as number;
        x.setup = csu[e] as number;
        const score = rule.score(ctx, x);
        if (chosen < 0 || score > chosenScore) { chosen = i; chosenScore = score; }
      }
    }
    const v = cand[chosen] as number;
    cand[chosen] = cand[cand.length - 1] as number;
    cand.pop();
    d.commit(v, k, d.duration(v, k), ready[v] as number);
    version[k] = (version[k] as number) + 1;
    list.push(v);
    assign[v] = k;
    for (let e = c.succStart[v] as number; e < (c.succStart[v + 1] as number); e++) {
      const s = c.succList[e] as number;
      if (d.isFixed(s)) continue;
      predsLeft[s] = (predsLeft[s] as number) - 1;
      if (predsLeft[s] === 0) { cand.push(s); ready[s] = d.ready(s); }
    }
  }
  d.finish();
  return { list, assign };
}

/**
 * Changeover first: among the operations in conflict, the one with the shortest changeover
 * (then the earliest operation due date), unless some operation's slack is below
 * `urgency` mean durations — those go first, earliest due date first.
 */
export function familyFirst(urgency: number): PriorityRule {
  return {
    name: `familyFirst(${urgency})`,
    score: (ctx, x) => {
      const opDue = (ctx.due[x.op] as number) - (ctx.remaining[x.op] as number) + x.duration;
      const slack = opDue - x.duration - x.start;
      const dueTerm = Number.isFinite(opDue) ? opDue : 1e12;
      if (slack < urgency * ctx.meanDuration) return 1e15 - dueTerm;
      return -x.setup * 1e13 - dueTerm;
    },
  };
}

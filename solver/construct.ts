import { changeover, durationOn, precedenceOrder, type CompiledProblem } from './compile.ts';
import type { SchedulingProblem } from './problem.ts';
import type { Candidate, PriorityRule, RuleContext } from './rules.ts';

/**
 * Giffler–Thompson construction of an active schedule, extended to eligible machines: take the
 * (operation, machine) pair that can finish first, then among the operations that could start on
 * that machine before that time, schedule the one the priority rule prefers.
 * Returns the machine sequences.
 */
export function gifflerThompson(c: CompiledProblem, ctx: RuleContext, rule: PriorityRule): number[][] {
  const { n, m } = c;
  const ready = new Float64Array(n);
  const predsLeft = new Int32Array(n);
  const free = new Float64Array(m);
  const last = new Int32Array(m).fill(-1);
  const sequences: number[][] = Array.from({ length: m }, () => []);
  const cand: number[] = [];
  for (let v = 0; v < n; v++) {
    ready[v] = c.release[v] as number;
    predsLeft[v] = (c.predStart[v + 1] as number) - (c.predStart[v] as number);
    if (predsLeft[v] === 0) cand.push(v);
  }
  const x: Candidate = { op: 0, machine: 0, duration: 0, start: 0, setup: 0 };
  for (let done = 0; done < n; done++) {
    let bestEnd = Infinity;
    let bestStart = Infinity;
    let bestMachine = -1;
    for (const v of cand) {
      for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
        const k = c.modeMachine[e] as number;
        const s = Math.max(ready[v] as number, (free[k] as number) + changeover(c, k, last[k] as number, v));
        const end = s + (c.modeDuration[e] as number);
        if (end < bestEnd) { bestEnd = end; bestStart = s; bestMachine = k; }
      }
    }
    const k = bestMachine;
    let chosen = -1;
    let chosenScore = -Infinity;
    let chosenStart = 0;
    for (let i = 0; i < cand.length; i++) {
      const v = cand[i] as number;
      for (let e = c.modeStart[v] as number; e < (c.modeStart[v + 1] as number); e++) {
        if (c.modeMachine[e] !== k) continue;
        x.setup = changeover(c, k, last[k] as number, v);
        x.start = Math.max(ready[v] as number, (free[k] as number) + x.setup);
        // The conflict set; `<= bestStart` keeps a zero-length operation that defines bestEnd in it.
        if (x.start >= bestEnd && x.start > bestStart) continue;
        x.op = v;
        x.machine = k;
        x.duration = c.modeDuration[e] as number;
        const score = rule.score(ctx, x);
        if (chosen < 0 || score > chosenScore) { chosen = i; chosenScore = score; chosenStart = x.start; }
      }
    }
    const v = cand[chosen] as number;
    cand[chosen] = cand[cand.length - 1] as number;
    cand.pop();
    const end = chosenStart + durationOn(c, v, k);
    free[k] = end;
    last[k] = v;
    (sequences[k] as number[]).push(v);
    for (let e = c.succStart[v] as number; e < (c.succStart[v + 1] as number); e++) {
      const s = c.succList[e] as number;
      if (end > (ready[s] as number)) ready[s] = end;
      predsLeft[s] = (predsLeft[s] as number) - 1;
      if (predsLeft[s] === 0) cand.push(s);
    }
  }
  return sequences;
}

/** What the rules need to know beyond the compiled problem: due dates, weights, remaining work. */
export function ruleContext(p: SchedulingProblem, c: CompiledProblem): RuleContext {
  const { n } = c;
  const due = new Float64Array(n);
  const weight = new Float64Array(n);
  const remaining = new Float64Array(n);
  p.operations.forEach((op, i) => {
    const job = p.jobs[op.job];
    due[i] = job?.due ?? Infinity;
    weight[i] = job?.weight ?? 1;
  });
  const order = precedenceOrder(c);
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i] as number;
    let after = 0;
    for (let e = c.succStart[v] as number; e < (c.succStart[v + 1] as number); e++) after = Math.max(after, remaining[c.succList[e] as number] as number);
    remaining[v] = (c.minDuration[v] as number) + after;
  }
  let sum = 0;
  for (let v = 0; v < n; v++) sum += c.minDuration[v] as number;
  let setupSum = 0;
  if (c.setup !== null) for (const s of c.setup) setupSum += s;
  return {
    c,
    due,
    weight,
    remaining,
    meanDuration: n > 0 ? sum / n : 1,
    meanSetup: c.setup !== null && c.setup.length > 0 ? setupSum / c.setup.length : 0,
  };
}

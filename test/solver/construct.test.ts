import { describe, expect, it } from 'vitest';
import { checkTimetable } from '../../solver/checker.ts';
import { compile } from '../../solver/compile.ts';
import { gifflerThompson, ruleContext } from '../../solver/construct.ts';
import { SequenceGraph } from '../../solver/graph.ts';
import { problemFromRoutings } from '../../solver/problem.ts';
import { atcs, EDD, MWKR, RULES, SPT } from '../../solver/rules.ts';
import { randomFlexible } from './instances.ts';

// Two jobs compete for machine 0 first: job 0 is short there (2) but has little work left,
// job 1 is long there (5) with much work after it.
const p = problemFromRoutings('c', 2, [
  [[{ machine: 0, duration: 2 }], [{ machine: 1, duration: 1 }]],
  [[{ machine: 0, duration: 5 }], [{ machine: 1, duration: 9 }]],
]);

describe('Giffler–Thompson construction', () => {
  const c = compile(p);
  const ctx = ruleContext(p, c);
  it('SPT puts the short operation first, MWKR the job with more work left', () => {
    expect(gifflerThompson(c, ctx, SPT)[0]).toEqual([0, 2]);
    expect(gifflerThompson(c, ctx, MWKR)[0]).toEqual([2, 0]);
  });

  it('EDD and ATCS follow due dates when jobs have them', () => {
    const q = { ...p, jobs: p.jobs.map((j, i) => ({ ...j, due: i === 0 ? 100 : 10 })) };
    const qc = compile(q);
    const qctx = ruleContext(q, qc);
    expect(gifflerThompson(qc, qctx, EDD)[0]).toEqual([2, 0]);
    expect(gifflerThompson(qc, qctx, atcs())[0]).toEqual([2, 0]);
  });

  it('every rule yields a feasible schedule on flexible instances', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const f = randomFlexible(seed, 6, 4, 4, 3);
      const fc = compile(f);
      const g = new SequenceGraph(fc);
      for (const rule of RULES) {
        g.load(gifflerThompson(fc, ruleContext(f, fc), rule));
        expect(g.evaluate()).toBe(true);
        expect(checkTimetable(f, g.toTimetable())).toEqual([]);
      }
    }
  });
});

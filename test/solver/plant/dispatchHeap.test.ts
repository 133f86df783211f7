import { describe, expect, it } from 'vitest';
import { compile } from '../../../solver/compile.ts';
import { ruleContext } from '../../../solver/construct.ts';
import { PlantFlow, type FlowRule } from '../../../solver/plant/flow.ts';
import { eddRule, mwkrRule } from '../../../solver/plant/flowRules.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { loadFeaturePlant } from '../../fixtures/featurePlant.ts';

/** Everything a dispatch leaves behind: the sequences made and their timing. */
function dispatched(flow: PlantFlow, rule: FlowRule, wait: boolean): unknown {
  const ok = flow.dispatch(rule, null, wait);
  return { ok, mach: [...flow.mach], first: [...flow.mFirst], next: [...flow.mNext], link: [...flow.batchLink], begin: [...flow.begin], start: [...flow.start], end: [...flow.end] };
}

// Property: a rule whose score depends on the operation and machine only keeps each machine's
// queue in a heap; the choices must be those of scoring the whole queue at every decision (the
// same rule without fixedScore), ties (equal due dates, equal work left) included.
describe('dispatching from heaps', () => {
  // Small plants (4–12 orders) and busier ones (60 orders: long queues, many equal due dates).
  it.each([...Array.from({ length: 16 }, (_, i) => [i + 1, undefined]), ...Array.from({ length: 8 }, (_, i) => [i + 1, 60])] as [number, number | undefined][])('random plant %i (%s orders): EDD and MWKR make the same sequences and times as the scan', async (seed, orders) => {
    const pp = plantProblem(await loadFeaturePlant(seed, orders === undefined ? {} : { orders }));
    const c = compile(pp.problem);
    const ctx = ruleContext(pp.problem, c);
    const flow = new PlantFlow(pp, c);
    for (const rule of [eddRule(ctx), mwkrRule(ctx)]) {
      expect(rule.fixedScore).toBe(true);
      for (const wait of [true, false]) {
        const heaped = dispatched(flow, rule, wait);
        const scanned = dispatched(flow, { name: rule.name, score: rule.score }, wait);
        expect(heaped).toEqual(scanned);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { compile } from '../../../solver/compile.ts';
import { ruleContext } from '../../../solver/construct.ts';
import { SequenceGraph } from '../../../solver/graph.ts';
import { PlantFlow } from '../../../solver/plant/flow.ts';
import { eddRule } from '../../../solver/plant/flowRules.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { Random } from '../../../solver/random.ts';
import { loadFeaturePlant } from '../../fixtures/featurePlant.ts';

// Property: re-timing a changed solution from the committed run's checkpoints gives exactly the
// timing of following it from scratch, whatever moved (operations between positions, machines
// and batches), whether or not the change is kept.
describe('incremental re-timing', () => {
  // The second set keeps a checkpoint budget of 4 KB (a few checkpoints): runs thin theirs out
  // as they go, the kept run's and the spare ones are cut to the budget — the same timings.
  it.each([...Array.from({ length: 30 }, (_, i) => [i + 1, undefined]), ...Array.from({ length: 10 }, (_, i) => [i + 1, 4096])] as [number, number | undefined][])('random plant %i (checkpoint budget %s bytes): followFrom equals follow after random moves', async (seed, budget) => {
    const pp = plantProblem(await loadFeaturePlant(seed));
    const c = compile(pp.problem);
    const g = new SequenceGraph(c);
    const inc = new PlantFlow(pp, c, 4, budget);
    const full = new PlantFlow(pp, c);
    for (let v = 0; v < c.n; v++) if (pp.fixed[v]?.kind === 'frozen') { g.movable[v] = 0; g.guarded = true; }
    // As the solver does: EDD's sequences, made without waiting for batch partners where following
    // them as made (batches starting once their lots are there) runs into a buffer deadlock.
    const followed = [true, false].some((wait) => {
      expect(inc.dispatch(eddRule(ruleContext(pp.problem, c)), null, wait)).toBe(true);
      g.load(Array.from({ length: c.m }, (_, k) => { const s: number[] = []; for (let v = inc.mFirst[k]!; v >= 0; v = inc.mNext[v]!) s.push(v); return s; }));
      g.batchLink.set(inc.batchLink);
      return g.evaluate() && inc.follow(g);
    });
    expect(followed).toBe(true);
    inc.commit();
    const rng = new Random(seed);
    let compared = 0;
    for (let step = 0; step < 80; step++) {
      const v = rng.int(c.n);
      if (g.movable[v] === 0 || !g.isSingle(v)) continue;
      const modes = (c.modeStart[v + 1] as number) - (c.modeStart[v] as number);
      const k = c.modeMachine[(c.modeStart[v] as number) + rng.int(modes)] as number;
      const onK: number[] = [];
      for (let u = g.mFirst[k] as number; u >= 0; u = g.mNext[u] as number) if (u !== v) onK.push(u);
      const after = onK.length === 0 || rng.int(4) === 0 ? -1 : onK[rng.int(onK.length)] as number;
      // Sometimes into the batch of the operation it goes after (on batch equipment).
      const link = after >= 0 && pp.plant.machines[k]!.batch !== null && rng.int(2) === 0 ? 1 : 0;
      if (link === 0 && !g.canInsert(k, after)) continue;
      g.relocate(v, k, after, link);
      if (!g.evaluate()) { g.undo(); g.evaluate(); continue; }
      const from = inc.earliestChange(g);
      const a = inc.followFrom(g, from);
      // The reference timing keeps no checkpoints (as constructions and results do): the same timing.
      const b = full.follow(g, false);
      expect(a).toBe(b);
      if (!a) { g.undo(); g.evaluate(); inc.restoreCommitted(); continue; }
      compared++;
      for (const field of ['begin', 'setup', 'setupStart', 'start', 'end', 'room', 'setupPool', 'runPool', 'violation', 'cause'] as const) {
        expect(Array.from(inc[field]), `${field} after step ${step}`).toEqual(Array.from(full[field]));
      }
      expect(inc.violations).toBe(full.violations);
      if (rng.int(3) === 0) { g.undo(); g.evaluate(); inc.restoreCommitted(); } else inc.commit();
    }
    expect(compared).toBeGreaterThan(5);
    expect(inc.incrementalRuns).toBeGreaterThan(0);
  });
});

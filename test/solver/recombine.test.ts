import { describe, expect, it } from 'vitest';
import { compile } from '../../solver/compile.ts';
import { gifflerThompson, ruleContext } from '../../solver/construct.ts';
import { newSnapshot, SequenceGraph, snapshotSequences } from '../../solver/graph.ts';
import { Random } from '../../solver/random.ts';
import { Recombiner } from '../../solver/recombine.ts';
import { MWKR, SPT } from '../../solver/rules.ts';
import { randomFlexible, withPlantFeatures } from './instances.ts';

describe('Recombiner', () => {
  const p = withPlantFeatures(randomFlexible(77, 8, 4, 4, 3), 77);
  const c = compile(p);
  const g = new SequenceGraph(c);
  const ctx = ruleContext(p, c);
  const a = newSnapshot(c);
  const b = newSnapshot(c);
  g.load(gifflerThompson(c, ctx, SPT));
  g.evaluate();
  g.save(a);
  g.load(gifflerThompson(c, ctx, MWKR));
  g.evaluate();
  g.save(b);
  const rec = new Recombiner(g);

  it('a solution crossed with itself is itself', () => {
    rec.cross(a, a, new Random(1));
    const child = newSnapshot(c);
    g.save(child);
    expect(snapshotSequences(child).map((s) => Array.from(s))).toEqual(snapshotSequences(a).map((s) => Array.from(s)));
  });

  it('children of two different solutions have no cycle and take each operation\'s machine from a parent', () => {
    const rng = new Random(2);
    const ga = new SequenceGraph(c);
    ga.restore(a);
    const gb = new SequenceGraph(c);
    gb.restore(b);
    for (let k = 0; k < 20; k++) {
      rec.cross(a, b, rng);
      expect(g.evaluate()).toBe(true);
      for (let v = 0; v < c.n; v++) expect([ga.mach[v], gb.mach[v]]).toContain(g.mach[v]);
    }
  });
});

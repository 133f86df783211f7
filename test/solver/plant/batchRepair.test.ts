import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/model/scenarioSchema.ts';
import { compile } from '../../../solver/compile.ts';
import { SequenceGraph } from '../../../solver/graph.ts';
import { compareValues, parseObjective, type Objective } from '../../../solver/objective.ts';
import { splitLateBatchLots } from '../../../solver/plant/batchRepair.ts';
import { PlantFlow } from '../../../solver/plant/flow.ts';
import { checkPlantTimetable } from '../../../solver/plant/plantChecker.ts';
import { plantProblem } from '../../../solver/plant/plantProblem.ts';
import { plantTimetable } from '../../../solver/plant/plantTimetable.ts';
import { solvePlant } from '../../../solver/plant/solvePlant.ts';
import { loadSamplePlant } from '../../sim/plant/samplePlants.ts';
import { problemOf, setupScenario } from './plantFixture.ts';

const at = (hhmm: string): string => `2026-11-30T${hhmm}:00Z`;
const minute = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

describe('splitLateBatchLots', () => {
  /** The oven's sequence (operations, 1 = in one batch with the one before) timed by the engine's flow. */
  const followed = (p: typeof pp, sequence: number[], links: number[]) => {
    const c = compile(p.problem);
    const g = new SequenceGraph(c);
    const flow = new PlantFlow(p, c);
    g.load([sequence]);
    g.batchLink.set(links);
    expect(g.evaluate() && flow.follow(g, false)).toBe(true);
    return { g, flow };
  };
  // Three lots of 10 for a 40-unit oven with maxWait 5, released 06:00, 06:10, 06:20; 60 min a batch.
  const bakeOnly: ScenarioInput['routings'] = [{ id: 'r1', operations: [{ id: 'bake', equipment: [{ equipment: 'oven', time: { type: 'constant', value: 60 } }] }] }];
  const orders = ['06:00', '06:10', '06:20'].map((t, i) => ({ id: `o${i + 1}`, product: 'p1', quantity: 10, release: at(t), due: '2026-12-04T22:00:00Z' }));
  const pp = problemOf(setupScenario({ routings: bakeOnly, orders, batchEquipment: [{ equipment: 'oven', capacity: 40, maxWait: 5 }] }));

  it('sends the lots that were there when maxWait ran out, and the later ones as the next batch', () => {
    // All three in one batch: o1 would wait 20 min for o3 at a free oven.
    const { g, flow } = followed(pp, [0, 1, 2], [0, 1, 1]);
    expect(Array.from(flow.violation)).toEqual([1, 0, 0]);
    expect(checkPlantTimetable(pp, plantTimetable(flow)).map((v) => v.kind)).toContain('maxWait');

    expect(splitLateBatchLots(pp, g, flow)).toBe(1);
    expect([g.mFirst[0], g.mNext[0], g.mNext[1], g.mNext[2]]).toEqual([0, 1, 2, -1]);
    expect(Array.from(g.batchLink)).toEqual([0, 0, 1]);
    expect(g.evaluate() && flow.follow(g, false)).toBe(true);
    expect(flow.violations).toBe(0);
    expect(Array.from(flow.end)).toEqual([minute('07:00'), minute('08:00'), minute('08:00')]);
    expect(checkPlantTimetable(pp, plantTimetable(flow))).toEqual([]);
    // Nothing left to split.
    expect(splitLateBatchLots(pp, g, flow)).toBe(0);
  });

  it('puts a late lot into the next batch of its group with room, else into a batch of its own', () => {
    const four = [...orders.slice(0, 2).map((o, i) => ({ ...o, release: at(['06:00', '06:20'][i]!) })), ...['o3', 'o4'].map((id) => ({ ...orders[0]!, id, release: at('06:30') }))];
    const sequenced = (capacity: number) => {
      const p = problemOf(setupScenario({ routings: bakeOnly, orders: four, batchEquipment: [{ equipment: 'oven', capacity, maxWait: 5 }] }));
      // o1 with o2 (20 min after it), then o3 with o4.
      const { g, flow } = followed(p, [0, 1, 2, 3], [0, 1, 0, 1]);
      expect(Array.from(flow.violation)).toEqual([1, 0, 0, 0]);
      expect(splitLateBatchLots(p, g, flow)).toBe(1);
      const seq: number[] = [];
      for (let v = g.mFirst[0] as number; v >= 0; v = g.mNext[v] as number) seq.push(v);
      expect(g.evaluate() && flow.follow(g, false)).toBe(true);
      expect(flow.violations).toBe(0);
      expect(checkPlantTimetable(p, plantTimetable(flow))).toEqual([]);
      return { seq, link: Array.from(g.batchLink), end: Array.from(flow.end) };
    };
    // Room for o2 in the 07:00 load: two cycles, as the simulator would load them.
    expect(sequenced(40)).toEqual({ seq: [0, 2, 3, 1], link: [0, 1, 0, 1], end: [minute('07:00'), minute('08:00'), minute('08:00'), minute('08:00')] });
    // No room (25 units): o2 goes alone right after o1.
    expect(sequenced(25)).toEqual({ seq: [0, 1, 2, 3], link: [0, 0, 0, 1], end: [minute('07:00'), minute('08:00'), minute('09:00'), minute('09:00')] });
  });

  it('leaves a batch whose lots came within maxWait alone', () => {
    // o3 alone first (06:20–07:20), then o1 and o2 together: both were waiting for the oven, not for each other.
    const { g, flow } = followed(pp, [2, 0, 1], [0, 1, 0]);
    expect(flow.violations).toBe(0);
    expect(splitLateBatchLots(pp, g, flow)).toBe(0);
    expect(Array.from(g.batchLink)).toEqual([0, 1, 0]);
  });
});

describe('constructions on the medical-devices sample (sterilizer batches with maxWait)', () => {
  it('are plans without maxWait violations, and the search returns the best of them or better', async () => {
    const pp = plantProblem(await loadSamplePlant('medical-devices'));
    const objective = parseObjective('weightedTardiness') as Objective;
    const r = solvePlant(pp, { maxIterations: 50, seed: 1, objective });
    const made = r.construction.filter((c) => !c.rule.includes('deadlock'));
    expect(made.length).toBeGreaterThan(0);
    // Before the repair EDD's followed plan let a lot wait past maxWait twice (ranked below every plan without).
    expect(made.filter((c) => c.rule.includes('violation'))).toEqual([]);
    for (const c of made) expect(compareValues(r.value, c.value)).toBeLessThanOrEqual(0);
    expect(r.maxWaitExceeded).toEqual([]);
    expect(checkPlantTimetable(pp, r.timetable)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { findOverlaps } from '../../src/model/edits/overlaps.ts';
import type { Layout } from '../../src/model/layoutSchema.ts';
import { loadScenarioText } from '../../src/model/load.ts';
import { formatProblem } from '../../src/model/problem.ts';
import { allEquipment } from '../../src/model/plantEquipment.ts';
import type { ScenarioInput } from '../../src/model/scenarioSchema.ts';
import { duplicateEquipment, failureOf, meanOf, setBuffers, setFailureMean, setSpeedFactor, speedFactor, type PlantDocs } from '../../src/scenario/equipmentEdits.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';

const plant = await loadSamplePlant('kitchen-hardware');
const docs = (): PlantDocs => structuredClone({ scenario: plant.scenario as ScenarioInput, layout: plant.layout });

async function check(d: PlantDocs) {
  return loadScenarioText(JSON.stringify(d.scenario), 'scenarios/kitchen-hardware-week.json', async () => ({ text: JSON.stringify(d.layout), file: 'layouts/kitchen-hardware.json' }));
}

const timesOf = (s: ScenarioInput, id: string) => s.routings.flatMap((r) => r.operations.flatMap((op) => op.equipment.filter((e) => e.equipment === id).map((e) => meanOf(e.time))));

describe('speed factor', () => {
  it('divides every processing time of the machine by the factor, against the reference, without compounding', () => {
    const reference = docs().scenario;
    const base = timesOf(reference, 'BOOTH-01');
    expect(base.length).toBeGreaterThan(1);
    const faster = setSpeedFactor(reference, reference, 'BOOTH-01', 1.25);
    timesOf(faster, 'BOOTH-01').forEach((t, i) => expect(t).toBeCloseTo(base[i]! / 1.25, 10));
    expect(speedFactor(faster, reference, 'BOOTH-01')).toBeCloseTo(1.25, 12);
    const again = setSpeedFactor(faster, reference, 'BOOTH-01', 1.1);
    expect(speedFactor(again, reference, 'BOOTH-01')).toBeCloseTo(1.1, 12);
    timesOf(again, 'BOOTH-01').forEach((t, i) => expect(t).toBeCloseTo(base[i]! / 1.1, 10));
    expect(timesOf(again, 'BOOTH-02')).toEqual(timesOf(reference, 'BOOTH-02'));
    expect(speedFactor(reference, reference, 'RACK-RAW')).toBeUndefined();
  });

  it('keeps a distribution\'s shape: a lognormal keeps its coefficient of variation', () => {
    const reference = docs().scenario;
    const faster = setSpeedFactor(reference, reference, 'LASER-01', 2);
    const pick = (s: ScenarioInput) => s.routings.flatMap((r) => r.operations.flatMap((op) => op.equipment)).find((e) => e.equipment === 'LASER-01')!.time as { type: string; mean?: number; sd?: number };
    const [a, b] = [pick(reference), pick(faster)];
    expect(b.type).toBe(a.type);
    if (a.sd !== undefined) expect(b.sd! / b.mean!).toBeCloseTo(a.sd / a.mean!, 12);
  });
});

describe('buffers', () => {
  it('sets and clears the capacities of an equipment in the layout', async () => {
    const d = setBuffers(docs(), 'BOOTH-01', 3, 2);
    const booth = allEquipment(d.layout).find((e) => e.id === 'BOOTH-01')!;
    expect([booth.inputBuffer, booth.outputBuffer]).toEqual([3, 2]);
    expect((await check(d)).ok).toBe(true);
    const cleared = allEquipment(setBuffers(d, 'BOOTH-01', undefined, undefined).layout).find((e) => e.id === 'BOOTH-01')!;
    expect('inputBuffer' in cleared || 'outputBuffer' in cleared).toBe(false);
  });

  it('a capacity the format refuses gets the loader\'s message with its place in the layout', async () => {
    const loaded = await check(setBuffers(docs(), 'BOOTH-01', 0, undefined));
    expect(loaded.ok).toBe(false);
    const text = loaded.ok ? '' : loaded.problems.map(formatProblem).join('\n');
    expect(text).toMatch(/layouts\/kitchen-hardware\.json.*inputBuffer/);
  });
});

describe('duplicating a machine', () => {
  it('puts a copy beside it, reachable, eligible wherever the original is, with its failures, and the plant simulates it', async () => {
    const made = duplicateEquipment(docs(), 'BOOTH-01');
    if (!made.ok) throw new Error(made.reason);
    expect(made.id).toBe('BOOTH-01-2');
    const layout: Layout = made.docs.layout;
    const original = allEquipment(layout).find((e) => e.id === 'BOOTH-01')!;
    const copy = allEquipment(layout).find((e) => e.id === 'BOOTH-01-2')!;
    expect({ ...copy, id: original.id, name: original.name, position: original.position }).toEqual(original);
    expect(Math.hypot(copy.position.x - original.position.x, copy.position.y - original.position.y)).toBeLessThan(15);
    expect(findOverlaps(layout).filter((o) => o.a === copy.id || o.b === copy.id)).toEqual([]);
    const cell = layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells)).find((c) => c.equipment.some((e) => e.id === 'BOOTH-01'))!;
    expect(cell.equipment.map((e) => e.id)).toContain('BOOTH-01-2');
    const node = layout.paths.nodes.find((n) => n.equipment === 'BOOTH-01-2')!;
    expect(layout.paths.edges.some((e) => e.to === node.id || e.from === node.id)).toBe(true);
    expect(timesOf(made.docs.scenario, 'BOOTH-01-2')).toEqual(timesOf(made.docs.scenario, 'BOOTH-01'));
    const failureOf = (id: string) => made.docs.scenario.failures!.filter((f) => f.equipment.includes(id)).length;
    expect(failureOf('BOOTH-01-2')).toBe(failureOf('BOOTH-01'));

    const loaded = await check(made.docs);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const result = simulatePlant(loaded.value, { replication: 0 });
    expect(result.equipment.find((e) => e.id === 'BOOTH-01-2')!.unitsProcessed).toBeGreaterThan(0);
  });

  it('a second copy gets the next free id, and an unknown machine is refused', () => {
    const first = duplicateEquipment(docs(), 'BOOTH-01');
    if (!first.ok) throw new Error(first.reason);
    const second = duplicateEquipment(first.docs, 'BOOTH-01');
    expect(second.ok && second.id).toBe('BOOTH-01-3');
    expect(duplicateEquipment(docs(), 'NO-SUCH')).toEqual({ ok: false, reason: 'there is no equipment "NO-SUCH" in the layout' });
  });
});

describe('failures of one machine', () => {
  it('splits a shared model so only this machine changes, keeping every machine\'s order of failure modes', () => {
    const scenario = docs().scenario;
    const before = failureOf(scenario, 'LASER-01')!;
    expect(before.sharedWith).toEqual(['LASER-02']);
    const edited = setFailureMean(scenario, 'LASER-01', 'timeBetweenFailures', 1200);
    expect(failureOf(edited, 'LASER-01')).toMatchObject({ mtbf: 1200, mttr: before.mttr, sharedWith: [] });
    expect(failureOf(edited, 'LASER-02')).toMatchObject({ mtbf: before.mtbf, mttr: before.mttr, sharedWith: [] });
    const at = scenario.failures!.findIndex((f) => f.equipment.includes('LASER-01'));
    expect(edited.failures!.slice(at, at + 2).map((f) => f.equipment)).toEqual([['LASER-02'], ['LASER-01']]);
    expect(edited.failures!.length).toBe(scenario.failures!.length + 1);
    const again = setFailureMean(edited, 'LASER-01', 'timeToRepair', 30);
    expect(again.failures!.length).toBe(edited.failures!.length);
    expect(failureOf(again, 'LASER-01')).toMatchObject({ mtbf: 1200, mttr: 30 });
  });
});

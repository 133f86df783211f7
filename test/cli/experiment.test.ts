import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';
import { tempPlantDir } from './tempPlant.ts';

const plant = tempPlantDir();
afterAll(() => plant.remove());

/** Two systems close in lead time, so the selection needs replications beyond its first stage. */
const experiment = {
  format: 'plant-twin/experiment', version: 1, id: 'oven-speed', name: 'Oven speed',
  base: 'small-scenario.json',
  alternatives: [
    { id: 'now' },
    { id: 'faster-oven', changes: [{ scale: 'scenario.routings[id=r1].operations[id=bake].equipment[equipment=oven].time', by: 0.97 }] },
    { id: 'two-mills-fast', changes: [{ set: 'scenario.routings[0].operations[1].equipment[1].time', value: { type: 'constant', value: 4 } }] },
  ],
  selection: { kpi: 'leadTimeMean', goal: 'minimise', indifferenceZone: 2, firstStage: 5 },
};
plant.write('experiment.json', experiment);
const read = (file: string) => readFileSync(path.join(plant.dir, file), 'utf8');

describe('plant-twin experiment', () => {
  it('gives, sharded 1/3 2/3 3/3 in separate processes and merged, the unsharded result byte for byte', async () => {
    const whole = await runCli(['experiment', 'experiment.json', '--out', 'whole', '--no-cache', '--workers', '1'], plant.dir);
    expect(whole.stderr).not.toMatch(/expected/);
    expect(whole.code).toBe(0);
    const shards = await Promise.all([1, 2, 3].map((i) =>
      runCli(['experiment', 'experiment.json', '--shard', `${i}/3`, '--out', `shard-${i}`, '--no-cache', '--workers', '1'], plant.dir)));
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0]);
    const merged = await runCli(['experiment', 'merge', 'shard-1', 'shard-2', 'shard-3', '--out', 'merged.json', '--no-cache', '--workers', '1'], plant.dir);
    expect(merged.stderr).not.toMatch(/expected|Error/);
    expect(merged.stderr).toMatch(/further replications for the selection: \d+\/\d+ \(100 %\)/);
    expect(merged.code).toBe(0);
    expect(read('merged.json')).toBe(read('whole/result.json'));

    const result = JSON.parse(read('merged.json'));
    // The shards ran the first stage only; the selection's later stages ran in merge.
    const parts = [1, 2, 3].map((i) => JSON.parse(read(`shard-${i}/part-${i}-of-3.json`)));
    const firstStage = parts.flatMap((p) => p.systems.flatMap((s: { records: unknown[] }) => s.records)).length;
    expect(firstStage).toBe(3 * 5);
    expect(Math.max(...result.selection.systems.map((s: { replications: number }) => s.replications))).toBeGreaterThan(5);
    expect(result.selection.statement).toMatch(/With probability at least 95 %/);
    expect(whole.stdout).toMatch(/Best \(minimise leadTimeMean\)/);
  }, 240_000);

  it('refuses to merge when a shard is missing or comes from another experiment, naming the files', async () => {
    const missing = await runCli(['experiment', 'merge', 'shard-1', 'shard-3', '--out', 'bad.json'], plant.dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no part for shard 2 of 3/);
    plant.write('other.json', { ...experiment, alternatives: experiment.alternatives.slice(0, 2) });
    const other = await runCli(['experiment', 'other.json', '--shard', '2/3', '--out', 'other-2', '--no-cache', '--workers', '1'], plant.dir);
    expect(other.code).toBe(0);
    const mixed = await runCli(['experiment', 'merge', 'shard-1', 'other-2', 'shard-3', '--out', 'bad.json'], plant.dir);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/other-2\/part-2-of-3\.json: meta\.inputHash: expected the inputs of shard-1/);
  }, 240_000);

  it('takes replications from the cache the second time, with the same result', async () => {
    const first = await runCli(['experiment', 'experiment.json', '--out', 'cached', '--workers', '1'], plant.dir);
    const again = await runCli(['experiment', 'experiment.json', '--out', 'cached-again', '--cache', 'cached/cache', '--workers', '1'], plant.dir);
    expect(first.code).toBe(0);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/taken from the cache/);
    expect(read('cached-again/result.json')).toBe(read('cached/result.json'));
  }, 240_000);

  it('reports a change that does not fit the scenario with the file, the system and the place', async () => {
    plant.write('broken.json', { ...experiment, selection: undefined, alternatives: [
      { id: 'now' },
      { id: 'typo', changes: [{ set: 'scenario.orders[id=o9].quantity', value: 3 }] },
      { id: 'bad-value', changes: [{ set: 'scenario.orders[0].quantity', value: -5 }] },
    ] });
    const run = await runCli(['experiment', 'broken.json', '--out', 'broken'], plant.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.json: alternatives\[1\]\.changes\[0\]: expected an element with id = "o9" in scenario\.orders, found none/);
    expect(run.stderr).toMatch(/broken\.json: alternatives\[2\] \(system "bad-value"\), after its changes, small-scenario\.json: orders\[0\]\.quantity: expected/);
  }, 60_000);

  it('checks its options', async () => {
    const bad = await runCli(['experiment', 'experiment.json', '--out', 'x', '--shard', '4/3'], plant.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--shard must be i\/N with 1 ≤ i ≤ N/);
    const noOut = await runCli(['experiment', 'experiment.json'], plant.dir);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out is required/);
  }, 60_000);
});

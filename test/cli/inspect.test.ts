import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.ts';
import { tempPlantDir } from './tempPlant.ts';

// Expected figures are worked out by hand in test/fixtures/smallPlant.ts.
let plant: ReturnType<typeof tempPlantDir>;
beforeAll(() => {
  plant = tempPlantDir();
});
afterAll(() => plant.remove());

describe('plant-twin inspect', () => {
  it('a scenario shows products, order totals and the load table with the bottleneck first', async () => {
    const { code, stdout, stderr } = await runCli(['inspect', 'small-scenario.json'], plant.dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Scenario small-two-days — Small shop, two days (small-scenario.json)');
    expect(stdout).toContain('horizon 2880 min (2.0 days)');
    expect(stdout).toContain('Products: 2 in 2 families');
    expect(stdout).toMatch(/^ {2}A: p1$/m);
    expect(stdout).toContain('Orders: 3, 200 units, released 2026-11-30T06:00:00Z … 2026-11-30T08:00:00Z, due 2026-12-01T12:00:00Z … 2026-12-01T20:00:00Z');
    const table = stdout.slice(stdout.indexOf('Load over the horizon')).split('\n').slice(2, 6)
      .map((row) => row.trim().split(/\s{2,}/));
    expect(table).toEqual([
      ['mill-2', 'day', '600.0', '900.0', '66.7 %', '← bottleneck'],
      ['mill-1', 'day', '400.0', '900.0', '44.4 %'],
      ['saw', 'day', '400.0', '900.0', '44.4 %'],
      ['oven', 'long', '600.0', '1920.0', '31.3 %'],
    ]);
    expect(stdout.replace(/\s+/g, ' ')).toContain('an operation with several eligible machines gives each an equal share of the quantity');
  });

  it('a layout shows equipment per area and line, counts by type and the path graph size', async () => {
    const { code, stdout } = await runCli(['inspect', 'small-layout.json'], plant.dir);
    expect(code).toBe(0);
    expect(stdout).not.toContain('Scenario');
    expect(stdout).toContain('Site site — Site: 1 area, 2 lines, 4 equipment');
    expect(stdout).toMatch(/^ {4}Line line-1 — Line one \(3\)\n {6}saw \(laser-cutter\), mill-1 \(machining-center\), mill-2 \(machining-center\)$/m);
    expect(stdout).toMatch(/^ {5}2 {2}machining-center$/m);
    expect(stdout).toContain('Paths: 4 nodes, 3 edges (1 conveyor), 22.0 m in total');
  });

  it('--json gives the summary as data with the same figures', async () => {
    const { code, stdout } = await runCli(['inspect', '--json', 'small-scenario.json'], plant.dir);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as {
      layout: { equipmentCount: number; paths: { length: number } };
      scenario: { orders: { count: number; quantity: number }; load: { equipment: { equipment: string; work: number; capacity: number; load: number }[] } };
    };
    expect(summary.layout.equipmentCount).toBe(4);
    expect(summary.layout.paths.length).toBe(22);
    expect(summary.scenario.orders).toMatchObject({ count: 3, quantity: 200 });
    expect(summary.scenario.load.equipment[0]).toMatchObject({ equipment: 'mill-2', work: 600, capacity: 900 });
    expect(summary.scenario.load.equipment[3]).toMatchObject({ equipment: 'oven', load: 0.3125 });
  });

  it('an invalid file prints its problems on stderr and exits 1', async () => {
    plant.write('bad.json', { format: 'plant-twin/layout', version: 2 });
    const { code, stdout, stderr } = await runCli(['inspect', 'bad.json'], plant.dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^bad\.json: version: expected 1, found 2/m);
  });
});

import type { Remote } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { Layout } from '../../src/model/layoutSchema.ts';
import { Scenario } from '../../src/model/scenarioSchema.ts';
import { createSimApi, type SimApi } from '../../src/workers/simApi.ts';
import { createSimPool } from '../../src/workers/simPool.ts';
import { riskJson, scheduleRisk } from '../../src/workers/scheduleRisk.ts';
import { plantOutputs } from '../../solver/plant/plantOutputs.ts';
import { solvePlant } from '../../solver/plant/solvePlant.ts';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import { smallLayout, smallScenario } from '../fixtures/smallPlant.ts';
import { runCli } from './runCli.ts';
import { tempPlantDir } from './tempPlant.ts';

const temp = tempPlantDir();
afterAll(() => temp.remove());

const scenario = Scenario.parse(smallScenario);
const pp = plantProblem({ layout: Layout.parse(smallLayout), layoutFile: 'small-layout.json', scenario });
const schedule = plantOutputs(pp, solvePlant(pp, { maxIterations: 50, seed: 1 }), { createdAt: '2026-11-30T00:00:00Z' }).schedule;
temp.write('schedule.json', schedule);

describe('plant-twin risk', () => {
  it('prints per order the on-time probability with its interval, lateness and causes, as the app computes them for the same seed', async () => {
    const run = await runCli(['risk', 'small-scenario.json', '--schedule', 'schedule.json', '--reps', '12', '--seed', '5', '--json', '--workers', '2'], temp.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as ReturnType<typeof riskJson>;
    expect(json.replications).toBe(12);
    expect(json.orders.map((o) => o.order)).toEqual(['o1', 'o2', 'o3']);
    for (const o of json.orders) {
      expect(Object.keys(o)).toEqual(['order', 'pOnTime', 'lower', 'upper', 'expectedLateness', 'p90Lateness', 'causes']);
      expect(o.lower).toBeLessThanOrEqual(o.pOnTime);
      expect(o.pOnTime).toBeLessThanOrEqual(o.upper);
      expect(o.p90Lateness).toBeGreaterThanOrEqual(0);
      const shares = o.causes.reduce((s, c) => s + c.share, 0);
      if (o.causes.length > 0) expect(shares).toBeCloseTo(1, 3);
    }
    // The app runs scheduleRisk on its pool: the same numbers for the same seed.
    const pool = createSimPool(1, () => ({ api: createSimApi() as unknown as Remote<SimApi>, terminate: () => {} }));
    const plant = { layout: Layout.parse(smallLayout), layoutFile: 'small-layout.json', scenario, scenarioFile: 'small-scenario.json' };
    expect(riskJson(await scheduleRisk(pool, plant, schedule, { replications: 12, seed: 5 }))).toEqual(json);
  }, 60_000);

  it('reads its files with the input options every scenario command takes (--layout-root, --encoding)', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    // The scenario two folders below its layout, written in Latin-1.
    mkdirSync(path.join(temp.dir, 'elsewhere', 'a', 'b'), { recursive: true });
    writeFileSync(path.join(temp.dir, 'elsewhere', 'small-layout.json'), JSON.stringify(smallLayout));
    writeFileSync(path.join(temp.dir, 'elsewhere', 'a', 'b', 's.json'), Buffer.from(JSON.stringify({ ...smallScenario, layout: '../../small-layout.json', description: 'Sägewerk' }), 'latin1'));
    const args = ['risk', 'elsewhere/a/b/s.json', '--schedule', 'schedule.json', '--reps', '2', '--seed', '5', '--json', '--workers', '1', '--no-attribution'];
    const plain = await runCli(args, temp.dir);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/s\.json: line \d+ column \d+: expected UTF-8 text, found the byte 0xE4/);
    const latin1 = await runCli([...args, '--encoding', 'latin1'], temp.dir);
    expect(latin1.code).toBe(1);
    expect(latin1.stderr).toMatch(/small-layout\.json/);
    const both = await runCli([...args, '--encoding', 'latin1', '--layout-root', path.join(temp.dir, 'elsewhere')], temp.dir);
    expect(both.stderr).toBe('');
    expect(both.code).toBe(0);
    expect((JSON.parse(both.stdout) as ReturnType<typeof riskJson>).orders.map((o) => o.order)).toEqual(['o1', 'o2', 'o3']);
    expect((await runCli([...args, '--encoding', 'ebcdic'], temp.dir)).stderr).toMatch(/^plant-twin risk: --encoding must be one of utf-8, latin1, found "ebcdic"/);
  }, 60_000);

  it('says what is missing or wrong', async () => {
    expect((await runCli(['risk', 'small-scenario.json'], temp.dir)).stderr).toMatch(/--schedule FILE/);
    expect((await runCli(['risk', 'small-scenario.json', '--schedule', 'schedule.json', '--reps', '0'], temp.dir)).stderr).toMatch(/--reps must be a whole number ≥ 1, found "0"/);
    temp.write('other.json', { ...schedule, scenario: 'another-plant' });
    const other = await runCli(['risk', 'small-scenario.json', '--schedule', 'other.json'], temp.dir);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/other\.json: scenario: expected "small-two-days"/);
  }, 60_000);
});

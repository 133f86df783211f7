import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDispatchListText, loadScheduleText } from '../../src/model/load.ts';
import { runCli } from './runCli.ts';
import { reentrantJam } from '../fixtures/jamPlant.ts';
import { tempPlantDir } from './tempPlant.ts';

describe('plant-twin schedule', () => {
  const plant = tempPlantDir();
  afterAll(() => plant.remove());

  it('schedules the small plant and writes a valid schedule and dispatch list', async () => {
    const run = await runCli(['schedule', 'small-scenario.json', '--iterations', '200', '--objective', 'lex:lateOrders,weightedTardiness', '--out', 'plan.json', '--dispatch', 'list.json'], plant.dir);
    // Only progress lines (time, best value, bound) on stderr.
    expect(run.stderr.split('\n').filter((l) => l !== '' && !/^\d+\.\d s {2}best [\d./ ]+ bound [\d./ ]+$/.test(l))).toEqual([]);
    expect(run.stderr).toMatch(/s {2}best \d+ \/ \d+/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/objective lex\(lateOrders,weightedTardiness\)/);
    expect(run.stdout).toMatch(/EDD: +late orders \d+/);
    const schedule = loadScheduleText(readFileSync(path.join(plant.dir, 'plan.json'), 'utf8'), 'plan.json');
    // Cut and mill per order, then the oven's batches of at most 10 (100, 50 and 50 units).
    expect(schedule.ok && schedule.value.operations.length).toBe(6 + 20);
    expect(loadDispatchListText(readFileSync(path.join(plant.dir, 'list.json'), 'utf8'), 'list.json').ok).toBe(true);
  });

  it('says when the first plan alone takes longer than --time, at once and at the end, and still writes the plan', async () => {
    // A millisecond: less than starting the process takes, so the first plan is always over it.
    const run = await runCli(['schedule', 'small-scenario.json', '--time', '0.001', '--out', 'late.json'], plant.dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^\d+\.\d s {2}first plan took (\d+\.\d) s, over the --time budget of 0\.001 s: no search, writing the result$/m);
    expect(run.stderr).toMatch(/^plant-twin schedule: took \d+\.\d s, over the --time budget of 0\.001 s: first plan at \d+\.\d s, 0 search iterations, files written in \d+\.\d s$/m);
    expect(run.stdout).toMatch(/, 0 search iterations$/m);
    expect(loadScheduleText(readFileSync(path.join(plant.dir, 'late.json'), 'utf8'), 'late.json').ok).toBe(true);
  });

  it('refuses a malformed objective with a usage error', async () => {
    const run = await runCli(['schedule', 'small-scenario.json', '--objective', 'lex:fast'], plant.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown criterion "fast"/);
  });

  it('writes a JSSP schedule with job and operation indices', async () => {
    plant.write('tiny.txt', '2 2\n0 3 1 2\n1 4 0 1\n');
    const run = await runCli(['schedule', '--jssp', 'tiny.txt', '--iterations', '50', '--out', 'tiny.json'], plant.dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(plant.dir, 'tiny.json'), 'utf8')) as { makespan: number; operations: { job: number; operation: number; machine: number }[] };
    expect(json.makespan).toBe(6);
    expect(json.operations.map((o) => [o.job, o.operation, o.machine])).toEqual([[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]);
  });
});

describe('plant-twin schedule on a plant whose buffers deadlock every construction', () => {
  const plant = tempPlantDir();
  afterAll(() => plant.remove());

  it('says in one line which buffers are full and where they are, exit 1, no stack trace', async () => {
    const jam = reentrantJam();
    plant.write('test.json', jam.layout);
    plant.write('jam.json', jam.scenario);
    const run = await runCli(['schedule', 'jam.json', '--time', '5', '--out', 'jam-plan.json'], plant.dir);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l !== '' && !/^\d+\.\d s {2}/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^plant-twin schedule: jam\.json: the lots deadlock in the finite buffers under every dispatching rule \(EDD: .*B's input buffer \(capacity 1\).*Raise these capacities \(test\.json: site\.areas\[0\]\.lines\[0\]\.cells\[0\]\.equipment\[0\]\.inputBuffer/);
    expect(run.stderr).not.toMatch(/ at |Error:/);
    expect(existsSync(path.join(plant.dir, 'jam-plan.json'))).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disturbancesOption } from '../../src/cli/simulateCommand.ts';
import { decodeTrace } from '../../src/sim/plant/traceFile.ts';
import { runCli } from './runCli.ts';
import { tempPlantDir } from './tempPlant.ts';

let plant: ReturnType<typeof tempPlantDir>;
beforeAll(() => {
  plant = tempPlantDir();
});
afterAll(() => plant.remove());

interface SimulateJson {
  seed: number;
  replications: number;
  kpis: { samples: Record<string, number[]>; intervals: Record<string, { mean: number; halfWidth: number; level: number }> };
  equipment: { id: string; utilisation: { mean: number }; oee: { mean: number } | null }[];
  bottlenecks: { id: string; replications: number }[];
  runs: { replication: number; flow: { unitsReleased: number; unitsGood: number; unitsScrapped: number; unitsInPlant: number } }[];
}

describe('plant-twin simulate', () => {
  it('prints the KPI table with confidence half-widths, per equipment, and the bottleneck', async () => {
    const { code, stdout, stderr } = await runCli(['simulate', '--reps', '3', 'small-scenario.json'], plant.dir);
    expect(stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(code).toBe(0);
    expect(stdout).toContain('Simulated small-two-days — Small shop, two days (small-scenario.json)');
    expect(stdout).toContain('3 replications, seed 1, horizon 2880 min (2.0 days), warm-up 0 min, dispatching FIFO');
    expect(stdout).toMatch(/^Throughput\s+[\d.]+ ± [\d.]+ lots\/day/m);
    expect(stdout).toMatch(/^Delivery\s+on time [\d.]+ ± [\d.]+ %/m);
    expect(stdout).toMatch(/^Bottleneck: (saw|mill-1|mill-2|oven) \(top in \d of 3 replications/m);
    for (const id of ['saw', 'mill-1', 'mill-2', 'oven']) expect(stdout).toMatch(new RegExp(`^${id}\\s+[\\d.]+ ± [\\d.]+`, 'm'));
  });

  it('--json gives the summary and every replication, the same for the same seed', async () => {
    const args = ['simulate', '--json', '--reps', '4', '--seed', '9', '--horizon', '2000', 'small-scenario.json'];
    const first = await runCli(args, plant.dir);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as SimulateJson;
    expect(result).toMatchObject({ seed: 9, replications: 4 });
    expect(result.kpis.samples.leadTimeMean).toHaveLength(4);
    expect(result.kpis.intervals.onTimeRate!.level).toBe(0.95);
    expect(result.equipment.map((e) => e.id)).toEqual(['saw', 'mill-1', 'mill-2', 'oven']);
    expect(result.runs.map((r) => r.replication)).toEqual([0, 1, 2, 3]);
    for (const r of result.runs) expect(r.flow.unitsReleased).toBe(r.flow.unitsGood + r.flow.unitsScrapped + r.flow.unitsInPlant);
    const again = JSON.parse((await runCli(args, plant.dir)).stdout) as SimulateJson;
    expect(again.kpis.samples).toEqual(result.kpis.samples);
  });

  it('--trace writes replication 0 as a binary trace file', async () => {
    const { code } = await runCli(['simulate', '--reps', '1', '--trace', 'run.trace', 'small-scenario.json'], plant.dir);
    expect(code).toBe(0);
    const { header, trace } = decodeTrace(readFileSync(path.join(plant.dir, 'run.trace')));
    expect(header).toMatchObject({ format: 'plant-twin/trace', scenario: 'small-two-days', seed: 1, replication: 0, horizon: 2880 });
    expect(trace.equipment).toEqual(['saw', 'mill-1', 'mill-2', 'oven']);
    expect(trace.moveStart.length).toBeGreaterThan(0);
  });

  it('refuses bad options (exit 2) and invalid scenarios (exit 1) with a message', async () => {
    const reps = await runCli(['simulate', '--reps', 'many', 'small-scenario.json'], plant.dir);
    expect(reps.code).toBe(2);
    expect(reps.stderr).toContain('--reps must be a whole number ≥ 1, found "many"');
    const rule = await runCli(['simulate', '--dispatching', 'LIFO', 'small-scenario.json'], plant.dir);
    expect(rule.code).toBe(2);
    const warmup = await runCli(['simulate', '--warmup', '3000', 'small-scenario.json'], plant.dir);
    expect(warmup.code).toBe(2);
    expect(warmup.stderr).toContain('must be shorter than the horizon (2880 min)');
    const layout = await runCli(['simulate', 'small-layout.json'], plant.dir);
    expect(layout.code).toBe(2);
    expect(layout.stderr).toContain('simulate reads a scenario');
    const missing = await runCli(['simulate', 'nope.json'], plant.dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json');
  });

  it('--schedule follows a schedule file: the saw cuts o3 first although o1 was released first', async () => {
    const at = (minute: number) => new Date(Date.parse('2026-11-30T00:00:00Z') + minute * 60_000).toISOString().replace('.000Z', 'Z');
    plant.write('plan.json', {
      format: 'plant-twin/schedule', version: 1, id: 'plan-1', supersedes: null, scenario: 'small-two-days', createdAt: at(0),
      objective: 'by hand', kpis: { makespan: 0, totalSetup: 0, weightedTardiness: 0, lateOrders: 0 },
      operations: ['o3', 'o1', 'o2'].map((order, k) => ({ order, operation: 'cut', equipment: 'saw', start: at(480 + k), end: at(481 + k) })),
    });
    const { code, stdout } = await runCli(['simulate', '--json', '--reps', '1', '--schedule', 'plan.json', 'small-scenario.json'], plant.dir);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { dispatching: string; schedule: string; runs: { equipment: { id: string; states: { idle: number } }[] }[] };
    expect(result).toMatchObject({ dispatching: 'schedule', schedule: 'plan-1' });
    // o1 (released 06:00) waits for o3 (07:00): the saw is idle with work in its queue for that hour.
    expect(result.runs[0]!.equipment.find((e) => e.id === 'saw')!.states.idle).toBeGreaterThanOrEqual(60);
    const wrong = await runCli(['simulate', '--schedule', 'small-layout.json', 'small-scenario.json'], plant.dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('not a schedule');
    // A schedule made for another scenario is refused as risk refuses it (it was followed without a word).
    plant.write('other-plan.json', { ...JSON.parse(readFileSync(path.join(plant.dir, 'plan.json'), 'utf8')) as object, scenario: 'another-plant' });
    const other = await runCli(['simulate', '--reps', '1', '--schedule', 'other-plan.json', 'small-scenario.json'], plant.dir);
    expect(other.code).toBe(1);
    expect(other.stderr.trim()).toBe('other-plan.json: scenario: expected "small-two-days" (the scenario given), found "another-plant" — make the schedule from this scenario');
    expect(other.stdout).toBe('');
    const text = await runCli(['simulate', '--reps', '2', '--schedule', 'plan.json', 'small-scenario.json'], plant.dir);
    expect(text.stdout).toMatch(/^Schedule plan-1: 3 entries; per replication 3 started/m);
    expect(text.stdout).toMatch(/^ {2}deviations per replication: \d+(\.\d)? late/m);
  });

  it('--as-run writes the jobs a run carried out as a schedule, which a deterministic run then repeats exactly', async () => {
    const first = await runCli(['simulate', '--reps', '1', '--deterministic', '--dispatching', 'EDD', '--as-run', 'ran.json', 'small-scenario.json'], plant.dir);
    expect(first.code).toBe(0);
    const ran = JSON.parse(readFileSync(path.join(plant.dir, 'ran.json'), 'utf8')) as { format: string; operations: unknown[] };
    expect(ran.format).toBe('plant-twin/schedule');
    expect(ran.operations.length).toBeGreaterThan(0);
    const again = await runCli(['simulate', '--json', '--reps', '1', '--deterministic', '--schedule', 'ran.json', 'small-scenario.json'], plant.dir);
    const follow = (JSON.parse(again.stdout) as { runs: { follow: { entries: number; matched: number } }[] }).runs[0]!.follow;
    expect(follow.matched).toBe(follow.entries);
    expect(follow.entries).toBe(ran.operations.length);
    const unwritable = await runCli(['simulate', '--reps', '1', '--as-run', 'no/such/dir/ran.json', 'small-scenario.json'], plant.dir);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('no/such/dir/ran.json');
  });

  it('refuses dispatching by "schedule" without a schedule file', async () => {
    const { code, stderr } = await runCli(['simulate', '--dispatching', 'schedule', 'small-scenario.json'], plant.dir);
    expect(code).toBe(2);
    expect(stderr).toContain('dispatches by "schedule" but no schedule was given: add --schedule FILE');
  });

  it('--deterministic and --without switch random disturbances off', async () => {
    const run = (args: string[]) => runCli(['simulate', '--json', '--reps', '1', ...args, 'small-scenario.json'], plant.dir);
    const a = JSON.parse((await run(['--deterministic', '--seed', '1'])).stdout) as { runs: Record<string, unknown>[]; disturbances: unknown };
    const b = JSON.parse((await run(['--deterministic', '--seed', '2'])).stdout) as { runs: Record<string, unknown>[] };
    expect(a.disturbances).toEqual({ failures: false, processingTime: false, yield: false, lateRelease: false });
    expect({ ...b.runs[0], seed: 0 }).toEqual({ ...a.runs[0], seed: 0 });
    const text = await runCli(['simulate', '--reps', '1', '--without', 'processing,yield', 'small-scenario.json'], plant.dir);
    expect(text.stdout).toContain('Disturbances switched off: processingTime, yield');
    const bad = await runCli(['simulate', '--without', 'failures,breakdowns', 'small-scenario.json'], plant.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--without takes a comma-separated list of failures, processing, yield, release, found "breakdowns"');
  });

  it('reads --without as the classes to switch off and --deterministic as all of them', () => {
    expect(disturbancesOption('failures, yield', undefined)).toEqual({ failures: false, processingTime: true, yield: false, lateRelease: true });
    expect(disturbancesOption('release,processing', undefined)).toEqual({ failures: true, processingTime: false, yield: true, lateRelease: false });
    expect(disturbancesOption(undefined, true)).toEqual({ failures: false, processingTime: false, yield: false, lateRelease: false });
    expect(disturbancesOption(undefined, undefined)).toEqual({ failures: true, processingTime: true, yield: true, lateRelease: true });
    expect(disturbancesOption('failure', undefined)).toMatch(/found "failure"/);
  });
});

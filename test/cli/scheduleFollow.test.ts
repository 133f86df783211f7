import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { heatTreatLayout, heatTreatScenario } from '../fixtures/heatTreatPlant.ts';
import { runCli } from './runCli.ts';

interface Json {
  runs: { stall: unknown; follow: { entries: number; started: number; matched: number; mismatches: unknown[]; deviations: Record<string, number> } }[];
}
interface ScheduleFile {
  operations: { order: string; equipment: string; start: string; end: string; batch?: string; setup?: { minutes: number } }[];
}

// Issue 9: a plant nobody tuned for — batches, planned maintenance, operators, finite buffers and
// a forklift at once — scheduled by `plant-twin schedule` and followed by `plant-twin simulate
// --schedule --deterministic`: every entry starts, ends and changes over as planned.
describe('plant-twin schedule, then simulate --schedule --deterministic', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plant-twin-follow-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'heat-treat-layout.json'), JSON.stringify(heatTreatLayout, null, 2));
  writeFileSync(path.join(dir, 'heat-treat-week.json'), JSON.stringify(heatTreatScenario, null, 2));

  it('repeats the heat-treat shop’s plan start for start', async () => {
    const planned = await runCli(['schedule', 'heat-treat-week.json', '--iterations', '100', '--seed', '1', '--out', 'plan.json'], dir);
    expect(planned.stderr).not.toMatch(/warning|error/i);
    expect(planned.code).toBe(0);
    const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')) as ScheduleFile;
    // The plan uses what the plant has: furnace loads of several orders, changeovers on the lathes.
    const batches = new Map<string, Set<string>>();
    for (const op of plan.operations) if (op.batch) batches.set(op.batch, (batches.get(op.batch) ?? new Set()).add(op.order));
    expect([...batches.values()].some((orders) => orders.size > 1)).toBe(true);
    expect(plan.operations.some((op) => op.equipment.startsWith('LATHE') && (op.setup?.minutes ?? 0) > 0)).toBe(true);

    const followed = await runCli(['simulate', 'heat-treat-week.json', '--schedule', 'plan.json', '--deterministic', '--json'], dir);
    expect(followed.code).toBe(0);
    const run = (JSON.parse(followed.stdout) as Json).runs[0]!;
    expect(run.stall).toBeNull();
    expect(run.follow.mismatches).toEqual([]);
    expect(run.follow.entries).toBe(plan.operations.length);
    expect(run.follow.started).toBe(run.follow.entries);
    expect(run.follow.matched).toBe(run.follow.entries);
    expect(Object.values(run.follow.deviations).every((n) => n === 0)).toBe(true);
  });
});

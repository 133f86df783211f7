import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatTreatLayout, heatTreatScenario } from '../fixtures/heatTreatPlant.ts';
import { runCli } from './runCli.ts';

interface Entry { order: string; operation: string; equipment: string; start: string; end: string; batch?: string; quantity?: number; setup?: { start: string } }
interface ScheduleFile { scenario: string; operations: Entry[] }

const shifted = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

// A schedule edited by hand can be well-formed JSON and still impossible on its plant: validated
// together with its scenario, the plant checker judges it entry by entry.
describe('plant-twin validate <scenario> <schedule>', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plant-twin-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'heat-treat-layout.json'), JSON.stringify(heatTreatLayout, null, 2));
  writeFileSync(path.join(dir, 'heat-treat-week.json'), JSON.stringify(heatTreatScenario, null, 2));
  let plan: ScheduleFile;
  const validate = async (edit: (s: ScheduleFile) => void) => {
    const copy = structuredClone(plan);
    edit(copy);
    writeFileSync(path.join(dir, 'edited.json'), JSON.stringify(copy, null, 2));
    return runCli(['validate', 'heat-treat-week.json', 'edited.json'], dir);
  };

  beforeAll(async () => {
    const planned = await runCli(['schedule', 'heat-treat-week.json', '--iterations', '20', '--seed', '1', '--out', 'plan.json'], dir);
    expect(planned.code).toBe(0);
    plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')) as ScheduleFile;
  }, 120_000);

  it('passes the engine\'s own schedule', async () => {
    const run = await validate(() => undefined);
    expect(run.stdout).toContain('edited.json: ok (schedule)');
    expect(run.code).toBe(0);
  }, 60_000);

  it('names an entry on equipment that may not run it', async () => {
    let at = -1;
    const run = await validate((s) => { at = s.operations.findIndex((o) => o.equipment.startsWith('LATHE')); s.operations[at]!.equipment = 'FURNACE'; });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`edited.json: operations[${at}]: expected an entry the plant can run, found FURNACE may not run it`);
  }, 60_000);

  it('catches a furnace load over its capacity (the plant changed under the schedule)', async () => {
    const units = new Map<string, number>();
    for (const o of plan.operations) if (o.batch) units.set(o.batch, (units.get(o.batch) ?? 0) + (o.quantity ?? heatTreatScenario.orders!.find((x) => x.id === o.order)!.quantity));
    const fullest = Math.max(...units.values());
    // Loads share the furnace (it would not be a test otherwise), and the biggest lot still fits.
    expect(fullest).toBeGreaterThan(Math.max(...heatTreatScenario.orders!.map((o) => o.quantity)));
    const smaller = { ...heatTreatScenario, batchEquipment: [{ ...heatTreatScenario.batchEquipment![0]!, capacity: fullest - 1 }] };
    writeFileSync(path.join(dir, 'smaller-furnace.json'), JSON.stringify(smaller, null, 2));
    const run = await runCli(['validate', 'smaller-furnace.json', 'plan.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`plan\\.json: operations\\[\\d+\\]: expected no batch violation, found batch of ${fullest} units on FURNACE, capacity ${fullest - 1}`));
  }, 60_000);

  it('says which times are not the plant\'s and how to hold an entry later', async () => {
    let at = -1;
    const run = await validate((s) => {
      at = s.operations.reduce((last, o, i) => (o.equipment === 'WASH' && (last < 0 || Date.parse(o.start) > Date.parse(s.operations[last]!.start)) ? i : last), -1);
      const o = s.operations[at]!;
      o.start = shifted(o.start, 30);
      o.end = shifted(o.end, 30);
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`edited.json: operations[${at}].start: expected ${new Date(Date.parse(plan.operations[at]!.start)).toISOString().slice(0, 16)}`);
    expect(run.stdout).toContain('mark its entry "locked": true');
  }, 60_000);

  it('refuses a schedule made from another scenario, in validate and in simulate --schedule', async () => {
    const run = await validate((s) => { s.scenario = 'another-plant'; });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`edited.json: scenario: expected "${heatTreatScenario.id}" (the scenario given, heat-treat-week.json), found "another-plant"`);
    const simulated = await runCli(['simulate', 'heat-treat-week.json', '--schedule', 'edited.json', '--deterministic'], dir);
    expect(simulated.code).toBe(1);
    expect(simulated.stderr).toContain(`edited.json: scenario: expected "${heatTreatScenario.id}" (the scenario given), found "another-plant"`);
  }, 60_000);
});

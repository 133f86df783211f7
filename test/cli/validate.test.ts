import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallLayout, smallScenario } from '../fixtures/smallPlant.ts';
import { runCli } from './runCli.ts';
import { tempPlantDir } from './tempPlant.ts';

let plant: ReturnType<typeof tempPlantDir>;
beforeAll(() => {
  plant = tempPlantDir();
});
afterAll(() => plant.remove());

const schedule = {
  format: 'plant-twin/schedule', version: 1, id: 'sch-1', supersedes: null, scenario: 'small-two-days',
  createdAt: '2026-11-29T17:00:00Z', objective: 'weightedTardiness',
  kpis: { makespan: 120, totalSetup: 0, weightedTardiness: 0, lateOrders: 0 },
  operations: [{ order: 'o1', operation: 'cut', equipment: 'saw', start: '2026-11-30T06:00:00Z', end: '2026-11-30T08:00:00Z' }],
};

describe('plant-twin validate', () => {
  it('a valid layout, scenario and schedule print ok with their kind and exit 0', async () => {
    plant.write('schedule.json', schedule);
    const { code, stdout, stderr } = await runCli(['validate', 'small-layout.json', 'small-scenario.json'], plant.dir);
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toEqual(expect.arrayContaining([
      'small-layout.json: ok (layout)',
      'small-scenario.json: ok (scenario)',
      '2 files: 2 valid, 0 invalid',
    ]));
    expect(code).toBe(0);
    // Alone, a schedule is checked as a file; with its scenario it is also judged against the plant
    // (test/cli/validateSchedule.test.ts), where this one-entry stub lists too little.
    expect(await runCli(['validate', 'schedule.json'], plant.dir)).toMatchObject({ code: 0, stdout: 'schedule.json: ok (schedule)\n' });
    const judged = await runCli(['validate', 'small-scenario.json', 'schedule.json'], plant.dir);
    expect(judged.code).toBe(1);
    expect(judged.stdout).toMatch(/schedule\.json: expected a schedule the plant can follow, every open operation listed once, found o1\/\w+: not in the schedule/);
  });

  it('a scenario with several schema errors gets one line per problem, naming file and JSON path', async () => {
    const bad = structuredClone(smallScenario) as Record<string, unknown> & typeof smallScenario;
    bad.start = '2026-11-30T06:00';
    bad.orders![1]!.quantity = -3;
    (bad.products[0] as Record<string, unknown>).colour = 'red';
    bad.routings[0]!.operations[1]!.equipment[1]!.time = { type: 'norm' as 'normal', mean: 6, sd: 1 };
    plant.write('bad-scenario.json', bad);
    const { code, stdout } = await runCli(['validate', 'bad-scenario.json'], plant.dir);
    const lines = stdout.trim().split('\n');
    expect(lines.every((l) => l.startsWith('bad-scenario.json: '))).toBe(true);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^bad-scenario\.json: start: expected .*date-time.*, found "2026-11-30T06:00"/),
      expect.stringMatching(/^bad-scenario\.json: orders\[1\]\.quantity: expected .+, found -3/),
      expect.stringMatching(/^bad-scenario\.json: products\[0\]\.colour: expected .+, found .*"colour"/),
      expect.stringMatching(/^bad-scenario\.json: routings\[0\]\.operations\[1\]\.equipment\[1\]\.time\.type: expected .*"normal".*, found "norm"/),
    ]));
    expect(lines).toHaveLength(4);
    expect(code).toBe(1);
  });

  it('a reference to an unknown product and a bad equipment type are reported in their own files', async () => {
    const scenario = structuredClone(smallScenario);
    scenario.orders![0]!.product = 'p9';
    scenario.layout = 'bad-layout.json';
    const layout = structuredClone(smallLayout) as unknown as { site: { areas: { lines: { cells: { equipment: { type: string }[] }[] }[] }[] } };
    layout.site.areas[0]!.lines[0]!.cells[0]!.equipment[0]!.type = 'lasercutter';
    plant.write('bad-layout.json', layout);
    plant.write('bad-ref.json', scenario);
    const { code, stdout } = await runCli(['validate', 'bad-layout.json', 'small-scenario.json'], plant.dir);
    expect(stdout).toMatch(/^bad-layout\.json: site\.areas\[0\]\.lines\[0\]\.cells\[0\]\.equipment\[0\]\.type: expected .*, found "lasercutter" — did you mean 'laser-cutter'\?$/m);
    expect(stdout).toMatch(/^small-scenario\.json: ok \(scenario\)$/m);
    expect(stdout).toMatch(/^2 files: 1 valid, 1 invalid$/m);
    expect(code).toBe(1);
    const ref = await runCli(['validate', 'small-layout.json', 'bad-ref.json'], plant.dir);
    expect(ref.stdout).toMatch(/^bad-ref\.json: orders\[0\]\.product: expected .*, found "p9"/m);
    expect(ref.code).toBe(1);
  });

  it('an unreadable file and broken JSON are problems with a clear message, not stack traces', async () => {
    plant.write('broken.json', '{ "format": "plant-twin/layout", ');
    const { code, stdout, stderr } = await runCli(['validate', 'missing.json', 'broken.json'], plant.dir);
    expect(stdout).toContain('missing.json: expected a readable file, found no such file — check the path and the working directory');
    expect(stdout).toMatch(/^broken\.json: .*expected .+, found .+/m);
    expect(`${stdout}${stderr}`).not.toMatch(/^\s+at /m);
    expect(code).toBe(1);
  });

  it('recordings are recognised by extension; a bad CSV row is reported by line', async () => {
    plant.write('good.csv', 'time,equipment,field,value\n2026-11-30T06:00:00Z,saw,state,processing\n2026-11-30T06:05:00Z,saw,good,3\n');
    plant.write('bad.csv', 'time,equipment,field,value\n2026-11-30T06:00:00Z,saw,state,processing\n2026-11-30T06:05:00Z,saw,colour,red\n');
    plant.write('good.jsonl', '{"ts":"2026-11-30T06:00:00Z","equipment":"saw","state":"setup"}\n{"ts":1796018400000,"equipment":"saw","good":4}\n');
    const { code, stdout } = await runCli(['validate', 'good.csv', 'good.jsonl', 'bad.csv'], plant.dir);
    expect(stdout).toMatch(/^good\.csv: ok \(recording, 2 events\)$/m);
    expect(stdout).toMatch(/^good\.jsonl: ok \(recording, 2 events\)$/m);
    expect(stdout).toMatch(/^bad\.csv: line 3: expected .+, found .*colour/m);
    expect(code).toBe(1);
  });

  it('--json gives the same results as data', async () => {
    const { code, stdout } = await runCli(['validate', '--json', 'small-layout.json', 'missing.json'], plant.dir);
    const result = JSON.parse(stdout) as { ok: boolean; files: { file: string; kind: string; ok: boolean; problems: { path: string; expected: string }[] }[] };
    expect(result.ok).toBe(false);
    expect(result.files.map((f) => [f.file, f.kind, f.ok])).toEqual([['small-layout.json', 'layout', true], ['missing.json', 'unknown', false]]);
    expect(result.files[1]!.problems).toEqual([expect.objectContaining({ path: '', expected: 'a readable file' })]);
    expect(code).toBe(1);
  });

  it('a network with a recorded site prints the recording\'s availability and OEE, and names a live site without connecting; a missing recording or a password is a problem at its key', async () => {
    // saw: processing 06:00-07:00, down 07:00-07:30, processing to 08:00 (availability 0.75); 80 good, ideal 36 s
    // (performance 36 s x 80 / 90 min = 0.533...), quality 1: OEE 40.0 %.
    plant.write('saw.csv', ['time,equipment,field,value',
      '2026-11-30T06:00:00Z,saw,state,processing', '2026-11-30T06:00:00Z,saw,good,0', '2026-11-30T07:00:00Z,saw,state,down',
      '2026-11-30T07:30:00Z,saw,state,processing', '2026-11-30T08:00:00Z,saw,state,idle', '2026-11-30T08:00:00Z,saw,good,80', ''].join('\n'));
    const site = { id: 'a', name: 'A', timeZone: 'UTC', scenario: 'small-scenario.json' };
    plant.write('net.json', { format: 'plant-twin/network', version: 1, id: 'n', name: 'N', sites: [{ ...site, recording: 'saw.csv', idealCycleSeconds: 36 }, { ...site, id: 'b', live: { url: 'wss://broker.example/mqtt', topic: 'acme/b/#' } }] });
    plant.write('net-bad.json', { format: 'plant-twin/network', version: 1, id: 'n', name: 'N', sites: [{ ...site, recording: 'gone.csv' }, { ...site, id: 'b', live: { url: 'wss://planner:hunter2@broker.example/mqtt', topic: 'acme/b/#' } }] });
    const ok = await runCli(['validate', 'net.json'], plant.dir);
    // A live site is named, not connected to: validating needs no broker.
    expect(ok.stdout).toContain('net.json: ok (network, 2 sites; a recorded: 4 events, availability 75.0 %, OEE 40.0 %; b live: acme/b/# at wss://broker.example/mqtt)');
    expect(ok.code).toBe(0);
    const bad = await runCli(['validate', 'net-bad.json'], plant.dir);
    expect(bad.stdout).toContain('net-bad.json: sites[0].recording: expected the path of a machine-state recording (.csv, .jsonl, .shdr), relative to this file, found "gone.csv", but there is no such file');
    expect(bad.stdout).toContain('net-bad.json: sites[1].live.url: expected a URL without user name or password, found credentials in wss://***@broker.example');
    expect(bad.stdout).not.toContain('hunter2');
    expect(bad.code).toBe(1);
  });
});

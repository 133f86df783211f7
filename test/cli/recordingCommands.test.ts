import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { minimumMatch } from '../../src/cli/recordingCommands.ts';
import { runCli, type CliRun } from './runCli.ts';
import { tempPlantDir } from './tempPlant.ts';

const OKUMA = fileURLToPath(new URL('../../../shared/datasets/mtconnect/okuma.txt', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO = path.join(ROOT, 'scenarios/kitchen-hardware-week.json');

/** The command in this process (the first test runs the real bin): file arguments are absolute. */
async function run(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let dir: ReturnType<typeof tempPlantDir>;
beforeAll(() => {
  dir = tempPlantDir();
});
afterAll(() => dir.remove());

describe('plant-twin map-recording', () => {
  it('names the device that is not in the layout, then writes the mapping that puts it there', async () => {
    const before = await runCli(['map-recording', OKUMA, SCENARIO], dir.dir);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('okuma.txt: 1 recorded device, 0 matched to the layout\'s 25 pieces of equipment');
    expect(before.stdout).toContain('okuma → not in the layout (map it with --map okuma=EQUIPMENT)');
    const after = await run(['map-recording', OKUMA, SCENARIO, '--map', 'okuma=LASER-01', '--write', path.join(dir.dir, 'okuma.map.json')]);
    expect(after.stderr).toBe('');
    expect(after.stdout).toContain('okuma → LASER-01 (mapped)');
    expect(after.stdout).toMatch(/No recorded data for 24: RACK-RAW, LASER-02, /);
    expect(JSON.parse(readFileSync(path.join(dir.dir, 'okuma.map.json'), 'utf8'))).toEqual({ recording: 'okuma.txt', equipment: { okuma: 'LASER-01' } });
  });

  it('refuses a mapping to unknown equipment with the path, and bad arguments as usage errors', async () => {
    dir.write('bad.map.json', { equipment: { okuma: 'LASER-1' } });
    const bad = await run(['map-recording', OKUMA, SCENARIO, '--mapping', path.join(dir.dir, 'bad.map.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('/bad.map.json: equipment.okuma: expected the id of equipment in the layout, found "LASER-1"');
    expect((await run(['map-recording', OKUMA, SCENARIO, '--map', 'okuma'])).stderr).toContain('--map must be DEVICE=EQUIPMENT, found "okuma"');
    expect((await run(['map-recording', OKUMA])).code).toBe(2);
    const missing = await run(['map-recording', 'nope.txt', SCENARIO]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.txt');
  });
});

describe('plant-twin simulate-from', () => {
  it('refuses with nothing of the plant observed, with the reason and the equipment without data', async () => {
    const r = await run(['simulate-from', SCENARIO, '--recording', OKUMA, '--reps', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no equipment of the layout has recorded data: the recording's device okuma is not in the layout; map it to equipment first");
    expect(r.stderr).toMatch(/No known state at 2022-08-08T14:30:19.671Z for 25: RACK-RAW, LASER-01/);
    expect(r.stdout).toBe('');
  });

  it('mapped, runs from the machine\'s recorded state with no NaN in the report', async () => {
    dir.write('okuma2.map.json', { equipment: { okuma: 'LASER-01' } });
    const r = await run(['simulate-from', SCENARIO, '--recording', OKUMA, '--mapping', path.join(dir.dir, 'okuma2.map.json'), '--reps', '2', '--hours', '8', '--at', '2022-08-08T13:40:00Z']);
    expect(r.stderr).toContain('note: the observed time 2022-08-08T13:40:00.000Z is before the scenario\'s start');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('From ' + OKUMA + ' at 2022-08-08T13:40:00.000Z, 8 h ahead; start state: LASER-01 processing');
    expect(r.stdout).toMatch(/^Throughput\s+[\d.]+ ± [\d.]+ lots\/day/m);
    expect(r.stdout).not.toMatch(/NaN/);
    const json = await run(['simulate-from', SCENARIO, '--recording', OKUMA, '--map', 'okuma=LASER-01', '--reps', '2', '--at', 'first', '--json']);
    const parsed = JSON.parse(json.stdout) as { at: string; startState: unknown[]; withoutData: string[]; replications: number };
    expect(parsed).toMatchObject({ at: '2022-08-08T13:37:18.850Z', startState: [{ id: 'LASER-01', state: 'idle' }], replications: 2 });
    expect(parsed.withoutData).toHaveLength(24);
  });

  it('checks its options', async () => {
    expect((await run(['simulate-from', SCENARIO])).stderr).toContain('--recording <file> is required');
    expect((await run(['simulate-from', SCENARIO, '--recording', OKUMA, '--at', 'noon'])).stderr).toContain('--at must be an ISO 8601 time');
    expect((await run(['simulate-from', SCENARIO, '--recording', OKUMA, '--hours', '0'])).code).toBe(2);
    expect(minimumMatch(undefined, 25)).toBe(1);
    expect(minimumMatch('40%', 25)).toBe(10);
    expect(minimumMatch('3', 25)).toBe(3);
    expect(minimumMatch('0', 25)).toMatch(/whole number/);
    expect(minimumMatch('150%', 25)).toMatch(/at most 100/);
  });
});

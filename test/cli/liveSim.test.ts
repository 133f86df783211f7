import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { smallLayout, smallScenario } from '../fixtures/smallPlant.ts';
import { runCli } from './runCli.ts';
import { tempPlantDir } from './tempPlant.ts';

const temp = tempPlantDir();
afterAll(() => temp.remove());

async function run(args: string[]) {
  const err: string[] = [];
  const code = await main(['live-sim', ...args], { out: () => undefined, err: (t) => err.push(t) });
  return { code, err: err.join('\n') };
}

describe('plant-twin live-sim arguments', () => {
  it('refuses a missing broker, a non-MQTT URL and a speed that is not a positive number (exit 2)', async () => {
    expect(await run(['scenarios/kitchen-hardware-week.json'])).toMatchObject({ code: 2 });
    expect((await run(['scenarios/kitchen-hardware-week.json', '--broker', 'http://x'])).err).toContain('--broker must be an mqtt://');
    expect((await run(['scenarios/kitchen-hardware-week.json', '--broker', 'mqtt://x', '--speed', '0'])).err).toContain('--speed must be a number > 0, found "0"');
  });

  it('exits 1 when the broker cannot be reached; a layout instead of a scenario is a usage error', async () => {
    const unreachable = await run(['scenarios/kitchen-hardware-week.json', '--broker', 'mqtt://127.0.0.1:1', '--horizon', '60']);
    expect(unreachable).toMatchObject({ code: 1 });
    expect(unreachable.err).toContain('cannot connect to mqtt://127.0.0.1:1');
    expect((await run(['layouts/kitchen-hardware.json', '--broker', 'mqtt://127.0.0.1:1'])).code).toBe(2);
  });

  it('reads its scenario with the input options every scenario command takes (--layout-root, --encoding)', async () => {
    // The scenario two folders below its layout, written in Latin-1; the broker is unreachable, so a scenario that
    // loads ends in "cannot connect" (exit 1) and one that does not says why.
    mkdirSync(path.join(temp.dir, 'elsewhere', 'a', 'b'), { recursive: true });
    writeFileSync(path.join(temp.dir, 'elsewhere', 'small-layout.json'), JSON.stringify(smallLayout));
    writeFileSync(path.join(temp.dir, 'elsewhere', 'a', 'b', 's.json'), Buffer.from(JSON.stringify({ ...smallScenario, layout: '../../small-layout.json', description: 'Sägewerk' }), 'latin1'));
    const args = ['live-sim', 'elsewhere/a/b/s.json', '--broker', 'mqtt://127.0.0.1:1', '--horizon', '60'];
    const plain = await runCli(args, temp.dir);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/s\.json: line \d+ column \d+: expected UTF-8 text, found the byte 0xE4/);
    const latin1 = await runCli([...args, '--encoding', 'latin1'], temp.dir);
    expect(latin1.code).toBe(1);
    expect(latin1.stderr).toMatch(/outside the folders it may come from/);
    const both = await runCli([...args, '--encoding', 'latin1', '--layout-root', path.join(temp.dir, 'elsewhere')], temp.dir);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('cannot connect to mqtt://127.0.0.1:1');
    expect((await runCli([...args, '--encoding', 'ebcdic'], temp.dir))).toMatchObject({ code: 2, stderr: expect.stringMatching(/^plant-twin live-sim: --encoding must be one of utf-8, latin1, found "ebcdic"/) as unknown });
  }, 60_000);
});

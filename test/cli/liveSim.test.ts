import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

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
});

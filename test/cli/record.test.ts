import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, waitFor, type Broker } from '../live/mosquitto.ts';
import { runCli } from './runCli.ts';

const BIN = fileURLToPath(new URL('../../src/cli/plant-twin.mjs', import.meta.url));

let broker: Broker;
let dir: string;
beforeAll(async () => {
  broker = await startMosquitto();
  dir = mkdtempSync(path.join(tmpdir(), 'plant-twin-record-'));
});
afterAll(async () => {
  await broker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('plant-twin record', () => {
  it('writes what it hears as JSON lines that validate accepts, and reports what it skipped', async () => {
    const child = spawn(process.execPath, [BIN, 'record', '--broker', broker.url, '--out', 'shift.jsonl', '--topic', 'acme/plant-1/#', '--duration', '2'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await waitFor('the recorder to subscribe', () => stderr.includes('recording acme/plant-1/#'));

    const pub = await connectAsync(broker.tcpUrl, { reconnectPeriod: 0 });
    const base = 'acme/plant-1/press-shop/line-2/cell-3';
    await pub.publishAsync(`${base}/press-7/state`, JSON.stringify({ ts: '2026-11-30T06:00:00Z', state: 'processing', order: 'o-1' }), { qos: 1 });
    await pub.publishAsync(`${base}/press-7/state`, JSON.stringify({ ts: '2026-11-30T06:05:00Z', state: 'down', reason: 'die crack' }), { qos: 1 });
    await pub.publishAsync(`${base}/laser-2/state`, JSON.stringify({ ts: 1796018700000, good: 12 }), { qos: 1 });
    await pub.publishAsync(`${base}/laser-2/state`, JSON.stringify({ ts: 1796018700000, state: 'runnin' }), { qos: 1 });
    await pub.publishAsync(`${base}/laser-2/temperature`, '21.5', { qos: 1 });
    await pub.publishAsync('elsewhere/press-7/state', JSON.stringify({ ts: 1, state: 'idle' }), { qos: 1 });
    await pub.endAsync();

    expect(await exit).toBe(0);
    expect(stdout.trim()).toBe('shift.jsonl: 3 events from 2 equipment; 1 invalid payloads skipped, 1 messages on other topics ignored');
    expect(stderr).toMatch(/skipped: acme\/plant-1\/press-shop\/line-2\/cell-3\/laser-2\/state: state: expected .*processing.*, found "runnin"/);
    const lines = readFileSync(path.join(dir, 'shift.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { ts: '2026-11-30T06:00:00Z', equipment: 'press-7', state: 'processing', order: 'o-1' },
      { ts: '2026-11-30T06:05:00Z', equipment: 'press-7', state: 'down', reason: 'die crack' },
      { ts: 1796018700000, equipment: 'laser-2', good: 12 },
    ]);
    const validated = await runCli(['validate', 'shift.jsonl'], dir);
    expect(validated.stdout.trim()).toBe('shift.jsonl: ok (recording, 3 events)');
    expect(validated.code).toBe(0);
  });

  it('says so and exits 1 when no broker answers', async () => {
    const { code, stderr } = await runCli(['record', '--broker', 'mqtt://127.0.0.1:1', '--out', 'x.jsonl', '--duration', '1'], dir);
    expect(stderr.trim()).toBe('plant-twin record: cannot connect to mqtt://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1');
    expect(code).toBe(1);
  });

  it('needs --broker and --out, and a positive duration', async () => {
    expect((await runCli(['record', '--out', 'x.jsonl'], dir)).code).toBe(2);
    const bad = await runCli(['record', '--broker', 'ws://127.0.0.1:1', '--out', 'x.jsonl', '--duration', '0'], dir);
    expect(bad.stderr.trim()).toBe('plant-twin record: --duration must be a number of seconds > 0, found "0"');
    expect(bad.code).toBe(2);
  });
});

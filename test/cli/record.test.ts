import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

interface Recorder {
  readonly stdout: string;
  readonly stderr: string;
  exit: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

function startRecorder(args: string[], env: NodeJS.ProcessEnv = process.env): Recorder {
  const child = spawn(process.execPath, [BIN, 'record', ...args], { cwd: dir, env });
  const r = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => { r.stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { r.stderr += d.toString(); });
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    get stdout() { return r.stdout; },
    get stderr() { return r.stderr; },
    exit,
    kill: (signal) => child.kill(signal),
  };
}

const readLines = (file: string): Record<string, unknown>[] =>
  readFileSync(path.join(dir, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('plant-twin record', () => {
  it('writes what it hears as JSON lines that validate accepts, and reports what it skipped', async () => {
    const child = spawn(process.execPath, [BIN, 'record', '--broker', broker.url, '--out', 'shift.jsonl', '--topic', 'acme/plant-1/#', '--duration', '2'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await waitFor('the recorder to subscribe', () => stderr.includes('recording acme/plant-1/#'), 30_000);

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
  }, 180_000);

  it('says so and exits 1 when no broker answers', async () => {
    const { code, stderr } = await runCli(['record', '--broker', 'mqtt://127.0.0.1:1', '--out', 'x.jsonl', '--duration', '1'], dir);
    expect(stderr.trim()).toBe('plant-twin record: cannot connect to mqtt://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1');
    expect(code).toBe(1);
  }, 180_000);

  it('needs --broker and --out, and a positive duration', async () => {
    expect((await runCli(['record', '--out', 'x.jsonl'], dir)).code).toBe(2);
    const bad = await runCli(['record', '--broker', 'ws://127.0.0.1:1', '--out', 'x.jsonl', '--duration', '0'], dir);
    expect(bad.stderr.trim()).toBe('plant-twin record: --duration must be a finite number of seconds > 0, found "0"');
    expect(bad.code).toBe(2);
    const forever = await runCli(['record', '--broker', 'ws://127.0.0.1:1', '--out', 'x.jsonl', '--duration', 'Infinity'], dir);
    expect(forever.stderr.trim()).toBe('plant-twin record: --duration must be a finite number of seconds > 0, found "Infinity"');
    const topic = await runCli(['record', '--broker', 'ws://127.0.0.1:1', '--out', 'x.jsonl', '--topic', 'acme/#/state'], dir);
    expect(topic.stderr.trim()).toBe('plant-twin record: --topic "acme/#/state": "#" must be a whole level and the last one (e.g. acme/plant-1/#)');
    expect(topic.code).toBe(2);
  }, 180_000);

  it('a file that cannot be written is one line and exit 1, before connecting', async () => {
    const { code, stderr } = await runCli(['record', '--broker', broker.tcpUrl, '--out', 'no-such-folder/x.jsonl'], dir);
    expect(stderr.trim()).toMatch(/^plant-twin record: cannot write no-such-folder\/x\.jsonl: ENOENT: no such file or directory/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(code).toBe(1);
  }, 180_000);

  it('a full disk ends the recording at once: one line, exit 1', async () => {
    const recorder = startRecorder(['--broker', broker.tcpUrl, '--out', '/dev/full', '--topic', 'full/#']);
    await waitFor('the recorder to subscribe', () => recorder.stderr.includes('recording full/#'), 30_000);
    const pub = await connectAsync(broker.tcpUrl, { reconnectPeriod: 0 });
    await pub.publishAsync('full/s/a/l/c/m/state', JSON.stringify({ ts: 1796018700000, state: 'idle' }), { qos: 1 });
    await pub.endAsync();
    expect(await recorder.exit).toBe(1);
    expect(recorder.stderr.trim().split('\n').slice(1)).toEqual(['plant-twin record: cannot write /dev/full: ENOSPC: no space left on device, write']);
  }, 180_000);

  it('a 30-day duration records until Ctrl-C (no timer overflow), and the first SIGINT ends it', async () => {
    const recorder = startRecorder(['--broker', broker.tcpUrl, '--out', 'month.jsonl', '--topic', 'month/#', '--duration', '2592000']);
    await waitFor('the recorder to subscribe', () => recorder.stderr.includes('recording month/#'), 30_000);
    await sleep(1500);
    const early = await Promise.race([recorder.exit.then(() => 'ended'), sleep(10).then(() => 'running')]);
    expect(early).toBe('running');
    recorder.kill('SIGINT');
    expect(await recorder.exit).toBe(0);
    expect(recorder.stdout.trim()).toBe('month.jsonl: 0 events from 0 equipment');
  }, 180_000);

  it('two recorders side by side each hear every message (client ids never collide)', async () => {
    const a = startRecorder(['--broker', broker.tcpUrl, '--out', 'a.jsonl', '--topic', 'twin/#', '--duration', '4']);
    const b = startRecorder(['--broker', broker.tcpUrl, '--out', 'b.jsonl', '--topic', 'twin/#', '--duration', '4']);
    await waitFor('both recorders to subscribe', () => a.stderr.includes('recording twin/#') && b.stderr.includes('recording twin/#'), 30_000);
    const pub = await connectAsync(broker.tcpUrl, { reconnectPeriod: 0 });
    for (let i = 0; i < 50; i++) {
      await pub.publishAsync(`twin/s/a/l/c/m${i % 5}/state`, JSON.stringify({ ts: 1796018700000 + i, good: i }), { qos: 1 });
    }
    await pub.endAsync();
    expect(await a.exit).toBe(0);
    expect(await b.exit).toBe(0);
    for (const r of [a, b]) {
      expect(r.stdout.trim()).toMatch(/^[ab]\.jsonl: 50 events from 5 equipment$/);
      expect(r.stderr).not.toContain('lost');
    }
    expect(readLines('a.jsonl')).toEqual(readLines('b.jsonl'));
  }, 180_000);

  it('broker kill -9 and restart: every message is recorded once or lies in a gap line; exit 3 with a warning', async () => {
    const recorder = startRecorder(['--broker', broker.tcpUrl, '--out', 'crash.jsonl', '--topic', 'crash/#', '--duration', '9']);
    await waitFor('the recorder to subscribe', () => recorder.stderr.includes('recording crash/#'), 30_000);
    const pub = await connectAsync(broker.tcpUrl, { reconnectPeriod: 200, clientId: 'crash-publisher' });
    pub.on('error', () => undefined);
    const published: { i: number; ts: number }[] = [];
    const publishFor = async (ms: number): Promise<void> => {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        const i = published.length;
        const ts = Date.now();
        published.push({ i, ts });
        pub.publish(`crash/s/a/l/c/press/state`, JSON.stringify({ ts, good: i }), { qos: 1 }, () => undefined);
        await sleep(20);
      }
    };
    await publishFor(1000);
    await broker.kill();
    await publishFor(800);
    await broker.restart();
    await publishFor(2000);
    await waitFor('the recorder to reconnect', () => recorder.stderr.includes('reconnected'), 15_000);
    await publishFor(500);
    await pub.endAsync(true);
    expect(await recorder.exit).toBe(3);
    expect(recorder.stderr).toMatch(/connection to mqtt:\/\/127\.0\.0\.1:\d+ lost at \S+; reconnecting/);
    expect(recorder.stderr).toMatch(/warning: the connection was lost 1 time; messages sent meanwhile may be missing/);
    expect(recorder.stdout.trim()).toMatch(/^crash\.jsonl: \d+ events from 1 equipment; (\d+ repeated messages dropped, )?1 gaps$/);

    const lines = readLines('crash.jsonl');
    const gaps = lines.filter((l) => 'gap' in l);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ gap: expect.stringMatching(/^connection to the broker lost/) as unknown, sessionKept: false });
    const from = Date.parse(gaps[0]!.ts as string);
    const until = Date.parse(gaps[0]!.until as string);
    const recorded = lines.filter((l) => 'good' in l).map((l) => l.good as number);
    expect(new Set(recorded).size).toBe(recorded.length);
    const heard = new Set(recorded);
    const missing = published.filter((p) => !heard.has(p.i));
    // A message not recorded was sent while the recorder was away: inside the gap (one machine's clock;
    // 250 ms for delivery under load, against messages 20 ms apart).
    for (const m of missing) {
      expect(m.ts, `message ${m.i} is neither recorded nor in the gap ${from}..${until}`).toBeGreaterThanOrEqual(from - 250);
      expect(m.ts).toBeLessThanOrEqual(until + 250);
    }
    expect(heard.size).toBeGreaterThan(published.length / 2);
    const validated = await runCli(['validate', 'crash.jsonl'], dir);
    expect(validated.code).toBe(0);
  }, 180_000);

  it('a broker password from the URL, a file or the environment is never printed or written', async () => {
    const secret = 'Pa55-w0rd-xyzzy';
    writeFileSync(path.join(dir, 'pw.txt'), `${secret}\n`);
    const port = new URL(broker.tcpUrl).port;
    const runs = await Promise.all([
      runCli(['record', '--broker', `mqtt://rec:${secret}@127.0.0.1:1`, '--out', 'pw1.jsonl', '--duration', '1'], dir),
      runCli(['record', '--broker', 'mqtt://rec@127.0.0.1:1', '--password-file', 'pw.txt', '--out', 'pw2.jsonl', '--duration', '1'], dir),
      runCli(['record', '--broker', `http://rec:${secret}@127.0.0.1:1`, '--out', 'pw3.jsonl'], dir),
      runCli(['live-sim', 'nope.json', '--broker', `mqtt://rec:${secret}@127.0.0.1:1`], dir),
    ]);
    const recorder = startRecorder(['--broker', `mqtt://rec:${secret}@127.0.0.1:${port}`, '--out', 'pw4.jsonl', '--topic', 'pw/#', '--duration', '2'],
      { ...process.env, PLANT_TWIN_MQTT_PASSWORD: secret });
    await waitFor('the recorder to subscribe', () => recorder.stderr.includes('recording pw/#'), 30_000);
    const pub = await connectAsync(broker.tcpUrl, { reconnectPeriod: 0 });
    await pub.publishAsync('pw/s/a/l/c/m/state', JSON.stringify({ ts: 1796018700000, state: 'idle' }), { qos: 1 });
    await pub.endAsync();
    expect(await recorder.exit).toBe(0);
    expect(recorder.stderr).toContain(`recording pw/# from mqtt://rec:***@127.0.0.1:${port} to pw4.jsonl`);
    expect(runs[0]!.stderr.trim()).toBe('plant-twin record: cannot connect to mqtt://rec:***@127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1');
    expect(runs[1]!.stderr.trim()).toBe('plant-twin record: cannot connect to mqtt://rec:***@127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1');
    expect(runs[2]!.stderr.trim()).toBe('plant-twin record: --broker must be an mqtt://, mqtts://, ws:// or wss:// URL, found "http://rec:***@127.0.0.1:1/"');
    const outputs = [...runs.flatMap((r) => [r.stdout, r.stderr]), recorder.stdout, recorder.stderr].join('\n');
    const written = readFileSync(path.join(dir, 'pw4.jsonl'), 'utf8');
    expect(written.trim()).toBe('{"ts":1796018700000,"equipment":"m","state":"idle"}');
    for (const text of [outputs, written]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret));
    }
  }, 180_000);
});

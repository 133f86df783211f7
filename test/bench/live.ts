/**
 * npm run bench:live [-- --seconds 5 --rates 1000,10000 --equipment 1000 --publishers 1 --subscriber chromium|node]
 *
 * Publishes machine states from 1,000 equipment through Mosquitto (QoS 1) to a page in headless
 * Chromium that subscribes over WebSocket with the app's MqttSource, and prints one JSON line per
 * rate: {"msgsPerSec","p50Ms","p99Ms","lost", …} for the time from publish to the state applied.
 * `--subscriber node` runs the same MqttSource over WebSocket in this Node process instead (to
 * tell the browser's share of the delay from the broker's). `--publishers n` spreads the
 * equipment over n client connections (gateways). `cpuUsPerMsg` is the CPU time each party spent
 * per message during the rate (subscriber: every Chromium process; publisher: this process,
 * which holds the Node subscriber too when there is one), with the load average: on a shared
 * machine they tell a slow subscriber from a starved one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import { build } from 'vite';
import { serveFolder } from '../e2e/staticServer.ts';
import { startMosquitto, waitFor } from '../live/mosquitto.ts';
import { CONTROL_REPLY, CONTROL_REQUEST, startLiveBench, type ControlCall, type LiveBenchReading } from './livePage/liveBench.ts';
import { treeCpuSeconds } from './processCpu.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rates: { type: 'string', default: '1000,10000' },
    equipment: { type: 'string', default: '1000' },
    subscriber: { type: 'string', default: 'chromium' },
    publishers: { type: 'string', default: '1' },
  },
});
const seconds = Number(values.seconds);
const rates = values.rates.split(',').map(Number);
const equipmentCount = Number(values.equipment);
const publisherCount = Math.max(1, Number(values.publishers));
const STATES = ['processing', 'idle', 'processing', 'setup', 'processing', 'starved', 'processing', 'blocked'] as const;
const clock = (): number => performance.timeOrigin + performance.now();

const topics = Array.from({ length: equipmentCount }, (_, k) => {
  const id = `eq-${String(k).padStart(4, '0')}`;
  return `bench/site-1/area-${k % 4}/line-${k % 20}/cell-${k % 100}/${id}/state`;
});

/**
 * Publishes `rate` messages a second for `seconds`, round-robin over the equipment, equipment k
 * through client k mod n; resolves when every PUBACK is in.
 */
async function publish(clients: MqttClient[], rate: number): Promise<{ sent: number; failed: number; elapsed: number }> {
  const total = Math.round(rate * seconds);
  let failed = 0;
  let acked = 0;
  let sent = 0;
  let allAcked: () => void = () => {};
  const acks = new Promise<void>((resolve) => { allAcked = resolve; });
  const onAck = (error?: Error): void => {
    if (error) failed++;
    if (++acked === total) allAcked();
  };
  const start = clock();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((clock() - start) / 1000) * rate));
    for (; sent < due; sent++) {
      const k = sent % equipmentCount;
      const round = Math.floor(sent / equipmentCount);
      const payload = JSON.stringify({ ts: clock(), state: STATES[round % STATES.length], good: round });
      clients[k % clients.length]!.publish(topics[k]!, payload, { qos: 1 }, onAck);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  const elapsed = (clock() - start) / 1000;
  if (total > 0) await acks;
  return { sent, failed, elapsed };
}

// Mosquitto's defaults (20 in flight, 1,000 queued per client) drop QoS 1 messages at 10,000/s;
// of the in-flight windows tried (20, 100, 1000, unlimited), 1000 gave the shortest delays.
const broker = await startMosquitto(['max_inflight_messages 1000', 'max_queued_messages 1000000']);
const outDir = mkdtempSync(path.join(tmpdir(), 'plant-twin-live-bench-'));
let browser: ChildProcess | undefined;
const profileDir = mkdtempSync(path.join(tmpdir(), 'plant-twin-live-bench-profile-'));
let server: Awaited<ReturnType<typeof serveFolder>> | undefined;

/** The subscriber under test, behind one async interface. */
interface Subscriber { name: string; cpuSeconds(): number; phase(): Promise<string>; reset(): Promise<void>; read(): Promise<LiveBenchReading> }

/**
 * Chromium started as a user would run it, headless, with no DevTools client attached (see
 * livePage.ts); the harness reads the page's figures over MQTT, request and reply at QoS 1.
 */
async function chromiumSubscriber(): Promise<Subscriber> {
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./livePage/', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  server = await serveFolder(outDir);
  const control = await mqtt.connectAsync(broker.tcpUrl, { clientId: 'bench-control-harness', reconnectPeriod: 0 });
  await control.subscribeAsync(CONTROL_REPLY, { qos: 1 });
  const waiting = new Map<number, (result: unknown) => void>();
  control.on('message', (_topic, payload) => {
    const { id, result } = JSON.parse(payload.toString()) as { id: number; result: unknown };
    waiting.get(id)?.(result);
    waiting.delete(id);
  });
  let nextId = 0;
  const call = <T>(what: ControlCall): Promise<T> => new Promise<T>((resolve, reject) => {
    const id = nextId++;
    const timer = setTimeout(() => { waiting.delete(id); reject(new Error(`the page did not answer ${what}`)); }, 5000);
    waiting.set(id, (result) => { clearTimeout(timer); resolve(result as T); });
    control.publish(CONTROL_REQUEST, JSON.stringify({ id, call: what }), { qos: 1 });
  });
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const proc = spawn(chromiumPath, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
    '--no-first-run', `--user-data-dir=${profileDir}`, `${server.url}index.html?broker=${encodeURIComponent(broker.url)}`,
  ], { stdio: 'ignore' });
  browser = proc;
  return {
    name: 'chromium, no DevTools attached (MQTT.js over WebSocket, MqttSource)',
    cpuSeconds: () => (proc.pid === undefined ? Number.NaN : treeCpuSeconds([proc.pid])),
    phase: () => call<string>('phase').catch(() => 'starting'),
    reset: () => call<null>('reset').then(() => undefined),
    read: () => call<LiveBenchReading>('read'),
  };
}

function nodeSubscriber(): Subscriber {
  const bench = startLiveBench(broker.url, (u, o) => mqtt.connect(u, o));
  return {
    name: 'node, same process as the publisher (MQTT.js over WebSocket, MqttSource)',
    cpuSeconds: () => Number.NaN,
    phase: async () => bench.phase(),
    reset: async () => bench.reset(),
    read: async () => bench.read(),
  };
}

try {
  const subscriber = values.subscriber === 'node' ? nodeSubscriber() : await chromiumSubscriber();
  await waitFor('the subscriber to connect', async () => (await subscriber.phase()) === 'connected', 20_000);
  const publishers = await Promise.all(Array.from({ length: publisherCount }, (_, i) => mqtt.connectAsync(broker.tcpUrl, { clientId: `bench-publisher-${i}`, reconnectPeriod: 0 })));
  const processCpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
  const brokerCpu = (): number => { const pid = broker.pid(); return pid === undefined ? Number.NaN : treeCpuSeconds([pid]); };
  // Warm-up: JIT the subscriber's path and make sure the subscription is in place before measuring.
  await waitFor('the subscription', async () => {
    await publish(publishers, 2000 / seconds);
    return (await subscriber.read()).received > 0;
  });
  for (const rate of rates) {
    await subscriber.reset();
    const cpu0 = [subscriber.cpuSeconds(), brokerCpu(), processCpu()];
    const { sent, failed, elapsed } = await publish(publishers, rate);
    let last = -1;
    let r = await subscriber.read();
    // Done when everything arrived, or nothing more arrived for two seconds.
    for (let quiet = 0; quiet < 20 && r.received < sent - failed; quiet++) {
      if (r.received !== last) quiet = 0;
      last = r.received;
      await new Promise((resolve) => setTimeout(resolve, 100));
      r = await subscriber.read();
    }
    const cpu1 = [subscriber.cpuSeconds(), brokerCpu(), processCpu()];
    const round = (x: number): number => Math.round(x * 100) / 100;
    const perMsg = (i: number): number | null => { const us = ((cpu1[i]! - cpu0[i]!) * 1e6) / sent; return Number.isFinite(us) ? Math.round(us) : null; };
    process.stdout.write(`${JSON.stringify({
      msgsPerSec: rate, p50Ms: round(r.p50Ms), p99Ms: round(r.p99Ms), lost: sent - failed - r.received,
      published: sent, achievedPerSec: Math.round(sent / elapsed), maxMs: round(r.maxMs), qos: 1, equipment: equipmentCount,
      subscriber: subscriber.name, publishers: publisherCount, duplicates: r.duplicates, late: r.late, publishFailures: failed,
      cpuUsPerMsg: { subscriber: perMsg(0), broker: perMsg(1), publisher: perMsg(2) }, loadAverage1m: round(loadavg()[0]!),
    })}\n`);
  }
  await Promise.all(publishers.map((p) => p.endAsync()));
} finally {
  if (browser && browser.exitCode === null) {
    const exited = new Promise((r) => browser!.once('exit', r));
    browser.kill();
    await exited;
  }
  await server?.close();
  await broker.stop();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
}

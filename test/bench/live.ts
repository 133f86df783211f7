/**
 * npm run bench:live [-- --seconds 5 --rates 1000,10000 --equipment 1000 --subscriber chromium|node]
 *
 * Publishes machine states from 1,000 equipment through Mosquitto (QoS 1) to a page in headless
 * Chromium that subscribes over WebSocket with the app's MqttSource, and prints one JSON line per
 * rate: {"msgsPerSec","p50Ms","p99Ms","lost", …} for the time from publish to the state applied.
 * `--subscriber node` runs the same MqttSource over WebSocket in this Node process instead (to
 * tell the browser's share of the delay from the broker's).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { serveFolder } from '../e2e/staticServer.ts';
import { startMosquitto, waitFor } from '../live/mosquitto.ts';
import { startLiveBench, type LiveBenchReading } from './livePage/liveBench.ts';
import type {} from './livePage/livePage.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rates: { type: 'string', default: '1000,10000' },
    equipment: { type: 'string', default: '1000' },
    subscriber: { type: 'string', default: 'chromium' },
  },
});
const seconds = Number(values.seconds);
const rates = values.rates.split(',').map(Number);
const equipmentCount = Number(values.equipment);
const STATES = ['processing', 'idle', 'processing', 'setup', 'processing', 'starved', 'processing', 'blocked'] as const;
const clock = (): number => performance.timeOrigin + performance.now();

const topics = Array.from({ length: equipmentCount }, (_, k) => {
  const id = `eq-${String(k).padStart(4, '0')}`;
  return `bench/site-1/area-${k % 4}/line-${k % 20}/cell-${k % 100}/${id}/state`;
});

/** Publishes `rate` messages a second for `seconds`, round-robin over the equipment; resolves when every PUBACK is in. */
async function publish(client: MqttClient, rate: number): Promise<{ sent: number; failed: number; elapsed: number }> {
  const total = Math.round(rate * seconds);
  const acks: Promise<unknown>[] = [];
  let failed = 0;
  let sent = 0;
  const start = clock();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((clock() - start) / 1000) * rate));
    for (; sent < due; sent++) {
      const k = sent % equipmentCount;
      const round = Math.floor(sent / equipmentCount);
      const payload = JSON.stringify({ ts: clock(), state: STATES[round % STATES.length], good: round });
      acks.push(client.publishAsync(topics[k]!, payload, { qos: 1 }).catch(() => { failed++; }));
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  const elapsed = (clock() - start) / 1000;
  await Promise.all(acks);
  return { sent, failed, elapsed };
}

// Mosquitto's defaults (20 in flight, 1,000 queued per client) drop QoS 1 messages at 10,000/s;
// of the in-flight windows tried (20, 100, 1000, unlimited), 1000 gave the shortest delays.
const broker = await startMosquitto(['max_inflight_messages 1000', 'max_queued_messages 1000000']);
const outDir = mkdtempSync(path.join(tmpdir(), 'plant-twin-live-bench-'));
let browser: Browser | undefined;
let server: Awaited<ReturnType<typeof serveFolder>> | undefined;

/** The subscriber under test, behind one async interface. */
interface Subscriber { name: string; phase(): Promise<string>; reset(): Promise<void>; read(): Promise<LiveBenchReading> }

async function chromiumSubscriber(): Promise<Subscriber> {
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./livePage/', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  server = await serveFolder(outDir);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
    headless: true,
  });
  const page = await browser.newPage();
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  await page.goto(`${server.url}index.html?broker=${encodeURIComponent(broker.url)}`);
  await waitFor('the page to load', () => page.evaluate(() => window.__liveBench !== undefined), 20_000);
  return {
    name: 'chromium (MQTT.js over WebSocket, MqttSource)',
    phase: () => page.evaluate(() => window.__liveBench!.phase()),
    reset: () => page.evaluate(() => window.__liveBench!.reset()),
    read: () => page.evaluate(() => window.__liveBench!.read()),
  };
}

function nodeSubscriber(): Subscriber {
  const bench = startLiveBench(broker.url, (u, o) => mqtt.connect(u, o));
  return {
    name: 'node, same process as the publisher (MQTT.js over WebSocket, MqttSource)',
    phase: async () => bench.phase(),
    reset: async () => bench.reset(),
    read: async () => bench.read(),
  };
}

try {
  const subscriber = values.subscriber === 'node' ? nodeSubscriber() : await chromiumSubscriber();
  await waitFor('the subscriber to connect', async () => (await subscriber.phase()) === 'connected', 20_000);
  const publisher = await mqtt.connectAsync(broker.tcpUrl, { clientId: 'bench-publisher', reconnectPeriod: 0 });
  // Warm-up: JIT the subscriber's path and make sure the subscription is in place before measuring.
  await waitFor('the subscription', async () => {
    await publish(publisher, 2000 / seconds);
    return (await subscriber.read()).received > 0;
  });
  for (const rate of rates) {
    await subscriber.reset();
    const { sent, failed, elapsed } = await publish(publisher, rate);
    let last = -1;
    let r = await subscriber.read();
    // Done when everything arrived, or nothing more arrived for two seconds.
    for (let quiet = 0; quiet < 20 && r.received < sent - failed; quiet++) {
      if (r.received !== last) quiet = 0;
      last = r.received;
      await new Promise((resolve) => setTimeout(resolve, 100));
      r = await subscriber.read();
    }
    const round = (x: number): number => Math.round(x * 100) / 100;
    process.stdout.write(`${JSON.stringify({
      msgsPerSec: rate, p50Ms: round(r.p50Ms), p99Ms: round(r.p99Ms), lost: sent - failed - r.received,
      published: sent, achievedPerSec: Math.round(sent / elapsed), maxMs: round(r.maxMs), qos: 1, equipment: equipmentCount,
      subscriber: subscriber.name, duplicates: r.duplicates, late: r.late, publishFailures: failed,
    })}\n`);
  }
  await publisher.endAsync();
} finally {
  await browser?.close();
  await server?.close();
  await broker.stop();
  rmSync(outDir, { recursive: true, force: true });
}

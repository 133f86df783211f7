import { connect, type MqttClient } from 'mqtt';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startMosquitto, type Broker } from '../live/mosquitto.ts';
import { goToWorkspace, launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';
import { colourAt } from './canvasPixels.ts';
import { readRepoFile } from './samples.ts';

const kitchen = JSON.parse(readRepoFile('layouts/kitchen-hardware.json')) as { name: string };
const TOPIC = 'acme/kitchen/fab/line-1/cell-1/LASER-01/state';

let browser: Browser;
let broker: Broker;
let watched: WatchedPage;
let publisher: MqttClient;

beforeAll(async () => {
  [browser, broker] = await Promise.all([launchChromium(), startMosquitto()]);
  publisher = connect(broker.tcpUrl, { clientId: 'e2e-publisher', reconnectPeriod: 0 });
  await new Promise<void>((resolve, reject) => { publisher.once('connect', () => resolve()); publisher.once('error', reject); });
});
afterAll(async () => {
  publisher?.end(true);
  await watched?.page.close();
  await browser?.close();
  await broker?.stop();
});

describe('live states in the twin', () => {
  it('connects to Mosquitto over WebSocket and turns a machine red when it reports down', async () => {
    watched = await openWatchedPage(browser, inject('appUrl'));
    const page = watched.page;
    await waitForPlant(page, kitchen.name);
    await page.waitForFunction(() => window.__twin !== undefined);
    await page.getByTestId('live-url').fill(broker.url);
    await page.getByTestId('live-clientId').fill('e2e-twin');
    await page.getByTestId('live-connect').click();
    const status = page.getByTestId('live-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('connected');
    expect(await page.getByTestId('legend-stale').textContent()).toContain('stale');

    // The subscription follows the connection; retained messages reach it whenever it lands.
    await publisher.publishAsync(TOPIC, JSON.stringify({ ts: Date.now(), state: 'down', reason: 'jam' }), { qos: 1, retain: true });
    await publisher.publishAsync(TOPIC, 'not json', { qos: 1 });
    const id = 'LASER-01';
    await expect.poll(() => page.evaluate((id) => window.__twin!.stateOf(id), id)).toBe('down');
    await expect.poll(() => page.getByTestId('live-counts').textContent()).toBe('2 messages, 1 bad payloads');

    await page.locator(`[data-focus-id="${id}"]`).click();
    await page.evaluate(() => window.__twin!.rendered());
    const point = await page.evaluate((id) => window.__twin!.project(id), id);
    if (!point) throw new Error(`${id} is not in the layout`);
    await expect.poll(async () => {
      await page.evaluate(() => window.__twin!.rendered());
      const [r, g, b] = await colourAt(page, point);
      return r - Math.max(g, b);
    }).toBeGreaterThan(60);

    // Selected while live: its time since connect is down, so its availability so far is nil.
    await page.locator(`[data-equipment-id="${id}"]`).click();
    await expect.poll(() => page.getByTestId('equipment-state').textContent()).toBe('Down');
    expect(await page.getByTestId('time-in-state').locator('rect').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('oee-availability').textContent()).toBe('0.0%');
    // A threshold of 5 × 10 ms makes it stale at once (still down, hatched); back to 5 × 60 s it is current again.
    await page.getByTestId('live-periodS').fill('0.01');
    await expect.poll(() => page.evaluate((id) => window.__twin!.staleOf(id), id)).toBe(true);
    expect(await page.evaluate((id) => window.__twin!.stateOf(id), id)).toBe('down');
    await expect.poll(() => page.getByTestId('equipment-freshness').textContent()).toMatch(/^stale: last heard \d+ s ago$/);
    await page.getByTestId('live-periodS').fill('60');
    await expect.poll(() => page.evaluate((id) => window.__twin!.staleOf(id), id)).toBe(false);

    await goToWorkspace(page, 'simulate');
    await page.getByTestId('from-here-hours').fill('2');
    await page.getByTestId('simulate-from-here').click();
    await page.getByTestId('from-here-kpis').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('from-here-snapshot').textContent()).toMatch(/^From live states at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: 1 equipment$/);

    await goToWorkspace(page, 'twin');
    await page.getByTestId('live-disconnect').click();
    await expect.poll(() => status.textContent()).toBe('disconnected');
    expect(watched.errors).toEqual([]);
  });
});

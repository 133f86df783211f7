import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startMosquitto, type Broker } from '../live/mosquitto.ts';
import { goToWorkspace, launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';
import { readRepoFile } from './samples.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

// A user's network in a folder of its own, as it would be on their disk: the network, its
// scenario (a sample's, with 3 replications so the run is short) and layout, and a recording.
const folder = mkdtempSync(path.join(tmpdir(), 'e2e-network-'));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
  writeFileSync(path.join(folder, file), text);
};
const scenario = JSON.parse(readRepoFile('scenarios/kitchen-hardware-week.json')) as { experiment: { replications: number } };
scenario.experiment.replications = 3;

// LASER-01 processing 06:00–07:00, down (jam) 07:00–07:30, processing to 08:00: availability 90/120 = 75 %.
// 150 good and 0 scrap in 90 min at an ideal 30 s: performance 75 min / 90 min, OEE 0.75 × 0.8333 = 62.5 %.
const RECORDING = [
  'time,equipment,field,value',
  '2026-11-30T06:00:00Z,LASER-01,state,processing', '2026-11-30T06:00:00Z,LASER-01,good,0', '2026-11-30T06:00:00Z,LASER-01,scrap,0',
  '2026-11-30T07:00:00Z,LASER-01,state,down', '2026-11-30T07:00:00Z,LASER-01,reason,jam',
  '2026-11-30T07:30:00Z,LASER-01,state,processing', '2026-11-30T08:00:00Z,LASER-01,good,150', '2026-11-30T08:00:00Z,LASER-01,state,idle',
].join('\n') + '\n';

function writeNetwork(sites: object[]): void {
  write('acme/networks/acme.json', JSON.stringify({ format: 'plant-twin/network', version: 1, id: 'acme', name: 'Acme works', sites }, null, 2));
}
write('acme/scenarios/kitchen-hardware-week.json', JSON.stringify(scenario));
write('acme/layouts/kitchen-hardware.json', readRepoFile('layouts/kitchen-hardware.json'));
write('acme/networks/recordings/leeds-monday.csv', RECORDING);

let browser: Browser;
let watched: WatchedPage;
let broker: Broker;

// The broker wants a user name and password (none anonymous), so the site's password matters.
// Mosquitto started as root reads it as its own user: the folder and file must be readable to it.
const passwords = path.join(folder, 'mosquitto.passwd');
execFileSync('mosquitto_passwd', ['-b', '-c', passwords, 'planner', 'site-secret']);
execFileSync('mosquitto_passwd', ['-b', passwords, 'line', 'line-secret']);
chmodSync(folder, 0o755);
chmodSync(passwords, 0o644);

beforeAll(async () => {
  [browser, broker] = await Promise.all([launchChromium(), startMosquitto([`password_file ${passwords}`])]);
});
afterAll(async () => {
  await browser?.close();
  await broker?.stop();
  rmSync(folder, { recursive: true, force: true });
});
afterEach(async () => {
  await watched.page.close();
  expect(watched.errors).toEqual([]);
});

async function networkPanel(): Promise<Page> {
  watched = await openWatchedPage(browser, inject('appUrl'));
  await waitForPlant(watched.page, 'Kitchen');
  await goToWorkspace(watched.page, 'simulate');
  return watched.page;
}

describe('a user\'s network file in the app', () => {
  it('opens a folder with a recorded site and shows its recorded KPIs beside the simulated ones', async () => {
    writeNetwork([{ id: 'leeds', name: 'Leeds works', timeZone: 'Europe/London', scenario: '../scenarios/kitchen-hardware-week.json', recording: 'recordings/leeds-monday.csv', idealCycleSeconds: 30 }]);
    const page = await networkPanel();
    await page.getByTestId('network-open-folder').setInputFiles(path.join(folder, 'acme'));
    await page.getByTestId('network-table').waitFor({ timeout: 240_000 });
    const recorded = page.getByTestId('site-leeds-recorded');
    expect(await recorded.textContent()).toBe('OEE 62.5 % · availability 75.0 % · 1 equipment, 2.0 h');
    expect(await recorded.getAttribute('title')).toBe('acme/networks/recordings/leeds-monday.csv');
    expect(await page.getByTestId('site-leeds-unitsPerDay').textContent()).toMatch(/^\d+ ± \d+$/);
  });

  it('opens the files dropped on the Network panel', async () => {
    writeNetwork([{ id: 'leeds', name: 'Leeds works', timeZone: 'Europe/London', scenario: '../scenarios/kitchen-hardware-week.json', recording: 'recordings/leeds-monday.csv', idealCycleSeconds: 30 }]);
    const page = await networkPanel();
    const files = ['networks/acme.json', 'scenarios/kitchen-hardware-week.json', 'layouts/kitchen-hardware.json', 'networks/recordings/leeds-monday.csv']
      .map((f) => ({ name: path.basename(f), text: readFileSync(path.join(folder, 'acme', f), 'utf8') }));
    const data = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name));
      return dt;
    }, files);
    const panel = page.getByTestId('network-panel');
    await panel.dispatchEvent('dragover', { dataTransfer: data });
    expect(await panel.getAttribute('class')).toContain('drop-target');
    await panel.dispatchEvent('drop', { dataTransfer: data });
    await page.getByTestId('network-table').waitFor({ timeout: 240_000 });
    expect(await page.getByTestId('site-leeds-recorded').textContent()).toBe('OEE 62.5 % · availability 75.0 % · 1 equipment, 2.0 h');
  });

  it('lists what is missing, per file and key, and shows no site at all', async () => {
    writeNetwork([
      { id: 'leeds', name: 'Leeds works', timeZone: 'Europe/London', scenario: '../scenarios/kitchen-hardware-week.json', recording: 'recordings/leeds-monday.csv' },
      { id: 'york', name: 'York works', timeZone: 'Europe/London', scenario: '../scenarios/kitchen-hardware-week.json', recording: 'recordings/york-monday.csv' },
    ]);
    const page = await networkPanel();
    // Chosen as separate files (no folders): references fall back to the chosen file of that name.
    await page.getByTestId('network-open').setInputFiles(['networks/acme.json', 'scenarios/kitchen-hardware-week.json', 'layouts/kitchen-hardware.json', 'networks/recordings/leeds-monday.csv'].map((f) => path.join(folder, 'acme', f)));
    const problems = page.getByTestId('network-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual([
      'acme.json: sites[1].recording: expected the path of a machine-state recording (.csv, .jsonl, .shdr), relative to this file, found "recordings/york-monday.csv", but there is no such file',
    ]);
    expect(await page.getByTestId('network-table').count()).toBe(0);
  });

  it('shows a live site\'s KPIs from the broker after asking for its password, and says it is stale when the publisher stops', async () => {
    const leeds = { id: 'leeds', name: 'Leeds works', timeZone: 'Europe/London', scenario: '../scenarios/kitchen-hardware-week.json' };
    writeNetwork([{ ...leeds, recording: 'recordings/leeds-monday.csv', idealCycleSeconds: 30 }, { ...leeds, id: 'york', name: 'York works', live: { url: broker.url, topic: 'acme/york/#', username: 'planner', expectedPeriodSeconds: 1, staleFactor: 2 } }]);
    const page = await networkPanel();
    await page.getByTestId('network-open-folder').setInputFiles(path.join(folder, 'acme'));
    await page.getByTestId('network-table').waitFor({ timeout: 240_000 });
    expect(await page.getByTestId('site-leeds-live').textContent()).toBe('–');
    const live = page.getByTestId('site-york-live');
    const password = live.getByLabel('Broker password of planner for site york');
    // A wrong password: the broker refuses, and the cell says it cannot connect rather than show anything.
    await password.fill('wrong');
    await live.getByRole('button', { name: 'Connect' }).click();
    const status = page.getByTestId('site-york-live-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/cannot connect, retrying \(.*(Not authorized|Bad username or password)/i);

    // Asked again while refused; the right one connects.
    await password.fill('site-secret');
    await live.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('connected, waiting for data');

    const publisher: MqttClient = connect(broker.tcpUrl, { clientId: 'e2e-line', username: 'line', password: 'line-secret', reconnectPeriod: 0 });
    await new Promise<void>((resolve, reject) => { publisher.once('connect', () => resolve()); publisher.once('error', reject); });
    const say = (equipment: string, fields: object) => publisher.publishAsync(`acme/york/fab/line-1/cell-1/${equipment}/state`, JSON.stringify({ ts: Date.now(), ...fields }), { qos: 1 });
    await say('LASER-01', { state: 'down', reason: 'jam' });
    await say('PRESS-01', { state: 'processing' });
    // Every 300 ms, well inside the 2 s threshold; the laser comes back after a second.
    let beats = 0;
    const ticker = setInterval(() => {
      beats++;
      void say('LASER-01', { state: beats > 3 ? 'processing' : 'down', ...(beats > 3 ? {} : { reason: 'jam' }) });
      void say('PRESS-01', { state: 'processing' });
    }, 300);
    try {
      await expect.poll(() => live.getAttribute('data-fresh'), { timeout: 15_000 }).toBe('current');
      await expect.poll(() => page.getByTestId('site-york-live-figures').textContent(), { timeout: 10_000 }).toMatch(/^OEE – · availability \d+\.\d % · processing \d+ %(, (down|unknown) \d+ %)+$/);
      const figures = (await page.getByTestId('site-york-live-figures').textContent())!;
      // Time before a machine's first message is unknown, not counted against it; the laser's jam is.
      expect(figures).toContain('down');
      const availability = Number(/availability (\d+\.\d)/.exec(figures)![1]);
      expect(availability).toBeGreaterThan(0);
      expect(availability).toBeLessThan(100);
      expect(await live.textContent()).toContain('2 of ');
      expect(await page.getByTestId('site-york-live-status').textContent()).toBe('current');
      expect(await page.getByTestId('site-leeds-recorded').textContent()).toBe('OEE 62.5 % · availability 75.0 % · 1 equipment, 2.0 h');
      await page.screenshot({ path: path.join(root, 'docs/screenshots/network-sites.png') });
    } finally {
      clearInterval(ticker);
    }
    // The publisher stops: within the 2 s threshold (plus the source's check) the site is stale, says since when, and its figures stop moving.
    await expect.poll(() => live.getAttribute('data-fresh'), { timeout: 10_000 }).toBe('stale');
    await expect.poll(() => page.getByTestId('site-york-live-status').textContent(), { timeout: 10_000 }).toMatch(/^stale: 2 of 2 equipment quiet, last heard \d+ s ago$/);
    expect(await page.getByTestId('site-york-live-figures').getAttribute('class')).toBe('live-stale');
    const frozen = await page.getByTestId('site-york-live-figures').textContent();
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('site-york-live-figures').textContent()).toBe(frozen);
    publisher.end(true);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { goToWorkspace, launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';
import { readRepoFile } from './samples.ts';

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

beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => {
  await browser.close();
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
});

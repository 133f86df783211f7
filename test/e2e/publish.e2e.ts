import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DispatchList } from '../../src/model/scheduleSchema.ts';
import { CliProcess, receivedIds, startReceiver } from '../cli/mesProcesses.ts';
import { freePort, waitFor } from '../live/mosquitto.ts';
import { launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';

const screenshot = fileURLToPath(new URL('../../docs/screenshots/publish.png', import.meta.url));
const TOKEN = 'e2e-bearer-5b1f0c9a';

let browser: Browser;
let dir: string;
const running: CliProcess[] = [];
const pages: WatchedPage[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'plant-twin-publish-e2e-'));
  writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
});
afterAll(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const p of running.splice(0)) await p.kill();
  for (const w of pages.splice(0)) {
    await w.page.close();
    // Refused connections and injected 5xx answers are what these tests are about; anything else fails them.
    expect(w.errors.filter((e) => !/Failed to load resource|net::ERR_|status of 50\d/.test(e))).toEqual([]);
  }
});

/** A list for two kitchen-hardware machines, so the plant on screen places them in its hierarchy. */
function list(id: string, supersedes: string | null = null): DispatchList {
  return {
    format: 'plant-twin/dispatch', version: 1, id, supersedes, schedule: `sch-${id}`, createdAt: '2026-11-29T17:05:00Z',
    equipment: ['LASER-01', 'PB-01'].map((equipment, k) => ({
      equipment,
      jobs: [{ sequence: 1, order: `KH-${id}-${k}`, product: 'SH60-LGREY', operation: 'op10', quantity: 40 + k,
        plannedStart: '2026-11-30T06:10:00Z', plannedEnd: '2026-11-30T07:46:00Z', changeover: { from: null, to: 'crs-1.0', minutes: 10 } }],
    })),
  };
}

async function receiver(store: string, extra: string[] = []): Promise<{ url: string; store: string }> {
  const port = await freePort();
  running.push(await startReceiver(['--port', String(port), '--store', store, '--token-file', join(dir, 'token'), ...extra], dir));
  return { url: `http://127.0.0.1:${port}/dispatch`, store };
}

async function openPublish(): Promise<Page> {
  const watched = await openWatchedPage(browser, `${inject('appUrl')}#/publish`);
  pages.push(watched);
  await waitForPlant(watched.page, 'Kitchen hardware');
  await watched.page.locator('main[data-workspace="publish"]').waitFor();
  return watched.page;
}

async function configure(page: Page, url: string): Promise<void> {
  const form = page.getByRole('form', { name: 'MES connection' });
  await form.locator('input[name="restUrl"]').fill(url);
  await form.locator('input[name="token"]').fill(TOKEN);
  await form.getByRole('button', { name: 'Save and publish' }).click();
  await expect.poll(() => form.locator('input[name="token"]').getAttribute('placeholder')).toBe('kept for this tab');
}

async function approve(page: Page, l: DispatchList, reason: string): Promise<void> {
  const file = join(dir, `${l.id}.json`);
  writeFileSync(file, JSON.stringify(l));
  const form = page.getByRole('form', { name: 'Approve a dispatch list file' });
  await form.locator('input[type="file"]').setInputFiles(file);
  await form.locator('input[name="approvedBy"]').fill('A. Planner');
  await form.locator('input[name="reason"]').fill(reason);
  await form.getByRole('button', { name: /^Approve/ }).click();
  await form.getByText(`Approved ${l.id}: queued for the MES.`).waitFor();
}

function stateOf(page: Page, id: string) {
  return page.locator(`tr[data-version="${id}"] .publish-state`).textContent();
}

describe('Publish workspace', () => {
  it('approves, publishes to the reference MES through 5xx answers and shows "acknowledged"', async () => {
    const mes = await receiver(join(dir, 'mes-1'), ['--fail-rate', '0.6', '--seed', '3']);
    const page = await openPublish();
    await configure(page, mes.url);
    await approve(page, list('dl-101'), 'night shift plan');
    await approve(page, list('dl-102', 'dl-101'), 'rush order KH-0042');
    await expect.poll(() => stateOf(page, 'dl-102'), { timeout: 30_000 }).toBe('acknowledged');
    // dl-101 may have gone before dl-102 was approved (then acknowledged), or been withdrawn: never after it.
    const received = receivedIds(mes.store);
    expect(received[received.length - 1]).toBe('dl-102');
    expect(new Set(received).size).toBe(received.length);
    expect(received.every((id) => ['dl-101', 'dl-102'].includes(id))).toBe(true);

    await page.locator('tr[data-version="dl-102"] button.link').click();
    const centres = page.getByRole('table', { name: 'Work centres of dl-102' });
    await expect.poll(() => centres.locator('.publish-state').allTextContents()).toEqual(['acknowledged', 'acknowledged']);
    const audit = page.getByRole('region', { name: 'Audit trail' });
    await expect.poll(() => audit.getByRole('status').textContent()).toMatch(/entries, chain intact/);
    await expect.poll(() => audit.getByRole('table').textContent()).toContain('HTTP 503: injected failure: try again');
    expect(await audit.getByRole('table').textContent()).toContain('answer');
    // What the MES stored is the B2MML, its BODID the version, placed in the plant's hierarchy.
    const stored = readFileSync(join(mes.store, 'received.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; body: string });
    const body = stored.find((s) => s.id === 'dl-102')!.body;
    expect(body).toContain('<BODID>dl-102</BODID>');
    expect(body).toContain("actionCode=\"Replaced\">JobList[Version='dl-101']");
    expect(body).toContain('<EquipmentElementLevel>WorkCell</EquipmentElementLevel>');

    // The token is nowhere in the page's storage but this tab's session storage.
    const storage = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => { const r = indexedDB.open('plant-twin-mes'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      const all = (store: string) => new Promise<unknown[]>((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
      return { idb: JSON.stringify([await all('versions'), await all('journal')]), local: JSON.stringify({ ...localStorage }) };
    });
    expect(storage.idb).toContain('dl-102');
    expect(storage.idb).not.toContain(TOKEN);
    expect(storage.local).not.toContain(TOKEN);

    mkdirSync(fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(20_000);
  }, 120_000);

  it('delivers every version once and in order across a reload during delivery and offline → online', async () => {
    const mes = await receiver(join(dir, 'mes-2'), ['--delay-ms', '1500', '--seed', '5']);
    const page = await openPublish();
    await configure(page, mes.url);
    const ids = ['dl-201', 'dl-202', 'dl-203', 'dl-204', 'dl-205', 'dl-206'];
    for (const id of ids.slice(0, 3)) await approve(page, list(id), `batch ${id}`);
    // Reload while the first answer is still on its way (the MES takes up to 1.5 s).
    await page.reload();
    await page.locator('main[data-workspace="publish"]').waitFor();
    await waitFor('three lists at the MES after the reload', () => receivedIds(mes.store).length >= 3, 60_000);

    await page.context().setOffline(true);
    await expect.poll(() => page.locator('.publish-status').textContent()).toBe('offline');
    for (const id of ids.slice(3)) await approve(page, list(id), `offline ${id}`);
    await new Promise((r) => setTimeout(r, 2000));
    expect(receivedIds(mes.store)).toEqual(ids.slice(0, 3));
    expect(await stateOf(page, 'dl-204')).not.toBe('acknowledged');

    await page.context().setOffline(false);
    await expect.poll(() => stateOf(page, 'dl-206'), { timeout: 60_000 }).toBe('acknowledged');
    expect(receivedIds(mes.store)).toEqual(ids);
    for (const id of ids) expect(await stateOf(page, id)).toBe('acknowledged');
  }, 180_000);
});

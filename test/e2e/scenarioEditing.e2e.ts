import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { goToWorkspace, launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';

const shots = (name: string) => fileURLToPath(new URL(`../../docs/screenshots/${name}`, import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'e2e-orders-'));
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await watched.page.close();
  expect(watched.errors).toEqual([]);
});

async function openEditor(): Promise<Page> {
  watched = await openWatchedPage(browser, inject('appUrl'));
  const page = watched.page;
  await waitForPlant(page, 'Kitchen');
  await goToWorkspace(page, 'scenario');
  await page.locator('[data-testid="simulation-replications"]').fill('4');
  return page;
}

async function simulate(page: Page): Promise<string> {
  await page.locator('[data-testid="simulate"]').click();
  await page.locator('[data-testid="kpi-throughput"]').waitFor({ timeout: 120_000 });
  await expect.poll(() => page.locator('[data-testid="simulate"]').isEnabled(), { timeout: 120_000 }).toBe(true);
  return `${await page.locator('[data-testid="kpi-throughput"]').textContent()} | ${await page.locator('[data-testid="kpi-on-time"]').textContent()}`;
}

describe('editing the scenario in the app', () => {
  it('an edited order and shift, applied, change the KPIs', async () => {
    const page = await openEditor();
    const before = await simulate(page);
    await page.locator('[data-testid="scenario-edit"]').click();
    await page.locator('[data-testid="orders-filter"]').fill('KH-0001');
    await page.getByLabel('Quantity of KH-0001').fill('2000');
    await page.locator('[data-testid="scenario-tab-shifts"]').click();
    await page.getByLabel('late end').first().fill('21:00');
    await expect.poll(async () => `${await page.locator('[data-testid="scenario-draft-status"]').textContent()} ${await page.locator('[data-testid="scenario-problems"]').allTextContents()}`).toMatch(/Draft is valid/);
    await page.screenshot({ path: shots('scenario.png') });
    await page.locator('[data-testid="scenario-apply"]').click();
    await expect.poll(() => page.locator('[data-testid="scenario-draft-status"]').textContent()).toMatch(/Applied 1×/);
    const after = await simulate(page);
    expect(after).not.toBe(before);
  }, 300_000);

  it('imports a CSV of orders with two bad rows: both listed, nothing imported', async () => {
    const page = await openEditor();
    await page.locator('[data-testid="scenario-edit"]').click();
    const count = await page.locator('[data-testid="scenario-orders"]').textContent();
    const csv = path.join(dir, 'erp-orders.csv');
    writeFileSync(csv, [
      'id,product,quantity,release,due,priority',
      'ERP-1,WC60-WHITE,20,2026-12-01T06:00:00Z,2026-12-03T14:00:00Z,5',
      'ERP-2,NO-SUCH,20,2026-12-01T06:00:00Z,2026-12-03T14:00:00Z,5',
      'ERP-3,WC60-WHITE,-4,2026-12-01T06:00:00Z,2026-12-03T14:00:00Z,5',
    ].join('\n'));
    await page.locator('[data-testid="orders-import"]').setInputFiles(csv);
    const problems = page.locator('[data-testid="orders-import-problems"] li');
    await expect.poll(() => problems.count()).toBe(2);
    expect(await problems.nth(0).textContent()).toMatch(/erp-orders\.csv: line 3 column 2 \(product\): expected a product of this scenario, found "NO-SUCH"/);
    expect(await problems.nth(1).textContent()).toMatch(/erp-orders\.csv: line 4 column 3 \(quantity\): expected a whole number ≥ 1, found "-4"/);
    await page.locator('[data-testid="orders-filter"]').fill('ERP');
    expect(await page.locator('[data-testid="orders-editor"] tbody tr').count()).toBe(0);
    expect(await page.locator('[data-testid="scenario-undo"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="scenario-orders"]').textContent()).toBe(count);
    await page.screenshot({ path: shots('orders-import.png') });
  }, 300_000);
});

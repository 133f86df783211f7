import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('a second machine beside the bottleneck, applied, changes the KPIs and shows in the twin', async () => {
    const page = await openEditor();
    const before = await simulate(page);
    const bottleneck = /^(\S+) \(/.exec((await page.locator('[data-testid="kpi-bottleneck"]').textContent()) ?? '')?.[1];
    expect(bottleneck).toBeTruthy();
    await page.locator('[data-testid="scenario-edit"]').click();
    await page.locator('[data-testid="scenario-tab-equipment"]').click();
    await page.locator(`[data-testid="duplicate-${bottleneck}"]`).click();
    await expect.poll(() => page.locator('[data-testid="duplicate-note"]').textContent()).toContain(`${bottleneck}-2 added beside its original`);
    expect(await page.locator(`[data-equipment="${bottleneck}-2"]`).count()).toBe(1);
    await expect.poll(async () => `${await page.locator('[data-testid="scenario-draft-status"]').textContent()} ${await page.locator('[data-testid="scenario-problems"]').allTextContents()}`).toMatch(/Draft is valid/);
    await page.screenshot({ path: shots('equipment.png') });
    await page.locator('[data-testid="scenario-apply"]').click();
    await expect.poll(() => page.locator('[data-testid="scenario-draft-status"]').textContent()).toMatch(/Applied 1×/);
    // The copy is on the plant on screen, selected in the twin; Simulate & compare runs it.
    await goToWorkspace(page, 'simulate');
    await expect.poll(() => page.locator('[data-testid="equipment-details"]').textContent()).toContain(`${bottleneck}-2`);
    const after = await simulate(page);
    expect(after).not.toBe(before);
  }, 300_000);

  it('edits a changeover in the heatmap by keyboard, refuses a negative one, and exports the edited matrix', async () => {
    const page = await openEditor();
    await page.locator('[data-testid="scenario-edit"]').click();
    await page.locator('[data-testid="scenario-tab-setups"]').click();
    const matrix = await page.locator('[data-testid="setup-matrix"]').inputValue();
    const cell = page.locator('[data-testid="setup-cell-0-1"]');
    await cell.click();
    await page.keyboard.type('95');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell.textContent()).toBe('95');
    // Arrow down to the next row's cell, Enter edits it; a negative value is refused and says why.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="setup-cell-input"]').fill('-5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Expected minutes ≥ 0, found "-5"' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(async () => `${await page.locator('[data-testid="scenario-draft-status"]').textContent()}`).toMatch(/Draft is valid/);
    await page.screenshot({ path: shots('changeovers.png') });
    const downloads: string[] = [];
    page.on('download', (d) => { void d.path().then((p) => downloads.push(readFileSync(p, 'utf8'))); });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => downloads.length).toBe(2);
    const scenario = downloads.map((t) => JSON.parse(t) as { format?: string; setupMatrices?: { id: string; times: number[][] }[] }).find((d) => d.format === 'plant-twin/scenario')!;
    const edited = scenario.setupMatrices!.find((m) => m.id === matrix)!;
    expect(edited.times[0]![1]).toBe(95);
    expect(edited.times[1]![1]).toBeGreaterThanOrEqual(0);
  }, 300_000);
});

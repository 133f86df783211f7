import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../cli/runCli.ts';
import { goToWorkspace, launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = (name: string) => path.join(root, 'docs/screenshots', name);
let browser: Browser;
let watched: WatchedPage;
const out = mkdtempSync(path.join(tmpdir(), 'e2e-experiment-'));

beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
});
afterEach(async () => {
  await watched.page.close();
  expect(watched.errors).toEqual([]);
});

async function runExperiment(file: string): Promise<Page> {
  watched = await openWatchedPage(browser, inject('appUrl'));
  const page = watched.page;
  await waitForPlant(page, 'Kitchen');
  await goToWorkspace(page, 'simulate');
  await page.locator('[data-testid="experiment-file"]').selectOption(file);
  await page.locator('[data-testid="experiment-run"]').click();
  await page.locator('[data-testid="experiment-results"]').waitFor({ timeout: 240_000 });
  return page;
}

describe('experiments in the app', () => {
  it('compares three scenarios: table, charts, and the very numbers the CLI gives for the same seed', async () => {
    const file = 'experiments/kitchen-hardware-compare.json';
    const [cli, page] = await Promise.all([runCli(['experiment', file, '--out', out, '--no-cache'], root), runExperiment(file)]);
    expect(cli.code).toBe(0);
    await expect.poll(() => page.locator('[data-testid="experiment-table"] tbody tr').count()).toBe(3);
    for (const chart of ['chart-lead-time', 'chart-states', 'chart-wip', 'chart-per-day']) {
      await expect.poll(() => page.locator(`[data-testid="${chart}"] rect, [data-testid="${chart}"] path`).count()).toBeGreaterThan(2);
    }
    const inApp = await page.evaluate(() => JSON.stringify(window.__experimentResult, null, 2));
    expect(`${inApp}\n`).toBe(readFileSync(path.join(out, 'result.json'), 'utf8'));
    // The focused system's bottleneck is selected in the twin.
    const result = JSON.parse(inApp) as { systems: { bottleneck: { id: string } }[] };
    const bottleneck = result.systems[0]!.bottleneck.id;
    await expect.poll(() => page.locator('[data-testid="equipment-details"]').textContent()).toContain(bottleneck);
    await expect.poll(() => page.locator('[data-testid="chart-states"]').textContent()).toContain(`▶ ${bottleneck}`);
    await page.screenshot({ path: shots('experiment.png') });
  }, 300_000);

  it('shows a sweep\'s best choice with its guarantee and the response plot', async () => {
    const page = await runExperiment('experiments/kitchen-hardware-best.json');
    const best = page.locator('[data-testid="experiment-best"]');
    await expect.poll(() => best.textContent()).toMatch(/Best \(minimise leadTimeMean\): c\d+/);
    await expect.poll(() => page.locator('[data-testid="experiment-guarantee"]').textContent()).toMatch(/With probability at least 95 %.*indifference zone/);
    await expect.poll(() => page.locator('[data-testid="chart-response"] circle').count()).toBe(6);
    await page.screenshot({ path: shots('sweep.png') });
  }, 300_000);

  it('shows each site of the three sample plants with its KPIs and OEE, and moves a family between two sites', async () => {
    watched = await openWatchedPage(browser, inject('appUrl'));
    const page = watched.page;
    await waitForPlant(page, 'Kitchen');
    await goToWorkspace(page, 'simulate');
    await page.locator('[data-testid="network-file"]').selectOption('networks/three-plants.json');
    await page.locator('[data-testid="network-run"]').click();
    await page.locator('[data-testid="network-table"]').waitFor({ timeout: 240_000 });
    await expect.poll(() => page.locator('[data-testid="network-table"] tbody tr').count()).toBe(3);
    for (const site of ['leeds', 'porto', 'belfast']) {
      expect(await page.locator(`[data-testid="site-${site}-unitsPerDay"]`).textContent()).toMatch(/^\d+ ± \d+$/);
      expect(await page.locator(`[data-testid="site-${site}-oee"]`).textContent()).toMatch(/^\d+\.\d %$/);
    }
    await page.screenshot({ path: shots('network.png') });

    await page.locator('[data-testid="network-file"]').selectOption('networks/kitchen-two-sites.json');
    await page.locator('[data-testid="network-run"]').click();
    await expect.poll(() => page.locator('[data-testid="network-table"] tbody tr').count(), { timeout: 240_000 }).toBe(2);
    await page.getByLabel('Family to move').selectOption('range-hood');
    await page.locator('[data-testid="network-move-run"]').click();
    await page.locator('[data-testid="network-move-result"]').waitFor({ timeout: 240_000 });
    expect(await page.locator('[data-testid="network-move-result"] caption').textContent()).toMatch(/family range-hood: leeds → dublin \(\d+ orders\)/);
  }, 400_000);
});

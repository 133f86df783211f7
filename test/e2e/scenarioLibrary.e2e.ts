import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../cli/runCli.ts';
import { goToWorkspace, launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';

const shots = (name: string) => fileURLToPath(new URL(`../../docs/screenshots/${name}`, import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'e2e-library-'));
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

/** Clicks `button` and saves every file it downloads into `into`; their names. */
async function downloadsOf(page: Page, click: () => Promise<void>, count: number, into: string): Promise<string[]> {
  const got: Download[] = [];
  const listen = (d: Download) => { got.push(d); };
  page.on('download', listen);
  await click();
  await expect.poll(() => got.length).toBe(count);
  page.off('download', listen);
  for (const d of got) await d.saveAs(path.join(into, d.suggestedFilename()));
  return got.map((d) => d.suggestedFilename()).sort();
}

const entries = (page: Page) => page.locator('[data-testid="scenario-library"] li[data-entry]');

describe('the scenario library', () => {
  it('keeps, clones, renames, edits, exports and deletes scenarios, and compares two in the Experiment panel as the CLI does', async () => {
    watched = await openWatchedPage(browser, inject('appUrl'));
    const page = watched.page;
    await waitForPlant(page, 'Kitchen');
    await goToWorkspace(page, 'scenario');

    await page.locator('[data-testid="library-name"]').fill('Base week');
    await page.locator('[data-testid="library-keep"]').click();
    await expect.poll(() => entries(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Clone Base week', exact: true }).click();
    await expect.poll(() => entries(page).count()).toBe(2);
    await page.getByRole('button', { name: 'Rename Base week (copy)', exact: true }).click();
    await page.locator('[data-testid="library-rename-input"]').fill('Second booth');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('li[data-entry="second-booth"]').count()).toBe(1);

    // Open the copy, give it a second booth, apply: the library keeps what was applied.
    await page.getByRole('button', { name: 'Open Second booth', exact: true }).click();
    await expect.poll(() => page.locator('li[data-entry="second-booth"]').textContent()).toContain('on screen');
    await page.locator('[data-testid="scenario-edit"]').click();
    await page.locator('[data-testid="scenario-tab-equipment"]').click();
    await page.locator('[data-testid="duplicate-BOOTH-01"]').click();
    await expect.poll(() => page.locator('[data-testid="scenario-draft-status"]').textContent()).toMatch(/Draft is valid/);
    await page.locator('[data-testid="scenario-apply"]').click();
    await expect.poll(() => page.locator('[data-testid="scenario-draft-status"]').textContent()).toMatch(/Applied 1×/);

    const exported = mkdtempSync(path.join(dir, 'export-'));
    const files = await downloadsOf(page, () => page.getByRole('button', { name: 'Export Second booth', exact: true }).click(), 2, exported);
    expect(files).toEqual(['second-booth.json', 'second-booth.layout.json']);
    const validated = await runCli(['validate', 'second-booth.json'], exported);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
    expect(readFileSync(path.join(exported, 'second-booth.layout.json'), 'utf8')).toContain('"BOOTH-01-2"');
    expect(readFileSync(path.join(exported, 'second-booth.json'), 'utf8')).toContain('"BOOTH-01-2"');

    // A third entry, deleted after a confirmation.
    await page.getByRole('button', { name: 'Clone Base week', exact: true }).click();
    await expect.poll(() => entries(page).count()).toBe(3);
    await page.getByRole('button', { name: 'Delete Base week (copy)', exact: true }).click();
    await page.getByRole('button', { name: 'Really delete Base week (copy)', exact: true }).click();
    await expect.poll(() => entries(page).count()).toBe(2);

    // Kept in the browser: a reload still has both.
    await page.reload();
    await waitForPlant(page, 'Kitchen');
    await goToWorkspace(page, 'scenario');
    await expect.poll(async () => (await entries(page).evaluateAll((li) => li.map((l) => l.getAttribute('data-entry')))).join()).toBe('base-week,second-booth');

    // Compared side by side on the pool; the same experiment and files through the CLI give the same result file.
    await goToWorkspace(page, 'simulate');
    const compare = page.locator('[data-testid="library-compare"]');
    await compare.locator('label', { hasText: 'Base week' }).locator('input').check();
    await compare.locator('label', { hasText: 'Second booth' }).locator('input').check();
    await compare.getByLabel('Replications of each scenario').fill('3');
    await page.locator('[data-testid="library-compare-run"]').click();
    await page.locator('[data-testid="experiment-results"]').waitFor({ timeout: 240_000 });
    await expect.poll(() => page.locator('[data-testid="experiment-table"] tbody tr').count()).toBe(2);
    await page.screenshot({ path: shots('library-compare.png') });
    const forCli = mkdtempSync(path.join(dir, 'cli-'));
    const all = await downloadsOf(page, () => compare.getByRole('button', { name: 'Export for the CLI' }).click(), 5, forCli);
    expect(all).toEqual(['base-week.json', 'base-week.layout.json', 'library-comparison.json', 'second-booth.json', 'second-booth.layout.json']);
    const out = path.join(forCli, 'out');
    const cli = await runCli(['experiment', 'library-comparison.json', '--out', out, '--no-cache'], forCli);
    expect(cli.code).toBe(0);
    const inApp = await page.evaluate(() => JSON.stringify(window.__experimentResult, null, 2));
    expect(`${inApp}\n`).toBe(readFileSync(path.join(out, 'result.json'), 'utf8'));
  }, 600_000);
});

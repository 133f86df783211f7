import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { goToWorkspace, usePlantPage } from './browser.ts';
import { readRepoFile } from './samples.ts';

const kitchen = JSON.parse(readRepoFile('layouts/kitchen-hardware.json')) as { name: string };
const watched = usePlantPage(kitchen.name, (page) => page.waitForFunction(() => window.__twin !== undefined));

const workspaceIds = (page: Page) => page.getByTestId('workspace-tab').evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).dataset.workspace!));
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName);

describe('accessibility', () => {
  it('axe-core finds no serious or critical WCAG 2.1 A/AA violation on any view, with or without states shown', async () => {
    const { page } = watched;
    const found: Record<string, unknown> = {};
    const audit = async (view: string) => {
      const violations = await axeViolations(page);
      if (violations.length > 0) found[view] = violations;
      const all = await axeViolations(page, 'minor');
      console.info(`issue 14: axe-core on "${view}": ${violations.length} serious/critical, ${all.length} of any impact${all.length > 0 ? ` (${all.map((v) => `${v.id}: ${v.impact}`).join(', ')})` : ''}`);
    };
    // Every workspace the app has, whoever built it: bare, then with states on the scene.
    for (const id of await workspaceIds(page)) {
      await goToWorkspace(page, id);
      await audit(id);
    }
    await goToWorkspace(page, 'twin');
    await page.getByTestId('state-source').selectOption('demo');
    await page.locator('[data-equipment-id="LASER-01"]').click();
    await audit('twin with demo states and a selection');
    await page.getByTestId('edit-layout').click();
    await audit('twin editing the layout');
    await page.getByTestId('edit-layout').click();
    await goToWorkspace(page, 'simulate');
    await page.getByTestId('simulation-replications').fill('2');
    await page.getByTestId('simulation-replications').press('Enter');
    await page.getByTestId('simulate').click();
    await page.getByTestId('kpis').waitFor({ timeout: 90_000 });
    await audit('simulate with results');
    expect(found).toEqual({});
  });

  it('from the page as it opens, keyboard only: Simulate within ten Tab presses (arrows choose the workspace tab)', async () => {
    const { page } = watched;
    let tabs = 0;
    while (tabs < 10 && (await focused(page)) !== 'workspace-tab') {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(await focused(page)).toBe('workspace-tab');
    while (await page.evaluate(() => document.activeElement?.getAttribute('data-workspace')) !== 'simulate') await page.keyboard.press('ArrowRight');
    while (tabs < 10 && (await focused(page)) !== 'simulate') {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(await focused(page)).toBe('simulate');
    expect(tabs).toBeLessThanOrEqual(10);
    console.info(`issue 14: Simulate reached in ${tabs} Tab presses from the page as it opens`);
  });

  it('the 3D view has a text alternative: a table of every machine\'s state, kept current', async () => {
    const { page } = watched;
    const view = page.getByTestId('twin-view');
    expect(await view.getAttribute('aria-describedby')).toBe('twin-state-table');
    const table = page.locator('#twin-state-table');
    expect(await table.locator('tbody tr').count()).toBe(1);
    await page.getByTestId('state-source').selectOption('demo');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(25);
    const seen = await page.evaluate(() => window.__twin!.stateOf('LASER-01'));
    const label = seen![0]!.toUpperCase() + seen!.slice(1).replace('-', ' ');
    await expect.poll(() => table.locator('tr[data-equipment="LASER-01"] td').nth(1).textContent()).toBe(label);
    // Progress is labelled, and a finished run is announced.
    await goToWorkspace(page, 'simulate');
    await page.getByTestId('simulation-replications').fill('2');
    await page.getByTestId('simulation-replications').press('Enter');
    await page.getByTestId('simulate').click();
    expect(await page.getByTestId('simulation-progress').getAttribute('aria-label')).toBe('Simulation progress');
    await expect.poll(() => page.getByTestId('simulation-announce').textContent(), { timeout: 90_000 }).toBe('Simulation finished: 2 replications.');
    expect(await page.getByTestId('simulation-announce').getAttribute('role')).toBe('status');
  });
});

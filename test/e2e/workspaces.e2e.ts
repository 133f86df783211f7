import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';

let browser: Browser;
let watched: WatchedPage | undefined;

beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser.close(); });
afterEach(async () => {
  await watched?.page.close();
  expect(watched?.errors).toEqual([]);
  watched = undefined;
});

async function open(hash: string, plantName?: string): Promise<Page> {
  watched = await openWatchedPage(browser, new URL(hash, inject('appUrl')).href);
  if (plantName !== undefined) await waitForPlant(watched.page, plantName);
  return watched.page;
}

const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-workspace');
const shown = (page: Page) => page.locator('main').getAttribute('data-workspace');
const hash = (page: Page) => page.evaluate(() => location.hash);

describe('workspaces', () => {
  it('opens the workspace and the plant a link names, and a reload keeps both', async () => {
    const page = await open('#/simulate?plant=scenarios/aerospace-machining-week.json', 'Aerospace');
    expect(await shown(page)).toBe('simulate');
    expect(await selectedTab(page)).toBe('simulate');
    expect(await page.getByTestId('scenario-name').textContent()).toBe('Aerospace machining — week 49/2026');
    await page.getByTestId('simulate').waitFor();
    await page.reload();
    await waitForPlant(page, 'Aerospace');
    expect(await shown(page)).toBe('simulate');
    expect(await hash(page)).toBe('#/simulate?plant=scenarios/aerospace-machining-week.json');
  });

  it('puts the workspace in the URL when a tab is chosen, and Back returns to the one before', async () => {
    const page = await open('', 'Kitchen hardware');
    expect(await shown(page)).toBe('twin');
    await expect.poll(() => hash(page)).toBe('#/twin?plant=scenarios/kitchen-hardware-week.json');
    await page.getByRole('tab', { name: 'Schedule' }).click();
    await expect.poll(() => shown(page)).toBe('schedule');
    expect(await hash(page)).toBe('#/schedule?plant=scenarios/kitchen-hardware-week.json');
    await page.goBack();
    await expect.poll(() => shown(page)).toBe('twin');
    // Another sample replaces the plant in the link without a new history entry.
    await page.getByTestId('sample-picker').selectOption('scenarios/electronics-smt-week.json');
    await waitForPlant(page, 'SMT');
    await expect.poll(() => hash(page)).toBe('#/twin?plant=scenarios/electronics-smt-week.json');
  });

  it('switches with the digit keys, but not while typing in a field, and not once single keys are off', async () => {
    const page = await open('#/twin', 'Kitchen hardware');
    await page.locator('body').press('3');
    await expect.poll(() => shown(page)).toBe('simulate');
    await page.getByTestId('simulation-replications').press('4');
    expect(await shown(page)).toBe('simulate');
    // The key went into the field (a text field judged on Enter or blur; focus() puts the caret first).
    expect(await page.getByTestId('simulation-replications').inputValue()).toContain('4');
    // Out of the field (focus back on the page), the keys are commands again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-dialog').waitFor();
    expect(await page.getByTestId('shortcuts-dialog').textContent()).toContain('Go to Schedule');
    await page.getByTestId('single-key-shortcuts').uncheck();
    await page.keyboard.press('Escape');
    await page.keyboard.press('1');
    expect(await shown(page)).toBe('simulate');
  });

  it('moves between tabs with the arrow keys, one Tab stop for all of them', async () => {
    const page = await open('#/twin', 'Kitchen hardware');
    await page.getByRole('tab', { name: 'Twin' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => shown(page)).toBe('scenario');
    await page.keyboard.press('End');
    await expect.poll(() => shown(page)).toBe('train');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-workspace'))).toBe('train');
    expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
  });

  it('starts keyboard users with a skip link, and Simulate is reached within ten Tab presses', async () => {
    const page = await open('#/simulate', 'Kitchen hardware');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the workspace');
    let presses = 1;
    while (presses < 10 && await page.evaluate(() => document.activeElement?.getAttribute('data-testid')) !== 'simulate') {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('simulate');
    // The skip link moves focus past the top bar and the tabs.
    await page.reload();
    await waitForPlant(page, 'Kitchen hardware');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('workspace-main');
    expect(await shown(page)).toBe('simulate');
  });

  it('hides the twin where a workspace has no use for it, and keeps it for the next', async () => {
    const page = await open('#/publish', 'Kitchen hardware');
    expect(await page.getByTestId('twin-canvas').isVisible()).toBe(false);
    await page.getByRole('heading', { name: 'Dispatch list versions' }).waitFor();
    await page.getByRole('tab', { name: 'Twin' }).click();
    await expect.poll(() => page.getByTestId('twin-canvas').isVisible()).toBe(true);
    await page.waitForFunction(() => window.__twin !== undefined);
    await page.evaluate(() => window.__twin!.rendered());
  });

  it('says so when a link names a plant that is not bundled, and shows the default one', async () => {
    const page = await open('#/schedule?plant=scenarios/nowhere.json');
    await page.getByTestId('problems').waitFor();
    expect(await page.getByTestId('plant-name').textContent()).toBe('Kitchen hardware works');
    expect(await page.getByTestId('problems').textContent()).toContain('scenarios/nowhere.json');
    expect(await shown(page)).toBe('schedule');
  });
});

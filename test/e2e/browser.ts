import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';

/** Debian's Chromium; tests never download a browser. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// WebGL 2 without a GPU comes from SwiftShader; the rest keeps a headless run quiet and offline.
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Launches with a fresh temporary profile each time. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath, args, headless: true });
}

export interface WatchedPage { page: Page; errors: string[] }

/** A page whose console errors and uncaught exceptions are collected, so tests can fail on them. */
export async function openWatchedPage(browser: Browser, url: string): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.goto(url);
  return { page, errors };
}

/** Waits until the named plant is on screen; fails at once, with the page's problems, if it could not open. */
export async function waitForPlant(page: Page, name: string): Promise<void> {
  const shown = page.getByTestId('plant-name').filter({ hasText: name });
  const problems = page.getByTestId('problems');
  await shown.or(problems).first().waitFor();
  if (await problems.isVisible()) throw new Error(`${name} did not open: ${await problems.textContent()}`);
}

/**
 * The hooks of a test file whose every test starts on the app with a plant open: one browser for
 * the file, a fresh page per test showing `plantName` (then `ready`, if given), and no console
 * errors when the test ends. The returned object is refilled before each test.
 */
export function usePlantPage(plantName: string, ready?: (page: Page) => Promise<unknown>): WatchedPage {
  let browser: Browser;
  const watched = {} as WatchedPage;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser.close(); });
  beforeEach(async () => {
    Object.assign(watched, await openWatchedPage(browser, inject('appUrl')));
    await waitForPlant(watched.page, plantName);
    await ready?.(watched.page);
  });
  afterEach(async () => {
    await watched.page.close();
    expect(watched.errors).toEqual([]);
  });
  return watched;
}

/** Switches to a workspace by its tab, as a user would, and waits until it is on screen. */
export async function goToWorkspace(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="workspace-tab"][data-workspace="${id}"]`).click();
  await page.locator(`main[data-workspace="${id}"]`).waitFor();
}

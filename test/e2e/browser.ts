import { chromium, type Browser, type Page } from 'playwright-core';

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

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { goToWorkspace, launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';
import { colourAt } from './canvasPixels.ts';
import { readRepoFile } from './samples.ts';

const kitchen = JSON.parse(readRepoFile('layouts/kitchen-hardware.json')) as { name: string };

/** A short shift of two machines, long CSV format, with one line that is not a record. */
const CSV = `time,equipment,field,value
2026-11-30T06:00:00Z,LASER-01,state,processing
2026-11-30T06:00:00Z,PRESS-01,state,processing
2026-11-30T07:00:00Z,LASER-01,state,down
2026-11-30T07:00:00Z,LASER-01,reason,nozzle
garbage line
2026-11-30T08:00:00Z,LASER-01,state,processing
2026-11-30T09:00:00Z,PRESS-01,state,idle
`;

let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser.close(); });
afterEach(async () => {
  await watched.page.close();
  expect(watched.errors).toEqual([]);
});

function dropRecording(page: Page, name: string, text: string) {
  return page.evaluate(([name, text]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'text/csv' }));
    const target = document.querySelector('[data-testid="twin-canvas"]');
    if (!target) throw new Error('no twin canvas');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, [name, text] as const);
}

describe('recording replay', () => {
  it('reads a dropped CSV recording in a worker and plays it: the machine turns red where it was down', async () => {
    watched = await openWatchedPage(browser, inject('appUrl'));
    const page = watched.page;
    await waitForPlant(page, kitchen.name);
    await page.waitForFunction(() => window.__twin !== undefined);
    await dropRecording(page, 'shift.csv', CSV);
    await expect.poll(() => page.getByTestId('recording-status').textContent().catch(() => '')).toContain('5 events');
    expect(await page.getByTestId('recording-bad-lines').textContent()).toBe('1');
    expect(await page.getByTestId('timeline-clock').textContent()).toBe('2026-11-30 06:00:00 UTC');

    const id = 'LASER-01';
    await page.locator(`[data-focus-id="${id}"]`).click();
    const read = async (minutes: number) => {
      await page.getByTestId('timeline-scrub').fill(String(minutes));
      await page.evaluate(() => window.__twin!.rendered());
      const point = await page.evaluate((id) => window.__twin!.project(id), id);
      if (!point) throw new Error(`${id} is not in the layout`);
      return { state: await page.evaluate((id) => window.__twin!.stateOf(id), id), colour: await colourAt(page, point) };
    };
    const broken = await read(90);
    expect(broken.state).toBe('down');
    const [r, g, b] = broken.colour;
    expect(r - g).toBeGreaterThan(60);
    expect(r - b).toBeGreaterThan(60);
    // Simulate the next two hours from the recorded states at the cursor (07:30, LASER-01 down).
    await goToWorkspace(page, 'simulate');
    await page.getByTestId('from-here-hours').fill('2');
    await page.getByTestId('simulate-from-here').click();
    await page.getByTestId('from-here-kpis').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('from-here-snapshot').textContent()).toBe('From the recording at 2026-11-30 07:30:00 UTC: 2 equipment');
    expect(await page.getByTestId('from-here-throughput').textContent()).toMatch(/^\d+ ± [\d.]+ units\/day$/);

    const working = await read(150);
    expect(working.state).toBe('processing');
    const [r1, g1, b1] = working.colour;
    expect(Math.max(Math.abs(r1 - g1), Math.abs(g1 - b1))).toBeLessThan(20);
  });
});

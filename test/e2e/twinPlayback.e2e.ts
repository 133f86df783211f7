import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';
import { colourAt } from './canvasPixels.ts';
import { readRepoFile } from './samples.ts';

interface Placed { id: string; position: { x: number; y: number }; footprint: { width: number; depth: number } }
interface KitchenLayout {
  name: string;
  floor: { width: number; depth: number };
  site: { areas: { id: string; lines: { id: string; cells: { equipment: Placed[] }[] }[] }[] };
}

const kitchen = JSON.parse(readRepoFile('layouts/kitchen-hardware.json')) as KitchenLayout;
const scenarioStart = (JSON.parse(readRepoFile('scenarios/kitchen-hardware-week.json')) as { start: string }).start;
const screenshot = fileURLToPath(new URL('../../docs/screenshots/states.png', import.meta.url));

let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser.close(); });
afterEach(async () => {
  await watched.page.close();
  expect(watched.errors).toEqual([]);
});

async function open(query = ''): Promise<Page> {
  watched = await openWatchedPage(browser, `${inject('appUrl')}${query}`);
  await waitForPlant(watched.page, kitchen.name);
  await watched.page.waitForFunction(() => window.__twin !== undefined);
  return watched.page;
}

const rendered = (page: Page) => page.evaluate(() => window.__twin!.rendered());
const info = (page: Page) => page.evaluate(() => window.__twin!.info());
const cameraTarget = (page: Page) => page.evaluate(() => window.__twin!.camera().target);

describe('the twin with a state source', () => {
  it('draws ten times the parts with the same number of draw calls', async () => {
    const page = await open('?demo=1&parts=300');
    await rendered(page);
    const few = await info(page);
    await page.evaluate(() => window.__twin!.showDemo(3000));
    // Each part is a 12-triangle box, all in the one WIP mesh.
    await expect.poll(async () => { await rendered(page); return (await info(page)).triangles - few.triangles; }, { timeout: 20_000 })
      .toBe(2700 * 12);
    const many = await info(page);
    expect(many.calls).toBe(few.calls);
    expect(few.calls).toBeGreaterThan(5);
  });

  it('colours a machine by the state the source gives it: grey when processing, red when down', async () => {
    const page = await open('?demo=1&parts=0');
    const id = 'LASER-01';
    const times = await page.evaluate((id) => {
      const probe = window.__twin!;
      let processing: number | undefined;
      let down: number | undefined;
      for (let t = 0; t < 7 * 1440 && (processing === undefined || down === undefined); t += 5) {
        const state = probe.stateAt(id, t);
        if (state === 'processing') processing ??= t + 1;
        if (state === 'down') down ??= t + 1;
      }
      return { processing, down };
    }, id);
    if (times.processing === undefined || times.down === undefined) throw new Error(`the demo never shows ${id} processing and down`);
    await page.locator(`[data-focus-id="${id}"]`).click();
    const read = async (minutes: number) => {
      await page.evaluate((m) => window.__twin!.seek(m), minutes);
      await rendered(page);
      const point = await page.evaluate((id) => window.__twin!.project(id), id);
      if (!point) throw new Error(`${id} is not in the layout`);
      return { state: await page.evaluate((id) => window.__twin!.stateOf(id), id), colour: await colourAt(page, point) };
    };
    const working = await read(times.processing);
    expect(working.state).toBe('processing');
    const [r1, g1, b1] = working.colour;
    expect(Math.max(Math.abs(r1 - g1), Math.abs(g1 - b1))).toBeLessThan(20);
    const broken = await read(times.down);
    expect(broken.state).toBe('down');
    const [r2, g2, b2] = broken.colour;
    expect(r2 - g2).toBeGreaterThan(60);
    expect(r2 - b2).toBeGreaterThan(60);
    expect(await page.getByTestId('state-legend').textContent()).toContain('Down');
  });

  it('plays, pauses and scrubs in the scenario’s calendar time', async () => {
    const page = await open('?demo=1&parts=50');
    const clock = page.getByTestId('timeline-clock');
    // Playback starts at the first shift (06:00), not in the six off-shift hours before it.
    await expect.poll(() => clock.textContent()).toBe('2026-11-30 06:00:00 UTC');
    expect(scenarioStart).toBe('2026-11-30T00:00:00Z');
    await page.getByTestId('timeline-speed').fill('12');
    expect(await page.locator('.timeline-speed-value').textContent()).toBe('10,000×');
    await page.getByTestId('timeline-play').click();
    await expect.poll(() => clock.textContent(), { timeout: 10_000 }).not.toBe('2026-11-30 06:00:00 UTC');
    await page.getByTestId('timeline-play').click();
    expect(await page.getByTestId('timeline-play').getAttribute('aria-label')).toBe('Play');
    const paused = await clock.textContent();
    await page.waitForTimeout(300);
    expect(await clock.textContent()).toBe(paused);
    await page.getByTestId('timeline-scrub').fill('1530');
    expect(await clock.textContent()).toBe('2026-12-01 01:30:00 UTC');
  });

  it('shows the selected machine’s state, order and time in each state so far', async () => {
    const page = await open('?demo=1&parts=200');
    await page.getByTestId('timeline-scrub').fill('2000');
    await page.locator('[data-equipment-id="LASER-01"]').click();
    const expected = await page.evaluate(() => window.__twin!.stateAt('LASER-01', 2000));
    const status = page.getByTestId('equipment-status');
    await expect.poll(() => status.getByTestId('equipment-state').textContent()).toBe(expected![0]!.toUpperCase() + expected!.slice(1).replace('-', ' '));
    expect(await page.getByTestId('time-in-state').locator('rect').count()).toBeGreaterThan(1);
    expect(await status.textContent()).toMatch(/Queue\d+ of 600 parts/);
    await page.screenshot({ path: screenshot, fullPage: true });
  });
});

describe('camera', () => {
  it('focuses on a line clicked in the tree, and fits the plant again', async () => {
    const page = await open();
    const line = kitchen.site.areas[0]!.lines[1]!;
    const items = line.cells.flatMap((c) => c.equipment);
    const minX = Math.min(...items.map((e) => e.position.x - e.footprint.width / 2));
    const maxX = Math.max(...items.map((e) => e.position.x + e.footprint.width / 2));
    const minY = Math.min(...items.map((e) => e.position.y - e.footprint.depth / 2));
    const maxY = Math.max(...items.map((e) => e.position.y + e.footprint.depth / 2));
    const before = await page.evaluate(() => window.__twin!.camera());
    expect(before.target[0]).toBeCloseTo(kitchen.floor.width / 2, 3);

    await page.locator(`[data-node-id="${line.id}"]`).click();
    await expect.poll(() => cameraTarget(page)).toEqual([(minX + maxX) / 2, 0, -(minY + maxY) / 2]);
    const focused = await page.evaluate(() => window.__twin!.camera());
    const distance = (c: typeof before) => Math.hypot(...c.position.map((p, i) => p - c.target[i]!));
    expect(distance(focused)).toBeLessThan(distance(before) * 0.75);

    await page.getByTestId('fit-plant').click();
    await expect.poll(() => cameraTarget(page)).toEqual(before.target);
  });

  it('looks straight down in top view', async () => {
    const page = await open();
    await page.getByTestId('top-view').click();
    await expect.poll(async () => {
      const { position, target } = await page.evaluate(() => window.__twin!.camera());
      return Math.hypot(position[0] - target[0], position[2] - target[2]) / (position[1] - target[1]);
    }).toBeLessThan(0.001);
    expect(await page.getByTestId('top-view').getAttribute('aria-pressed')).toBe('true');
  });
});

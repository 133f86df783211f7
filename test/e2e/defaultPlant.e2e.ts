import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { usePlantPage } from './browser.ts';
import { canvasPixelStats, highlightedPoint } from './canvasPixels.ts';
import { equipmentIds, readLayout, readRepoFile } from './samples.ts';

const layout = readLayout('layouts/kitchen-hardware.json');
const scenario = JSON.parse(readRepoFile('scenarios/kitchen-hardware-week.json')) as { name: string };
const screenshot = fileURLToPath(new URL('../../docs/screenshots/twin.png', import.meta.url));

const watched = usePlantPage(layout.name);

/** Waits until the twin has drawn more than its background. */
async function drawnScene() {
  await expect.poll(() => canvasPixelStats(watched.page), { timeout: 30_000 })
    .toSatisfy((s) => s.distinctColours > 50 && s.drawn > 0.2);
  return canvasPixelStats(watched.page);
}

describe('the app at start', () => {
  it('opens the kitchen-hardware week scenario with its layout', async () => {
    const { page } = watched;
    await expect.poll(() => page.title()).toContain(layout.name);
    expect(await page.getByTestId('scenario-name').textContent()).toBe(scenario.name);
    expect(await page.getByTestId('problems').count()).toBe(0);
  });

  it('lists every equipment of layouts/kitchen-hardware.json in the ISA-95 tree, once', async () => {
    const shown = await watched.page.getByTestId('tree-equipment').evaluateAll(
      (rows) => rows.map((row) => row.getAttribute('data-equipment-id')),
    );
    const expected = equipmentIds(layout);
    expect(shown).toHaveLength(expected.length);
    expect([...shown].sort()).toEqual([...expected].sort());
  });

  it('nests the tree as site, area, line, cell, equipment', async () => {
    const first = equipmentIds(layout)[0];
    const kinds = await watched.page.locator(`[data-equipment-id="${first}"]`).evaluate((row) => {
      const found: string[] = [];
      for (let e: Element | null = row; e; e = e.parentElement) {
        const kind = e.matches('.tree-level') ? e.querySelector(':scope > .tree-label .tree-kind')?.textContent : undefined;
        if (kind) found.unshift(kind);
      }
      return found;
    });
    expect(kinds).toEqual(['Site', 'Area', 'Line', 'Cell']);
  });

  it('draws the plant on the canvas', async () => {
    const stats = await drawnScene();
    expect(stats.distinctColours).toBeGreaterThan(50);
    expect(stats.drawn).toBeGreaterThan(0.2);
    expect(stats.highlighted).toBe(0);
  });

  it('highlights equipment chosen in the tree in the 3D view and shows its details', async () => {
    const { page } = watched;
    await drawnScene();
    const first = equipmentIds(layout)[0] ?? '';
    const row = page.locator(`[data-equipment-id="${first}"]`);
    await row.click();
    expect(await row.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('equipment-details').textContent()).toContain(first);
    await expect.poll(async () => (await canvasPixelStats(page)).highlighted, { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it('selects the equipment clicked in the 3D view', async () => {
    const { page } = watched;
    await drawnScene();
    const [first, second] = equipmentIds(layout);
    // Find where `first` is drawn by highlighting it, then select another and click there.
    await page.locator(`[data-equipment-id="${first}"]`).click();
    await expect.poll(async () => (await canvasPixelStats(page)).highlighted, { timeout: 30_000 }).toBeGreaterThan(0);
    const point = await highlightedPoint(page);
    if (!point) throw new Error(`${first} is not visible in the 3D view`);
    await page.locator(`[data-equipment-id="${second}"]`).click();
    expect(await page.locator('[aria-pressed="true"]').getAttribute('data-equipment-id')).toBe(second);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.locator('[aria-pressed="true"]').getAttribute('data-equipment-id')).toBe(first);
  });

  it('writes the README screenshot of the default plant, with a press brake selected', async () => {
    const { page } = watched;
    await drawnScene();
    const pressBrake = page.locator('[data-testid="tree-equipment"]').filter({ hasText: 'press-brake' }).first();
    await pressBrake.click();
    await expect.poll(async () => (await canvasPixelStats(page)).highlighted, { timeout: 30_000 }).toBeGreaterThan(0);
    mkdirSync(fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(20_000);
  });
});

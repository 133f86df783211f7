import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { goToWorkspace, usePlantPage } from './browser.ts';

const screenshot = fileURLToPath(new URL('../../docs/screenshots/compare.png', import.meta.url));
const KPIS = ['unitsPerDay', 'onTimeRate', 'leadTimeMean', 'wipLots', 'travelMetresPerDay', 'bottleneckUtilisation', 'bottleneckOee'];

const watched = usePlantPage('Kitchen hardware', (page) => page.waitForFunction(() => window.__twin !== undefined && window.__sim !== undefined));

async function where(page: Page, id: string) {
  await page.evaluate(() => window.__twin!.rendered());
  const point = await page.evaluate((id) => window.__twin!.project(id), id);
  if (!point) throw new Error(`${id} is not drawn`);
  return point;
}

/** Drags equipment along the floor's x axis by about `metres`, scaled from two machines' screen positions. */
async function dragAlongX(page: Page, id: string, metres: number, ruler: { id: string; dx: number }) {
  const from = await where(page, id);
  const other = await where(page, ruler.id);
  const perMetre = (from.x - other.x) / ruler.dx;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (metres * perMetre * i) / 10, from.y);
  await page.mouse.up();
}

describe('comparing an edited layout with the original by simulation', () => {
  it('moves the oven far from the paint line and shows a delta with a 95 % interval for every KPI; travel grows', async () => {
    const { page } = watched;
    await goToWorkspace(page, 'simulate');
    await page.getByTestId('simulation-replications').fill('3');
    await goToWorkspace(page, 'twin');
    await page.getByTestId('edit-layout').click();
    // CURE-01 (x 45.5) is 12.5 m right of BOOTH-02 (x 33); it goes about 20 m further right, to free floor.
    await dragAlongX(page, 'CURE-01', 20.5, { id: 'BOOTH-02', dx: 12.5 });
    await page.locator('[data-testid="tree-equipment"][data-equipment-id="CURE-01"]').click();
    const position = await page.getByTestId('equipment-position').textContent();
    expect(Number.parseFloat(position ?? '')).toBeGreaterThan(60);

    await page.getByTestId('compare-original').click();
    await page.getByTestId('compare-table').waitFor({ timeout: 120_000 });
    const rows = await page.getByTestId('compare-row').evaluateAll((trs) => trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return { kpi: d.kpi, delta: Number(d.delta), lower: Number(d.lower), upper: Number(d.upper), significant: d.significant === 'true' };
    }));
    expect(rows.map((r) => r.kpi)).toEqual(KPIS);
    for (const r of rows) {
      expect(Number.isFinite(r.delta) && Number.isFinite(r.lower) && Number.isFinite(r.upper), r.kpi).toBe(true);
      expect(r.lower).toBeLessThanOrEqual(r.delta);
      expect(r.delta).toBeLessThanOrEqual(r.upper);
      expect(r.significant).toBe(r.lower > 0 || r.upper < 0);
    }
    // The runs are fixed by the seed; every lot to and from the oven now drives about 20 m more each way.
    const travel = rows.find((r) => r.kpi === 'travelMetresPerDay')!;
    expect(travel.delta).toBeGreaterThan(0);
    expect(travel.significant).toBe(true);
    await page.screenshot({ path: screenshot, fullPage: true });
  });

  it('after Simulate, the selected machine shows its OEE so far, and it follows the playhead', async () => {
    const { page } = watched;
    await goToWorkspace(page, 'simulate');
    await page.getByTestId('simulation-replications').fill('2');
    await page.getByTestId('simulate').click();
    await page.getByTestId('kpis').waitFor({ timeout: 60_000 });
    await goToWorkspace(page, 'twin');
    await page.locator('[data-testid="tree-equipment"][data-equipment-id="LASER-01"]').click();
    const value = page.getByTestId('oee-value');
    await value.waitFor();
    const read = async () => ({ oee: Number(await value.getAttribute('data-oee')), availability: await page.getByTestId('oee-availability').textContent() });
    await page.evaluate(() => window.__twin!.seek(5000));
    await expect.poll(async () => (await read()).oee, { timeout: 5000 }).toBeGreaterThan(0);
    const later = await read();
    expect(later.oee).toBeLessThanOrEqual(1);
    expect(await value.textContent()).toMatch(/^\d{1,3}(\.\d)?%$/);
    const shown = Number.parseFloat((await value.textContent())!);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(100);
    // Early on the machine has had less time to lose: the figures are cut at the playhead.
    await page.evaluate(() => window.__twin!.seek(600));
    await expect.poll(async () => (await read()).availability, { timeout: 5000 }).not.toBe(later.availability);
  });
});

import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plantProblem } from '../../solver/plant/plantProblem.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';
import { goToWorkspace, usePlantPage } from './browser.ts';
import { canvasPixelStats } from './canvasPixels.ts';

const plant = await loadSamplePlant('kitchen-hardware');
const expectedOperations = plantProblem(plant).problem.operations.length;
const screenshot = fileURLToPath(new URL('../../docs/screenshots/gantt.png', import.meta.url));
const riskScreenshot = fileURLToPath(new URL('../../docs/screenshots/risk.png', import.meta.url));

const watched = usePlantPage('Kitchen hardware', (page) => page.waitForFunction(() => window.__twin !== undefined));

const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function schedule(page: Page): Promise<void> {
  await goToWorkspace(page, 'schedule');
  await page.getByTestId('schedule-time').fill('4');
  await page.getByTestId('schedule-run').click();
  await page.getByTestId('gantt-canvas').waitFor({ timeout: 90_000 });
  await page.waitForFunction(() => (window.__gantt?.counts().drawn ?? 0) > 0);
}

/** Brings an equipment's row into sight and returns the page position of an operation's bar. */
async function barOf(page: Page, op: number): Promise<{ x: number; y: number; width: number }> {
  const info = await page.evaluate((o) => window.__gantt!.operation(o)!, op);
  await page.locator(`[data-testid="gantt-row"][data-equipment-id="${info.equipment}"]`).scrollIntoViewIfNeeded();
  // The chart redraws on the next frames after the scroll: wait until its view has the new offset.
  await page.waitForFunction(() => window.__gantt!.view()?.scrollTop === document.querySelector('[data-testid="gantt-body"]')!.scrollTop);
  await frames(page);
  const bar = await page.evaluate((o) => window.__gantt!.bar(o), op);
  if (!bar) throw new Error(`operation ${op} is not drawn`);
  return bar;
}

async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
  await page.mouse.up();
}

describe('the Schedule workspace', () => {
  it('schedules the default plant from the panel and the Gantt draws every operation of the schedule once', async () => {
    const { page } = watched;
    await schedule(page);
    const counts = await page.evaluate(() => window.__gantt!.counts());
    expect(counts).toEqual({ plan: expectedOperations, worker: expectedOperations, drawn: expectedOperations, drawnTwice: 0 });
    expect(await page.evaluate(() => window.__gantt!.check())).toEqual([]);
    expect(Number(await page.locator('[data-kpi="onTimeOrders"]').getAttribute('data-value'))).toBeGreaterThan(0);
    expect(await page.getByTestId('schedule-bound').textContent()).toMatch(/lower bound \d/);
    // By order: one row per order, every operation drawn once there too.
    await page.getByTestId('gantt-mode-orders').check({ force: true });
    await frames(page);
    expect(await page.evaluate(() => window.__gantt!.counts().drawn)).toBe(expectedOperations);
    expect(await page.getByTestId('gantt-canvas').getAttribute('data-rows')).toBe(String(plant.scenario!.orders.length));
    await page.getByTestId('gantt-mode-resources').check({ force: true });
    // For the README: the first days, and a bar's tooltip.
    await page.evaluate(() => window.__gantt!.zoomTo(3, 0));
    await frames(page);
    const canvas = (await page.getByTestId('gantt-canvas').boundingBox())!;
    const all = await page.evaluate(() => window.__gantt!.operations());
    for (const o of all) {
      const bar = await page.evaluate((op) => window.__gantt!.bar(op), o.op);
      if (bar && bar.width > 24 && bar.x < canvas.x + canvas.width * 0.6 && bar.y > canvas.y + 40 && bar.y < canvas.y + canvas.height - 20) {
        await page.mouse.move(bar.x, bar.y);
        await page.getByTestId('gantt-tooltip').waitFor();
        break;
      }
    }
    await page.screenshot({ path: screenshot, fullPage: true });
  });

  it('snaps a refused drag back and names the reason; a drop is timed by the engine, which says what it moved; a feasible drag changes the KPIs and passes the checker', async () => {
    const { page } = watched;
    await schedule(page);
    const ops = await page.evaluate(() => window.__gantt!.operations());
    const outcome = page.getByTestId('drop-outcome');
    // An operation dragged onto a machine that cannot run it goes back, and the reason is shown.
    const rows = new Set(ops.map((o) => o.equipment));
    const fixedOne = ops.find((o) => [...rows].some((e) => !o.eligible.includes(e)))!;
    const stranger = [...rows].find((e) => !fixedOne.eligible.includes(e))!;
    const grabbed = await barOf(page, fixedOne.op);
    const there = await page.evaluate(([e, m]) => window.__gantt!.point(e, m), [stranger, fixedOne.start] as const);
    await dragTo(page, grabbed, { x: grabbed.x, y: there!.y });
    await expect.poll(() => outcome.textContent()).toMatch(/^Not moved — Not eligible: /);
    expect(await outcome.textContent()).toContain(fixedOne.order);
    expect(await page.evaluate((o) => window.__gantt!.operation(o), fixedOne.op)).toEqual(fixedOne);

    // The operation that ends last, dropped in the middle of a long off-shift stretch of its machine
    // after everything else: the engine begins it when the machine works again, and the outcome
    // names the pin it could not keep.
    const final = ops.reduce((a, b) => (b.end > a.end ? b : a));
    const [offFrom, offTo] = (await page.evaluate(([e, m]) => window.__gantt!.offShift(e, m, m + 7 * 1440), [final.equipment, final.end] as const))
      .find(([f, t]) => t - f >= 240)!;
    const finalBar = await barOf(page, final.op);
    const offShiftPoint = await page.evaluate(([e, m]) => window.__gantt!.point(e, m), [final.equipment, (offFrom + offTo) / 2] as const);
    await dragTo(page, finalBar, { x: finalBar.x + (offShiftPoint!.x - (finalBar.x - finalBar.width / 2)), y: finalBar.y });
    await expect.poll(() => outcome.textContent()).toMatch(new RegExp(`^Moved; the plan passes the plant checker\\. Moved by the plant's rules: ${final.order} ${final.operation} begins \\w{3} \\d\\d:\\d\\d, not \\w{3} \\d\\d:\\d\\d\\.$`));
    const placed = (await page.evaluate((o) => window.__gantt!.operation(o), final.op))!;
    expect(placed.start).toBeGreaterThanOrEqual(offTo);
    expect(await page.evaluate(() => window.__gantt!.check())).toEqual([]);
    await page.getByTestId('plan-undo').click();
    expect(await page.evaluate((o) => window.__gantt!.operation(o), final.op)).toEqual(final);

    // The operation that ends last, moved a few hours later: nothing follows it.
    const last = ops.reduce((a, b) => (b.end > a.end ? b : a));
    expect(last.lastOfOrder).toBe(true);
    const before = await page.evaluate(() => window.__gantt!.kpis());
    const from = await barOf(page, last.op);
    const to = await page.evaluate(([e, m]) => window.__gantt!.point(e, m), [last.equipment, last.start + 240] as const);
    await dragTo(page, { x: from.x, y: from.y }, { x: from.x + (to!.x - (from.x - from.width / 2)), y: from.y });
    await expect.poll(() => outcome.textContent()).toBe('Moved; the plan passes the plant checker.');
    const after = await page.evaluate(() => window.__gantt!.kpis());
    expect(after!.makespan).toBeGreaterThan(before!.makespan);
    expect(await page.locator('[data-kpi="makespan"]').getAttribute('data-value')).toBe(String(after!.makespan));
    expect(await page.evaluate(() => window.__gantt!.check())).toEqual([]);
    expect((await page.evaluate((o) => window.__gantt!.operation(o), last.op))!.start).toBeGreaterThan(last.start);
    // Undo puts it back.
    await page.getByTestId('plan-undo').click();
    expect((await page.evaluate((o) => window.__gantt!.operation(o), last.op))!.start).toBe(last.start);
  });

  it('keeps a pinned operation where it is when re-optimising', async () => {
    const { page } = watched;
    await schedule(page);
    const ops = await page.evaluate(() => window.__gantt!.operations());
    const last = ops.reduce((a, b) => (b.end > a.end ? b : a));
    const from = await barOf(page, last.op);
    const to = await page.evaluate(([e, m]) => window.__gantt!.point(e, m), [last.equipment, last.start + 600] as const);
    await dragTo(page, from, { x: from.x + (to!.x - (from.x - from.width / 2)), y: from.y });
    await expect.poll(() => page.getByTestId('drop-outcome').textContent()).toBe('Moved; the plan passes the plant checker.');
    const moved = (await page.evaluate((o) => window.__gantt!.operation(o), last.op))!;
    await page.mouse.click((await barOf(page, last.op)).x, (await barOf(page, last.op)).y);
    await page.getByTestId('plan-lock').click();
    expect((await page.evaluate((o) => window.__gantt!.operation(o), last.op))!.locked).toBe(true);
    await page.getByTestId('plan-reoptimise').click();
    await page.getByTestId('schedule-status').waitFor({ state: 'detached', timeout: 90_000 });
    const after = (await page.evaluate((o) => window.__gantt!.operation(o), last.op))!;
    expect({ equipment: after.equipment, locked: after.locked }).toEqual({ equipment: moved.equipment, locked: true });
    // The lock goes to the solver through a schedule file, whose times are to the millisecond.
    expect(Math.abs(after.start - moved.start)).toBeLessThan(1 / 60_000);
    expect(Math.abs(after.end - moved.end)).toBeLessThan(1 / 60_000);
    expect(await page.evaluate(() => window.__gantt!.check())).toEqual([]);
  });

  it('selects the machine in the twin when a bar is clicked', async () => {
    const { page } = watched;
    await schedule(page);
    const ops = await page.evaluate(() => window.__gantt!.operations());
    const pick = ops.find((o) => o.end - o.start > 120)!;
    const bar = await barOf(page, pick.op);
    await page.evaluate(() => window.__twin!.rendered());
    const haloBefore = (await canvasPixelStats(page)).highlighted;
    await page.mouse.click(bar.x, bar.y);
    await expect.poll(() => page.evaluate(() => window.__twin!.selected())).toBe(pick.equipment);
    expect(await page.getByTestId('plan-selected').textContent()).toContain(pick.order);
    // Selected in the twin: a blue halo round the machine, whose body keeps its state colour (issue 14).
    await expect.poll(async () => {
      await page.evaluate(() => window.__twin!.rendered());
      return (await canvasPixelStats(page)).highlighted;
    }).toBeGreaterThan(haloBefore);
    await goToWorkspace(page, 'twin');
    expect(await page.locator('[data-testid="tree-equipment"][aria-pressed="true"]').getAttribute('data-equipment-id')).toBe(pick.equipment);
  });

  it('shows the risk of the plan with an interval per order, and the risk column in the order view', async () => {
    const { page } = watched;
    await schedule(page);
    await page.getByTestId('risk-replications').fill('12');
    await page.getByTestId('risk-run').click();
    await page.getByTestId('risk-table').waitFor({ timeout: 120_000 });
    const rows = await page.getByTestId('risk-row').evaluateAll((trs) => trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return { order: d.order!, p: Number(d.p), lower: Number(d.lower), upper: Number(d.upper), r: Number(d.replications), text: tr.textContent ?? '' };
    }));
    expect(rows.map((r) => r.order).sort()).toEqual(plant.scenario!.orders.map((o) => o.id).sort());
    for (const r of rows) {
      expect(r.r).toBe(12);
      expect(r.lower).toBeLessThanOrEqual(r.p);
      expect(r.p).toBeLessThanOrEqual(r.upper);
      expect(r.upper - r.lower).toBeGreaterThan(0);
      expect(r.text).toMatch(/\d+ % \[\d+ %–\d+ %\], R = 12/);
    }
    expect(await page.getByTestId('risk-makespan').locator('rect').count()).toBeGreaterThan(0);
    await page.screenshot({ path: riskScreenshot, fullPage: true });
    await page.getByTestId('schedule-view-gantt').check({ force: true });
    await page.getByTestId('gantt-mode-orders').check({ force: true });
    await frames(page);
    expect(await page.getByTestId('gantt-risk').count()).toBeGreaterThan(0);
  });

  it('prints one dispatch sheet per work centre, and Approve hands a new version to publishing and compares the next plan with it', async () => {
    const { page } = watched;
    await schedule(page);
    const ops = await page.evaluate(() => window.__gantt!.operations());
    const used = new Set(ops.map((o) => o.equipment));
    await page.getByTestId('show-dispatch').click();
    await page.getByTestId('dispatch-view').waitFor();
    expect(await page.locator('[data-testid="dispatch-view"] [data-testid="dispatch-sheet"]').count()).toBe(used.size);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').isVisible()).toBe(false);
    const printed = page.locator('.print-only [data-testid="dispatch-sheet"]');
    expect(await printed.count()).toBe(used.size);
    expect(await printed.first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('approve-open').click();
    await page.getByTestId('approve-submit').click();
    // Without a name the dialog stays open (the field is required).
    expect(await page.getByTestId('approve-dialog').isVisible()).toBe(true);
    await page.getByTestId('approve-name').fill('A. Planner');
    await page.getByTestId('approve-reason').fill('week 49 plan');
    await page.getByTestId('approve-submit').click();
    const note = page.getByTestId('approved-note');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.textContent()).toContain('kitchen-hardware-week-dl-0001');
    expect(await page.getByTestId('schedule-kpis').locator('thead th').allTextContents()).toContain('Approved');
    await note.getByRole('button', { name: 'See it in Publish' }).click();
    await page.locator('main[data-workspace="publish"]').waitFor();
    await page.locator('[data-version="kitchen-hardware-week-dl-0001"]').waitFor({ timeout: 20_000 });
  });
});

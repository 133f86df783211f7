import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Placed { id: string; position: { x: number; y: number }; rotation?: number }
export interface SavedLayout {
  name: string;
  floor: { width: number; depth: number };
  site: { areas: { lines: { cells: { equipment: Placed[] }[] }[] }[] };
  paths: { nodes: { id: string; position: { x: number; y: number }; equipment?: string }[] };
}

export const equipment = (layout: SavedLayout, id: string) =>
  layout.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment))).find((e) => e.id === id);
export const nodeOf = (layout: SavedLayout, id: string) => layout.paths.nodes.find((n) => n.equipment === id);

/** Page coordinates of the middle of a piece of equipment, after a fresh frame. */
export async function where(page: Page, id: string) {
  await page.evaluate(() => window.__twin!.rendered());
  const point = await page.evaluate((id) => window.__twin!.project(id), id);
  if (!point) throw new Error(`${id} is not drawn`);
  return point;
}

/** Presses on the equipment and drags it `dx`, `dy` page pixels in small steps, as a hand would; `held` runs before the release. */
export async function drag(page: Page, id: string, dx: number, dy: number, held?: () => Promise<void>) {
  const from = await where(page, id);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (dx * i) / 10, from.y + (dy * i) / 10);
  await held?.();
  await page.mouse.up();
}

/** Clicks Save layout and reads the downloaded file. */
export async function saveLayout(page: Page): Promise<SavedLayout> {
  const download = page.waitForEvent('download');
  await page.getByTestId('save-layout').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('kitchen-hardware.json');
  return JSON.parse(readFileSync(await file.path(), 'utf8')) as SavedLayout;
}

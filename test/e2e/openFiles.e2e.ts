import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlantPage, waitForPlant } from './browser.ts';
import { equipmentIds, readLayout, readRepoFile, scenarioFor, type SampleLayout } from './samples.ts';

const kitchen = readLayout('layouts/kitchen-hardware.json');

interface TextFile { name: string; text: string }

const watched = usePlantPage(kitchen.name);

function chooseFiles(page: Page, files: TextFile[]) {
  return page.getByTestId('open-file').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })),
  );
}

/** What a user's drag from the file manager delivers: dragenter, dragover, drop with the files. */
function dropFiles(page: Page, files: TextFile[]) {
  return page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.text], f.name, { type: 'application/json' }));
    const target = document.querySelector('[data-testid="twin-canvas"]');
    if (!target) throw new Error('no twin canvas');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, files);
}

function treeIds(page: Page) {
  return page.getByTestId('tree-equipment').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-equipment-id')));
}

async function expectKitchenStillShown(page: Page) {
  expect(await page.getByTestId('plant-name').textContent()).toBe(kitchen.name);
  expect((await treeIds(page)).sort()).toEqual(equipmentIds(kitchen).sort());
}

/** Path of the n-th equipment (in file order) as problems name it. */
function equipmentPath(layout: SampleLayout, n: number): string {
  let i = 0;
  for (const [a, area] of layout.site.areas.entries()) {
    for (const [l, line] of area.lines.entries()) {
      for (const [c, cell] of line.cells.entries()) {
        for (const e of cell.equipment.keys()) {
          if (i++ === n) return `site.areas[${a}].lines[${l}].cells[${c}].equipment[${e}]`;
        }
      }
    }
  }
  throw new Error(`layout has no equipment #${n}`);
}

describe('opening files', () => {
  it('shows the problems of a scenario that orders an unknown product, with their JSON path, and keeps the plant', async () => {
    const { page } = watched;
    const scenario = JSON.parse(readRepoFile('scenarios/kitchen-hardware-week.json')) as { orders: { product: string }[] };
    const order = scenario.orders[0];
    if (!order) throw new Error('the kitchen-hardware scenario has no orders');
    order.product = 'no-such-product';
    await chooseFiles(page, [{ name: 'broken-week.json', text: JSON.stringify(scenario, null, 2) }]);

    const problems = page.getByTestId('problems');
    await problems.waitFor();
    expect(await problems.getAttribute('role')).toBe('alert');
    const text = await problems.textContent();
    expect(text).toContain('broken-week.json');
    expect(text).toContain('orders[0].product');
    expect(text).toContain('no-such-product');
    await expectKitchenStillShown(page);
  });

  it('shows the problems of a layout with a duplicate equipment id and keeps the plant', async () => {
    const { page } = watched;
    const broken = readLayout('layouts/kitchen-hardware.json');
    const all = broken.site.areas.flatMap((a) => a.lines.flatMap((l) => l.cells.flatMap((c) => c.equipment)));
    const [first, second] = all;
    if (!first || !second) throw new Error('the kitchen-hardware layout has fewer than two equipment');
    second.id = first.id;
    await chooseFiles(page, [{ name: 'broken-layout.json', text: JSON.stringify(broken, null, 2) }]);

    const problems = page.getByTestId('problems');
    await problems.waitFor();
    const text = await problems.textContent();
    expect(text).toContain('broken-layout.json');
    expect(text).toContain(first.id);
    expect(text).toContain(`${equipmentPath(broken, 1)}.id`);
    await expectKitchenStillShown(page);
  });

  it('shows a syntax error of a file that is not JSON', async () => {
    const { page } = watched;
    await chooseFiles(page, [{ name: 'truncated.json', text: '{ "format": "plant-twin/layout", ' }]);
    const problems = page.getByTestId('problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('truncated.json');
    await expectKitchenStillShown(page);
  });

  it('replaces the plant with another sample scenario and its layout dropped on the page', async () => {
    const { page } = watched;
    const layoutFile = 'electronics-smt.json';
    const electronics = readLayout(`layouts/${layoutFile}`);
    const scenarioPath = scenarioFor(layoutFile);
    await dropFiles(page, [
      { name: scenarioPath.slice('scenarios/'.length), text: readRepoFile(scenarioPath) },
      { name: layoutFile, text: readRepoFile(`layouts/${layoutFile}`) },
    ]);
    await waitForPlant(page, electronics.name);
    expect((await treeIds(page)).sort()).toEqual(equipmentIds(electronics).sort());
    expect(await page.getByTestId('problems').count()).toBe(0);
    expect(await page.getByTestId('warnings').count()).toBe(0);
  });

  it('clears the problems once a good file opens after a broken one', async () => {
    const { page } = watched;
    await chooseFiles(page, [{ name: 'truncated.json', text: '{' }]);
    await page.getByTestId('problems').waitFor();
    const aerospace = readLayout('layouts/aerospace-machining.json');
    await chooseFiles(page, [{ name: 'aerospace-machining.json', text: readRepoFile('layouts/aerospace-machining.json') }]);
    await waitForPlant(page, aerospace.name);
    expect(await page.getByTestId('problems').count()).toBe(0);
    expect((await treeIds(page)).sort()).toEqual(equipmentIds(aerospace).sort());
  });

  it('opens a bundled sample chosen in the sample picker', async () => {
    const { page } = watched;
    const aerospace = readLayout('layouts/aerospace-machining.json');
    await page.getByTestId('sample-picker').selectOption(scenarioFor('aerospace-machining.json'));
    await waitForPlant(page, aerospace.name);
    expect((await treeIds(page)).sort()).toEqual(equipmentIds(aerospace).sort());
  });
});

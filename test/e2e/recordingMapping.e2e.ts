import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { goToWorkspace, usePlantPage } from './browser.ts';
import { readRepoFile } from './samples.ts';

const kitchen = JSON.parse(readRepoFile('layouts/kitchen-hardware.json')) as { name: string };
/** The real Okuma SHDR log, read from ../shared at run time (never copied into the project). */
const OKUMA = readFileSync(new URL('../../../shared/datasets/mtconnect/okuma.txt', import.meta.url), 'utf8');

const watched = usePlantPage(kitchen.name, (page) => page.waitForFunction(() => window.__twin !== undefined));

function dropFile(page: Page, name: string, text: string) {
  return page.evaluate(([name, text]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'text/plain' }));
    const target = document.querySelector('[data-testid="twin-canvas"]')!;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, [name, text] as const);
}

const pageText = (page: Page) => page.evaluate(() => document.body.innerText);

describe('a recording mapped to the plant', () => {
  it('the Okuma log names its unmapped device; Simulate from here is refused until it is mapped, then runs from its recorded state with no NaN', async () => {
    const { page } = watched;
    await dropFile(page, 'okuma.txt', OKUMA);
    await expect.poll(() => page.getByTestId('recording-unmapped').textContent().catch(() => ''), { timeout: 30_000 }).toBe('Not in the layout: okuma. Their states are not shown.');
    await expect.poll(() => page.getByTestId('source-badge').textContent()).toMatch(/^RECORDING okuma\.txt · 2022-08-08 13:3\d:\d\d UTC$/);

    await goToWorkspace(page, 'simulate');
    await page.getByTestId('simulate-from-here').click();
    const refused = page.getByTestId('from-here-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain("Cannot simulate from here: no equipment of the layout has recorded data: the recording's device okuma is not in the layout; map it to equipment first.");
    expect(await refused.textContent()).toContain('No known state for 25 pieces of equipment');
    expect(await page.getByTestId('from-here-kpis').count()).toBe(0);

    await goToWorkspace(page, 'twin');
    await page.getByTestId('recording-map').click();
    const dialog = page.getByTestId('mapping-dialog');
    await dialog.waitFor();
    await page.locator('[data-testid="mapping-select"][data-device="okuma"]').selectOption('LASER-01');
    expect(await page.getByTestId('mapping-without-data').textContent()).toBe('24 of 25 pieces of equipment will have no recorded data.');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.screenshot({ path: 'docs/screenshots/mapping.png' });
    await page.getByTestId('mapping-apply').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByTestId('recording-match').textContent()).toContain('1 of 1 recorded device shown (okuma → LASER-01).');
    expect(await page.getByTestId('recording-unmapped').count()).toBe(0);

    // At 13:42 the Okuma is cutting (13:37:22 to 13:47:27): the laser shows it, and starts the run with it.
    await page.getByTestId('timeline-scrub').fill('5');
    await expect.poll(() => page.evaluate(() => window.__twin!.stateOf('LASER-01'))).toBe('processing');
    await goToWorkspace(page, 'simulate');
    await page.getByTestId('from-here-hours').fill('8');
    await page.getByTestId('from-here-hours').press('Enter');
    await page.getByTestId('simulate-from-here').click();
    await page.getByTestId('from-here-kpis').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('from-here-snapshot').textContent()).toBe('From the recording at 2022-08-08 13:42:00 UTC: 1 equipment');
    expect(await page.getByTestId('from-here-start-states').textContent()).toBe('Start state: LASER-01 processing');
    expect((await page.getByTestId('from-here-note').allTextContents()).join(' ')).toContain("is before the scenario's start 2026-11-30T00:00:00Z");
    expect(await page.getByTestId('from-here-throughput').textContent()).toMatch(/^(\d+( ± \d+)? units\/day|—.*)$/);
    expect(await pageText(page)).not.toMatch(/NaN/);
    expect(await axeViolations(page)).toEqual([]);

    // The mapping is remembered for this file: opened again, the device is mapped at once.
    await goToWorkspace(page, 'twin');
    await dropFile(page, 'okuma.txt', OKUMA);
    await expect.poll(() => page.getByTestId('recording-match').textContent().catch(() => ''), { timeout: 30_000 }).toContain('okuma → LASER-01');
    expect(await pageText(page)).not.toMatch(/NaN/);
  });
});

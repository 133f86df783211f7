import { describe, expect, it } from 'vitest';
import { goToWorkspace, usePlantPage, waitForPlant } from './browser.ts';
import { drag, equipment, saveLayout, type SavedLayout } from './layoutPage.ts';
import { readRepoFile } from './samples.ts';

const original = JSON.parse(readRepoFile('layouts/kitchen-hardware.json')) as SavedLayout;
const watched = usePlantPage(original.name, (page) => page.waitForFunction(() => window.__twin !== undefined));

describe('precise layout editing', () => {
  it('a 1 m keyboard nudge moves the machine 1 m, shown in the position fields and by the ghost distance', async () => {
    const { page } = watched;
    await page.getByTestId('edit-layout').click();
    await page.locator('[data-equipment-id="DEBURR-01"]').click();
    const before = equipment(original, 'DEBURR-01')!;
    expect(await page.getByTestId('position-x').inputValue()).toBe(String(before.position.x));
    // Keyboard users reach the 3D view with Tab; there the arrows move the selection.
    await page.getByTestId('twin-view').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('position-x').inputValue()).toBe(String(before.position.x + 1));
    expect(await page.getByTestId('position-y').inputValue()).toBe(String(before.position.y));
    expect(await page.getByTestId('moved-distance').textContent()).toBe('1 m from its place in the file');
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => page.getByTestId('position-y').inputValue()).toBe(String(before.position.y + 5));
    const saved = await saveLayout(page);
    expect(equipment(saved, 'DEBURR-01')!.position).toEqual({ x: before.position.x + 1, y: before.position.y + 5 });

    // Typed numbers: judged on Enter; a place off the floor is refused with the range.
    await page.getByTestId('position-x').fill('500');
    await page.getByTestId('position-x').press('Enter');
    await expect.poll(() => page.getByTestId('position-refused').textContent()).toMatch(/^Not moved: DEBURR-01 turned 0° stays on the floor with x from [\d.]+ to [\d.]+ m and y from [\d.]+ to [\d.]+ m\.$/);
    expect(equipment(await saveLayout(page), 'DEBURR-01')!.position.x).toBe(before.position.x + 1);
  });

  it('a drag past the floor edge stops at the edge, saying so while held; nothing is left off the floor', async () => {
    const { page } = watched;
    await page.getByTestId('edit-layout').click();
    const held: string[] = [];
    // Far to the left of the plant, past its west edge.
    await drag(page, 'RACK-RAW', -900, 0, async () => { held.push(await page.getByTestId('edge-stop').textContent() ?? ''); });
    expect(held[0]).toMatch(/^RACK-RAW \(.+\) stops at the edge of the floor\.$/);
    const saved = await saveLayout(page);
    const rack = equipment(saved, 'RACK-RAW')!;
    const width = 14;
    expect(rack.position.x).toBeGreaterThanOrEqual(width / 2 - 1e-9);
    expect(rack.position.x).toBeLessThan(equipment(original, 'RACK-RAW')!.position.x);
    expect(await page.getByTestId('off-floor').count()).toBe(0);
  });

  it('Compare waits for an edit; save says where it saved, and a reload does not call the saved edits unsaved', async () => {
    const { page } = watched;
    await page.getByTestId('edit-layout').click();
    expect(await page.getByTestId('compare-original').isDisabled()).toBe(true);
    await page.locator('[data-equipment-id="PACK-02"]').click();
    await page.getByTestId('twin-view').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('compare-original').isDisabled()).toBe(false);
    await expect.poll(() => page.getByTestId('edits-stored').textContent()).toBe('Unsaved edits, kept in this browser');
    await saveLayout(page);
    await expect.poll(() => page.getByTestId('edits-stored').textContent()).toMatch(/^Saved as kitchen-hardware\.json \(downloaded\) at \d\d:\d\d:\d\d$/);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));

    await page.reload();
    await waitForPlant(page, original.name);
    const note = page.getByTestId('restored-note');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Showing your layout edits, saved as kitchen-hardware\.json on .+; the opened file does not have them\./);
    expect(await note.textContent()).not.toMatch(/unsaved/i);
    await page.getByTestId('edit-layout').click();
    expect(await page.getByTestId('edits-stored').textContent()).toMatch(/^Saved as kitchen-hardware\.json/);
    await page.getByTestId('discard-edits').click();
  });

  it('the replications field: Backspace twice then "30" gives 30; a value out of range says the range', async () => {
    const { page } = watched;
    await goToWorkspace(page, 'simulate');
    const reps = page.getByTestId('simulation-replications');
    expect(await reps.inputValue()).toBe('10');
    await reps.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    expect(await reps.inputValue()).toBe('30');
    expect(await page.getByTestId('simulation-replications-message').count()).toBe(0);
    await reps.fill('1');
    await reps.press('Enter');
    expect(await page.getByTestId('simulation-replications-message').textContent()).toBe('1 is out of range: enter a whole number from 2 to 1,000.');
    await reps.press('Escape');
    expect(await reps.inputValue()).toBe('30');
  });
});

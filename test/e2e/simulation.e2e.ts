import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MachineState } from '../../src/model/machineState.ts';
import { simulatePlant } from '../../src/sim/plant/simulatePlant.ts';
import { traceHash, type PlantTraceData } from '../../src/sim/plant/trace.ts';
import { STATE_COLOURS } from '../../src/twin/statePalette.ts';
import { loadSamplePlant } from '../sim/plant/samplePlants.ts';
import { goToWorkspace, launchChromium, openWatchedPage, waitForPlant, type WatchedPage } from './browser.ts';
import { colourAt } from './canvasPixels.ts';

// The app opens kitchen-hardware's week scenario at start; the same files are run here in Node.
const plant = await loadSamplePlant('kitchen-hardware');
const nodeRun = simulatePlant(plant, { seed: 1, replication: 0, trace: true });
const scenarioRun = simulatePlant(plant, { replication: 0, trace: true });
const screenshot = fileURLToPath(new URL('../../docs/screenshots/simulation.png', import.meta.url));

let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser.close(); });
afterEach(async () => {
  await watched.page.close();
  expect(watched.errors).toEqual([]);
});

async function open(): Promise<Page> {
  watched = await openWatchedPage(browser, inject('appUrl'));
  await waitForPlant(watched.page, plant.layout.name);
  await watched.page.waitForFunction(() => window.__twin !== undefined && window.__sim !== undefined);
  return watched.page;
}

const HUED: MachineState[] = ['down', 'setup', 'starved', 'blocked', 'maintenance'];

/** The longest stretch of each state of one equipment in a trace, as its middle minute. */
function middles(trace: PlantTraceData, e: number, horizon: number): Map<MachineState, { at: number; length: number }> {
  const best = new Map<MachineState, { at: number; length: number }>();
  const changes = [...trace.stateTime.keys()].filter((i) => trace.stateEquipment[i] === e);
  changes.forEach((i, k) => {
    const next = changes[k + 1];
    const from = trace.stateTime[i]!;
    const to = next === undefined ? horizon : trace.stateTime[next]!;
    const state = trace.states[trace.stateCode[i]!] as MachineState;
    if (to - from > (best.get(state)?.length ?? 0)) best.set(state, { at: (from + to) / 2, length: to - from });
  });
  return best;
}

/** The pixel's tint, the colour minus its grey, against a palette colour's: cosine near 1 means the same hue. */
function sameHue(pixel: [number, number, number], hex: string): number {
  const palette = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const tint = (c: number[]) => { const m = (c[0]! + c[1]! + c[2]!) / 3; return c.map((v) => v - m); };
  const [a, b] = [tint(pixel), tint(palette)];
  const dot = a.reduce((s, v, i) => s + v * b[i]!, 0);
  return dot / (Math.hypot(...a) * Math.hypot(...b) || 1);
}

describe('the plant simulation in the browser', () => {
  it('gives the same trace, to the bit, in a browser worker as in Node, and twice running', async () => {
    const page = await open();
    const options = { seed: 1, replication: 0 };
    const first = await page.evaluate((o) => window.__sim!.traceHash(o), options);
    const second = await page.evaluate((o) => window.__sim!.traceHash(o), options);
    expect(first).toBe(traceHash(nodeRun.trace!));
    expect(second).toBe(first);
  });

  it('simulates the default plant, plays its trace and colours a machine as the trace says', async () => {
    const page = await open();
    await goToWorkspace(page, 'simulate');
    await page.getByTestId('simulation-replications').fill('4');
    await page.getByTestId('simulate').click();
    await page.getByTestId('kpis').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('kpi-oee').locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('kpi-bottleneck').textContent()).toMatch(/of 4 runs/);
    expect(await page.evaluate(() => window.__sim!.lastTraceHash())).toBe(traceHash(scenarioRun.trace!));
    expect(await page.getByTestId('state-source').inputValue()).toBe('trace');
    expect(await page.getByTestId('source-label').textContent()).toContain('Simulation trace');
    await page.getByTestId('timeline-scrub').fill('3330');
    await page.evaluate(() => window.__twin!.rendered());
    await page.screenshot({ path: screenshot, fullPage: true });

    // A machine with a long processing stretch and a long stretch in a hued state, both from the Node run.
    const trace = scenarioRun.trace!;
    const picks = trace.equipment.map((id, e) => ({ id, m: middles(trace, e, scenarioRun.horizon) }))
      .map(({ id, m }) => ({ id, processing: m.get('processing'), hued: HUED.map((s) => ({ state: s, ...m.get(s)! })).filter((x) => x.length).sort((a, b) => b.length - a.length)[0] }))
      .filter((p) => p.processing && p.hued)
      .sort((a, b) => Math.min(b.processing!.length, b.hued!.length) - Math.min(a.processing!.length, a.hued!.length));
    const pick = picks[0];
    if (!pick) throw new Error('no machine of the trace is both processing and in a hued state');
    await goToWorkspace(page, 'twin');
    await page.locator(`[data-focus-id="${pick.id}"]`).click();

    const read = async (minutes: number) => {
      await page.evaluate((m) => window.__twin!.seek(m), minutes);
      await page.evaluate(() => window.__twin!.rendered());
      const point = await page.evaluate((id) => window.__twin!.project(id), pick.id);
      if (!point) throw new Error(`${pick.id} is not in the layout`);
      return { state: await page.evaluate((id) => window.__twin!.stateOf(id), pick.id), colour: await colourAt(page, point) };
    };
    const working = await read(pick.processing!.at);
    expect(working.state).toBe('processing');
    const [r, g, b] = working.colour;
    expect(Math.max(Math.abs(r - g), Math.abs(g - b), Math.abs(r - b))).toBeLessThan(20);
    const attention = await read(pick.hued!.at);
    expect(attention.state).toBe(pick.hued!.state);
    expect(sameHue(attention.colour, STATE_COLOURS[pick.hued!.state])).toBeGreaterThan(0.9);

    // The timeline plays the trace: the playhead moves on from where it was put.
    const clock = page.getByTestId('timeline-clock');
    const before = await clock.textContent();
    await page.getByTestId('timeline-speed').fill('12');
    await page.getByTestId('timeline-play').click();
    await expect.poll(() => clock.textContent(), { timeout: 10_000 }).not.toBe(before);
    await page.getByTestId('timeline-play').click();
  });

  it('cancels a simulation in progress', async () => {
    const page = await open();
    await goToWorkspace(page, 'simulate');
    await page.getByTestId('simulation-replications').fill('400');
    await page.getByTestId('simulate').click();
    await page.getByTestId('simulation-progress').waitFor();
    await page.getByTestId('simulation-cancel').click();
    expect(await page.getByTestId('simulation-status').textContent()).toBe('Cancelled.');
    expect(await page.getByTestId('kpis').count()).toBe(0);
    await page.getByTestId('simulation-replications').fill('2');
    await page.getByTestId('simulate').click();
    await page.getByTestId('kpis').waitFor({ timeout: 60_000 });
  });
});

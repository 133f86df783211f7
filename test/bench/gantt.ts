/**
 * `npm run bench:gantt`: the Schedule workspace's Gantt in headless Chromium with a generated
 * plan of 1,000 / 5,000 / 20,000 operations (src/app/benchSchedule.ts), one JSON line per size:
 *
 *   {"operations":N,"frameScriptMs":X,"dragCheckMs":Y, ...}
 *
 * frameScriptMs is the median main-thread time of one frame of panning and zooming: d3-zoom's
 * handler (the one a wheel or drag gesture runs) plus the canvas drawing it causes, measured in
 * the page (src/app/ganttBench.ts). dragCheckMs is the median time of the live feasibility check a
 * drag makes on every pointer move (the engine's placeOperation re-timing the whole plan, then the
 * solver's plant checker over it); dragAcceptedMs / dragRefusedMs split it by the engine's answer
 * (a refused drag, e.g. lots deadlocking the generated plant's small input buffers, skips the
 * checker), dragsAccepted counts them. cdpScriptMsPerFrame cross-checks from the DevTools protocol (all script
 * in the page over the measured frames, so an upper bound).
 * Targets: frameScriptMs ≤ 8 at 20,000 operations; dragCheckMs ≤ 30 at 5,000.
 *
 *   --operations <list>  comma-separated sizes (default 1000,5000,20000)
 *   --frames <n>         frames measured per size after 20 warm-up frames (default 120)
 *   --rebuild            run `vite build` even if dist/ is newer than the sources
 */
import { parseArgs } from 'node:util';
import { launchChromium } from '../e2e/browser.ts';
import { serveFolder } from '../e2e/staticServer.ts';
import { dist, ensureBuilt } from './builtApp.ts';

const { values } = parseArgs({
  options: {
    operations: { type: 'string', default: '1000,5000,20000' },
    frames: { type: 'string', default: '120' },
    rebuild: { type: 'boolean', default: false },
  },
});

async function measure(url: string, operations: number) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    const script = async () => (await session.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
    await page.goto(`${url}?bench=gantt&operations=${operations}&frames=${values.frames}`);
    await page.waitForFunction(() => (window.__ganttBench?.frames ?? 0) > 0, undefined, { timeout: 300_000, polling: 200 });
    const before = await script();
    const firstFrames = (await page.evaluate(() => window.__ganttBench!.frames));
    await page.waitForFunction(() => window.__ganttBench?.done === true, undefined, { timeout: 600_000, polling: 500 });
    const after = await script();
    const f = (await page.evaluate(() => window.__ganttBench))!;
    if (f.error) throw new Error(f.error);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      operations: f.operations,
      frameScriptMs: round(f.frameScriptMs),
      dragCheckMs: round(f.dragCheckMs),
      dragAcceptedMs: round(f.dragAcceptedMs),
      dragRefusedMs: round(f.dragRefusedMs),
      dragsAccepted: `${f.dragsAccepted}/${f.drags}`,
      drawMs: round(f.drawMs),
      frames: f.frames,
      cdpScriptMsPerFrame: round(((after - before) * 1000) / Math.max(1, f.frames - firstFrames)),
    };
  } finally {
    await browser.close();
  }
}

ensureBuilt(values.rebuild);
const server = await serveFolder(dist);
try {
  for (const operations of values.operations.split(',').map(Number)) console.log(JSON.stringify(await measure(server.url, operations)));
} finally {
  await server.close();
}

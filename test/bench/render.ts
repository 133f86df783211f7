/**
 * `npm run bench:render`: the twin in headless Chromium with a generated plant of 500 equipment
 * and 1,000 / 5,000 / 20,000 demo parts moving, printing one JSON line per size:
 *
 *   {"parts":N,"drawCalls":N,"frameScriptMs":X, ...}
 *
 * frameScriptMs is the median main-thread time of one pass of the frame loop (every useFrame
 * callback — playhead, state sampling, instance colours, buffer bars, WIP matrices — and the
 * render call), measured in the page around r3f's loop (src/app/benchMode.ts). cdpScriptMsPerFrame
 * is a cross-check from the DevTools protocol: the page's whole ScriptDuration over the measured
 * frames divided by their number (it also counts timers and event handling, so it is an upper bound).
 * Targets: drawCalls the same for every size; frameScriptMs ≤ 8 at 20,000 parts.
 *
 *   --parts <list>      comma-separated part counts (default 1000,5000,20000)
 *   --equipment <n>     equipment in the generated plant (default 500)
 *   --frames <n>        frames measured per size after 30 warm-up frames (default 120)
 *   --rebuild           run `vite build` even if dist/ is newer than src/
 *
 * WebGL is SwiftShader (no GPU), so frame *rate* says little; the script time is what the twin's
 * code controls.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser.ts';
import { serveFolder } from '../e2e/staticServer.ts';
import { dist, ensureBuilt } from './builtApp.ts';

const { values } = parseArgs({
  options: {
    parts: { type: 'string', default: '1000,5000,20000' },
    equipment: { type: 'string', default: '500' },
    frames: { type: 'string', default: '120' },
    rebuild: { type: 'boolean', default: false },
  },
});

const figures = (page: Page) => page.evaluate(() => window.__bench);

async function scriptSeconds(session: { send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }) {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
}

async function measure(url: string, parts: number) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    const frames = Number(values.frames);
    await page.goto(`${url}?bench=1&equipment=${values.equipment}&parts=${parts}&frames=${frames}&warmup=30`);
    await page.waitForFunction(() => (window.__bench?.frames ?? 0) > 0, undefined, { timeout: 120_000 });
    const first = await figures(page);
    const scriptBefore = await scriptSeconds(session);
    await page.waitForFunction(() => window.__bench?.done === true, undefined, { timeout: 300_000, polling: 500 });
    const scriptAfter = await scriptSeconds(session);
    const last = await figures(page);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    if (!first || !last) throw new Error('the bench page did not report');
    return {
      parts,
      drawCalls: last.drawCalls,
      frameScriptMs: Math.round(last.frameScriptMs * 100) / 100,
      equipment: Number(values.equipment),
      triangles: last.triangles,
      frames: last.frames,
      cdpScriptMsPerFrame: Math.round(((scriptAfter - scriptBefore) * 1000 * 100) / Math.max(1, last.frames - first.frames)) / 100,
    };
  } finally {
    await browser.close();
  }
}

ensureBuilt(values.rebuild);
const server = await serveFolder(dist);
try {
  for (const parts of values.parts.split(',').map(Number)) {
    console.log(JSON.stringify(await measure(server.url, parts)));
  }
} finally {
  await server.close();
}

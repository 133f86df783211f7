import { chromium } from 'playwright-core';
import { serveFolder } from '../test/e2e/staticServer.ts';
const server = await serveFolder('/work/wt/shell/dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'], headless: true });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const errors: string[] = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(e.message));
const hash = process.argv[2] ?? '#/simulate';
await page.goto(server.url + hash);
await page.getByTestId('plant-name').filter({ hasText: 'Kitchen' }).waitFor();
console.log('url', page.url());
for (let i = 1; i <= 12; i++) {
  await page.keyboard.press('Tab');
  const d = await page.evaluate(() => { const a = document.activeElement as HTMLElement; return `${a.tagName} ${a.getAttribute('data-testid') ?? ''} ${a.textContent?.slice(0, 30)}`; });
  console.log(i, d);
}
await page.screenshot({ path: '/tmp/shell/look.png' });
console.log('errors', errors);
await browser.close(); server.close();

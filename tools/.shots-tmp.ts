import { chromium } from 'playwright-core';
import { serveDist } from '../tests/support/server.ts';
const [dist, out, ...paths] = process.argv.slice(2);
const server = await serveDist(dist!);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const [w, h] of [[1280, 800], [390, 844]]) {
  const page = await browser.newPage({ viewport: { width: w!, height: h! } });
  for (const p of paths) {
    await page.goto(new URL(p, server.url).href);
    await page.waitForTimeout(300);
    const name = `${out}/${p.replace(/[^a-z0-9]+/gi, '_')}-${w}.png`;
    await page.screenshot({ path: name, fullPage: w === 1280 });
  }
  await page.close();
}
await browser.close();
await server.close();

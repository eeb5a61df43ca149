import { chromium } from 'playwright-core';
import { serveDist } from '/work/wt-search/tests/support/server.ts';
const server = await serveDist('/work/wt-search/dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const shots: [string, string, number, number, boolean][] = JSON.parse(process.argv[2]!);
for (const [name, url, w, h, js] of shots) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, javaScriptEnabled: js, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(server.url + url);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/${name}.png` });
  if (name.includes('noscript')) console.log(await page.locator('main').innerText());
  await ctx.close();
}
await browser.close(); await server.close();

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../src/lib/security/csp.ts';
import { launchChromium, openPage } from '../support/browser.ts';
import { runBuild } from '../support/build.ts';
import { type DevServer, startDevServer } from '../support/dev-server.ts';
import { ROOT } from '../support/dist.ts';
import { type NginxSite, serveWithNginx } from '../support/nginx.ts';

// The web editor's journey, as content/README.md tells it: import a released text, preview it
// with npm run dev, fix what the preview reports, build for the server's sub-path with SITE_URL,
// serve it with the shipped nginx configuration and read and search the new report there.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-journey-'));
const reportsDir = path.join(scratch, 'reports');
const folder = '2025-journey-bureau';
const fileOf = (name: string) => path.join(reportsDir, folder, name);
const SITE_URL = 'https://www.example.gov.cn/fzzf/';

/** What the editor does by hand after importing: choose each part's statutory item. */
function setItem(name: string, item: string) {
  const text = readFileSync(fileOf(name), 'utf8');
  writeFileSync(fileOf(name), text.replace(/^item: .*$/m, `item: ${item}`));
}

/** Records CSP violations the page reports, on top of console errors. */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

let browser: Browser;
let preview: DevServer | undefined;
let nginx: NginxSite | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await nginx?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('an editor publishes a new report alone', () => {
  it('imports the released text into a report folder', () => {
    const result = spawnSync(
      process.execPath,
      [
        'tools/import.ts',
        'tests/fixtures/journey/report.txt',
        '--agency-id',
        'journey-bureau',
        '--agency',
        '示例市示例局',
        '--short-name',
        '示例局',
        '--out',
        reportsDir,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('已写入');
    expect(readFileSync(fileOf('s1-2.md'), 'utf8')).toContain('首违不罚');
  });

  it('sees a mistyped field reported on the preview page in Chinese, fixes it and sees the report', async () => {
    setItem('s1.md', '主要成效'); // not one of the five statutory items
    setItem('s2.md', '存在的不足和原因');
    setItem('s3.md', '第一责任人职责');
    setItem('s4.md', '下一年度主要安排');
    preview = await startDevServer({ REPORTS_DIR: reportsDir });
    // The error list (500) and the hand-over to Astro (503) are logged by Chromium; nothing else may be.
    const { page, errors } = await openPage(browser, { allowErrors: true });
    const response = await page.goto(`${preview.url}reports/${folder}/`);
    expect(response?.status()).toBe(500);
    const report = page.locator('#content-errors');
    await expect.poll(() => report.locator('h1').textContent()).toContain('内容有 1 处错误');
    const text = await report.textContent();
    expect(text).toContain(`${folder}/s1.md:6`);
    expect(text).toContain('字段item');
    expect(text).toContain('发现“主要成效”');
    expect(text).toContain('主要举措和成效');
    expect(text).not.toMatch(/Error|stack|Invalid|Expected/);

    setItem('s1.md', '主要举措和成效');
    await expect
      .poll(
        async () => {
          // While Astro takes over from the error list the port is briefly closed.
          const again = await page.goto(`${preview!.url}reports/${folder}/`).catch(() => null);
          return again?.status();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(200);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('示例局2025年法治政府建设情况');
    expect(errors.filter((error) => !/status of 50[03]/.test(error))).toEqual([]);
    await page.goto(`${preview.url}search/`);
    expect(await page.getByRole('note').first().textContent()).toContain('npm run build');
    await preview.close();
    preview = undefined;
  }, 240_000);

  it('publishes it, recording its first edition', () => {
    const result = spawnSync(
      process.execPath,
      ['tools/publish-report.ts', folder, '--dir', reportsDir],
      // The lock it holds is that of the site built next.
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, OUT_DIR: path.join(scratch, 'dist') } },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('记录第一版');
  });

  it('builds for the sub-path, serves it with nginx and the shipped headers, and reads and searches the report without a CSP violation', async () => {
    const dist = path.join(scratch, 'dist');
    const build = runBuild(dist, { REPORTS_DIR: reportsDir, SITE_URL }, []);
    expect(build.status, build.output).toBe(0);
    nginx = await serveWithNginx(dist, '/fzzf/');

    const { page, errors } = await openPage(browser);
    await watchCsp(page);
    const home = await page.goto(nginx.url);
    expect(home?.headers()['content-security-policy']).toBe(CSP);
    await page.getByRole('link', { name: '示例局2025年法治政府建设情况' }).click();
    await page.waitForURL(`${nginx.url}reports/${folder}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      '示例局2025年法治政府建设情况',
    );
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      `${SITE_URL}reports/${folder}/`,
    );

    // On the report page the box is the combobox; Enter with no option chosen opens the results.
    await page.getByRole('combobox', { name: '搜索报告' }).fill('首违不罚');
    await page.getByRole('combobox', { name: '搜索报告' }).press('Enter');
    const list = page.locator('[data-search-results]');
    await expect.poll(() => list.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
    const first = list.locator('a[href]').first();
    const href = new URL((await first.getAttribute('href'))!, nginx.url);
    expect(href.pathname + href.hash).toBe(`/fzzf/reports/${folder}/#s1-2`);
    await first.click();
    await page.waitForURL(
      (url) => url.pathname === `/fzzf/reports/${folder}/` && url.hash === '#s1-2',
    );
    await expect.poll(() => page.locator('#s1-2-p1').textContent()).toContain('首违不罚');
    expect(errors).toEqual([]);

    // Brotli where the browser asks for it: pages on the fly, stylesheets and scripts from the
    // .br written beside them at build time, byte for byte; gzip for a client without Brotli.
    const reportUrl = `${nginx.url}reports/${folder}/`;
    const raw = (url: string, accept: string) =>
      new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) =>
        http
          .get(url, { headers: { 'accept-encoding': accept } }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({
                ...(response.headers['content-encoding']
                  ? { encoding: response.headers['content-encoding'] }
                  : {}),
                body: Buffer.concat(chunks),
              }),
            );
          })
          .on('error', reject),
      );
    const html = await raw(reportUrl, 'gzip, deflate, br');
    expect(html.encoding).toBe('br');
    expect(zlib.brotliDecompressSync(html.body).toString()).toContain('首违不罚');
    expect((await raw(reportUrl, 'gzip')).encoding).toBe('gzip');
    const stylesheet = new URL(
      (await page.locator('link[rel="stylesheet"]').first().getAttribute('href'))!,
      nginx.url,
    ).href;
    const served = await raw(stylesheet, 'br');
    expect(served.encoding).toBe('br');
    const file = path.join(dist, new URL(stylesheet).pathname.replace('/fzzf/', ''));
    expect(served.body.equals(readFileSync(`${file}.br`))).toBe(true);
  }, 180_000);
});

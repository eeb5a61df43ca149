import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../src/lib/security/csp.ts';
import { launchChromium, openPage } from '../support/browser.ts';
import { assertBuilt, DIST } from '../support/dist.ts';
import { type StaticServer, serveDist } from '../support/server.ts';

// The shipped policy served as a header, the way the nginx configuration sets it. Chromium reports
// every blocked script, style, frame or request as a console error, which openPage records; the
// last test proves a violation does show up there, so an empty list means none happened.
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  assertBuilt();
  [browser, server] = await Promise.all([
    launchChromium(),
    serveDist(DIST, { headers: { 'content-security-policy': CSP } }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const REPORT = 'reports/2023-jiading-police/';

describe('the Content-Security-Policy served as a header', () => {
  it.each([
    ['home', ''],
    ['report', REPORT],
    ['section', `${REPORT}s1/`],
    ['report at a paragraph', `${REPORT}#s1-2-p1`],
    ['404', 'no-such-page/'],
  ])('the %s page runs without a violation', async (_, path) => {
    const missing = path.startsWith('no-such-page');
    const { page, errors } = await openPage(browser, { allowErrors: missing });
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    // The 404 page's own status is logged as a failed load; nothing else may be.
    expect(errors.map((error) => error.replace(/^\S+: /, ''))).toEqual(
      missing
        ? ['Failed to load resource: the server responded with a status of 404 (Not Found)']
        : [],
    );
  });

  it('search finds results without a violation (Pagefind’s WebAssembly included)', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('一网通办')}`);
    const list = page.locator('[data-search-results]');
    await expect.poll(() => list.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
    expect(await list.locator('a[href]').count()).toBeGreaterThan(0);
    // The search box on every page loads the same engine once focused.
    await page.goto(`${server.url}${REPORT}`);
    await page.getByRole('searchbox').first().focus();
    await page.getByRole('searchbox').first().fill('执法');
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
  });

  it('a malformed fragment does not throw in any client script', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${server.url}${REPORT}#%E0%A4%A`, { waitUntil: 'networkidle' });
    await page.goto(`${server.url}search/?q=${encodeURIComponent('执法')}#%E0%A4%A`, {
      waitUntil: 'networkidle',
    });
    expect(errors).toEqual([]);
  });

  it('reports an inline script as a violation, so the tests above can fail', async () => {
    const { page, errors } = await openPage(browser, { allowErrors: true });
    await page.goto(`${server.url}`, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.title = "injected"';
      document.body.append(script);
    });
    await expect.poll(() => errors.join('\n')).toMatch(/Content Security Policy/);
    expect(await page.title()).not.toBe('injected');
  });
});

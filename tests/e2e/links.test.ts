import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL } from '../../src/lib/addresses/urls.ts';
import { openPage } from '../support/browser.ts';
import { runBuild } from '../support/build.ts';
import { serveDist, type StaticServer } from '../support/server.ts';
import { useBuiltSite } from '../support/site.ts';

const REPORT = 'reports/2023-jiading-police/';
const CANONICAL = `${DEFAULT_SITE_URL}${REPORT}`;

const site = useBuiltSite();

async function openWithClipboard(options: Parameters<typeof openPage>[1] = {}) {
  const opened = await openPage(site.browser, options);
  await opened.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  return opened;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const status = (page: Page) => page.locator('[data-copy-link-status]');
const opacity = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => Number(getComputedStyle(element).opacity));

/** True when the element's top edge is in the viewport and nothing (a sticky header, say) covers it. */
const visibleAtTop = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const rect = element.getBoundingClientRect();
    if (rect.top < 0 || rect.top > window.innerHeight - 20) return false;
    const hit = document.elementFromPoint(rect.left + Math.min(40, rect.width / 2), rect.top + 8);
    return hit !== null && element.contains(hit);
  });

describe('copying a link', () => {
  it('copies a paragraph’s full URL with the mouse and says so', async () => {
    const { page, errors } = await openWithClipboard();
    await page.goto(`${site.server.url}${REPORT}`);
    const link = page.locator('#s1-3-p1 > a.paragraph-anchor');
    expect(await opacity(page, '#s1-3-p1 > a.paragraph-anchor')).toBe(0);
    await page.hover('#s1-3-p1');
    await expect.poll(() => opacity(page, '#s1-3-p1 > a.paragraph-anchor')).toBe(1);
    // Pointing at the report loaded the code that makes the link copy, which names it so.
    await expect.poll(() => link.getAttribute('aria-label')).toBe('复制本段链接');
    await link.click();
    await expect.poll(() => clipboard(page)).toBe(`${CANONICAL}#s1-3-p1`);
    await expect.poll(() => status(page).textContent()).toBe('已复制本段链接');
    expect(await status(page).isVisible()).toBe(true);
    // Copying leaves the reader where they were.
    expect(new URL(page.url()).hash).toBe('');
    expect(errors).toEqual([]);
  });

  it('loads the copying code only when the reader reaches for the report, and holds a click made before it came', async () => {
    const { page, errors } = await openWithClipboard();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    // A slow connection: the code arrives well after the click.
    await page.route('**/_astro/permalinks.*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto(`${site.server.url}${REPORT}`);
    await page.waitForLoadState('load');
    expect(fetched.filter((file) => /permalinks|copy-links/.test(file))).toEqual([]);
    // 引用本节 is shown from the start, as it will be once the code has come.
    expect(await page.locator('.section-heading .cite-button').first().isVisible()).toBe(true);
    // Keyboard focus reaches the link before the code has come, and Enter clicks it.
    await page.locator('#s1-3-p1 > a.paragraph-anchor').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => customElements.get('copy-link-status'))).toBeUndefined();
    await expect.poll(() => clipboard(page)).toBe(`${CANONICAL}#s1-3-p1`);
    await expect.poll(() => status(page).textContent()).toBe('已复制本段链接');
    // Held, not followed: the reader is still where they were.
    expect(new URL(page.url()).hash).toBe('');
    expect(fetched.some((file) => /permalinks/.test(file))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('copies with the keyboard alone: land on a section, Tab to its link, Enter', async () => {
    const { page, errors } = await openWithClipboard();
    await page.goto(`${site.server.url}${REPORT}#s3-2`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('s3-2');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
      /^复制本节链接：（二）提升执法水平能力/,
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboard(page)).toBe(`${CANONICAL}#s3-2`);
    await expect.poll(() => status(page).textContent()).toBe('已复制本节链接');
    // Tab goes on to 引用本节, then to the section's paragraph link, which shows while focused,
    // and Enter copies it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('引用本节');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      '#s3-2-p1',
    );
    expect(await opacity(page, '#s3-2-p1 > a.paragraph-anchor')).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboard(page)).toBe(`${CANONICAL}#s3-2-p1`);
    expect(errors).toEqual([]);
  });

  it('copies with a tap on a touch screen, where the paragraph links are always shown', async () => {
    const { page, errors } = await openWithClipboard({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    await page.goto(`${site.server.url}${REPORT}s1-2/`);
    expect(await opacity(page, '#s1-2-p1 > a.paragraph-anchor')).toBeGreaterThan(0.4);
    await page.locator('#s1-2-p1 > a.paragraph-anchor').tap();
    await expect
      .poll(() => clipboard(page))
      .toBe(`${DEFAULT_SITE_URL}reports/2023-jiading-police/s1-2/#s1-2-p1`);
    await expect.poll(() => status(page).textContent()).toBe('已复制本段链接');
    expect(errors).toEqual([]);
  });

  it('falls back to a plain link where the Clipboard API is missing', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
    );
    await page.goto(`${site.server.url}${REPORT}`);
    const link = page.locator('#s1-4-p1 > a.paragraph-anchor');
    expect(await link.getAttribute('aria-label')).toBe('本段链接');
    await page.hover('#s1-4-p1');
    await link.click();
    await page.waitForURL(/#s1-4-p1$/);
    expect(await visibleAtTop(page, '#s1-4-p1')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('is a plain anchor without JavaScript', async () => {
    const { page } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(`${site.server.url}${REPORT}`);
    await page.hover('#s3-3-p1');
    await page.locator('#s3-3-p1 > a.paragraph-anchor').click();
    await page.waitForURL(/#s3-3-p1$/);
    expect(await visibleAtTop(page, '#s3-3-p1')).toBe(true);
  });
});

describe('landing on a link', () => {
  it.each([
    [1280, 800],
    [390, 844],
  ])(
    'at %ix%i, scrolls a paragraph into view uncovered, marks it and moves focus to it',
    async (width, height) => {
      const { page, errors } = await openPage(site.browser, { viewport: { width, height } });
      await page.goto(`${site.server.url}${REPORT}`);
      const unmarked = await page
        .locator('#s3-1-p1')
        .evaluate((element) => getComputedStyle(element).backgroundColor);
      await page.goto(`${site.server.url}${REPORT}#s3-1-p1`);
      await expect.poll(() => visibleAtTop(page, '#s3-1-p1')).toBe(true);
      const marked = await page
        .locator('#s3-1-p1')
        .evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(marked).not.toBe(unmarked);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('s3-1-p1');
      expect(errors).toEqual([]);
    },
  );

  it('follows a text fragment (#:~:text=) to the sentence', async () => {
    const { page, errors } = await openPage(site.browser, {
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(
      `${site.server.url}${REPORT}#:~:text=${encodeURIComponent('分局执法质量考评位列全市前列')}`,
    );
    await expect
      .poll(() =>
        page.locator('#s1-3-p1').evaluate((element) => {
          const rect = element.getBoundingClientRect();
          return rect.bottom > 0 && rect.top < window.innerHeight;
        }),
      )
      .toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it.each(['light', 'dark'] as const)(
    'shows a QR code that decodes from the screen as Chromium draws it (%s scheme)',
    async (colorScheme) => {
      const { page } = await openPage(site.browser, {
        viewport: { width: 390, height: 844 },
        colorScheme,
      });
      await page.goto(`${site.server.url}${REPORT}s3-3/`);
      // The quiet zone is the image's padding: four modules at least, on every side.
      const zone = await page.locator('.page-qr-code img').evaluate((img: HTMLImageElement) => {
        const style = getComputedStyle(img);
        const module = parseFloat(style.width) / img.naturalWidth;
        return (
          Math.min(
            ...['top', 'right', 'bottom', 'left'].map((side) =>
              parseFloat(style.getPropertyValue(`padding-${side}`)),
            ),
          ) / module
        );
      });
      expect(zone).toBeGreaterThanOrEqual(4);
      const png = PNG.sync.read(await page.locator('.page-qr-code img').screenshot());
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(
        `${DEFAULT_SITE_URL}reports/2023-jiading-police/s3-3/`,
      );
    },
  );

  it('keeps the QR code on the printed page', async () => {
    const { page } = await openPage(site.browser);
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${site.server.url}${REPORT}s1-2/`);
    const qr = page.locator('.page-qr-code img');
    expect(await qr.isVisible()).toBe(true);
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThan(80);
    expect(await page.locator('.page-qr-code-url').textContent()).toBe(
      `${DEFAULT_SITE_URL}reports/2023-jiading-police/s1-2/`,
    );
  });
});

describe('following a former address', () => {
  // The aliases fixture: s1-1 was first-measure, s2 was plans and next-year.
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'fzzf-aliases-')), 'dist');
  let fixture: StaticServer | undefined;
  beforeAll(async () => {
    const result = runBuild(outDir, { REPORTS_DIR: 'tests/fixtures/aliases' });
    expect(result.status, result.output).toBe(0);
    fixture = await serveDist(outDir);
  });
  const fixtureUrl = () => fixture!.url;
  afterAll(async () => {
    await fixture?.close();
    rmSync(path.dirname(outDir), { recursive: true, force: true });
  });

  it('a former section path takes the reader to the section page without JavaScript', async () => {
    const { page } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(`${fixtureUrl()}reports/2024-test-agency/plans/`);
    await page.waitForURL(/\/reports\/2024-test-agency\/s2\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      '二、下一年度主要安排',
    );
  });

  it('a former section path with a former paragraph anchor lands on that paragraph', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${fixtureUrl()}reports/2024-test-agency/first-measure/#first-measure-p2`);
    await page.waitForURL(/\/reports\/2024-test-agency\/s1-1\/#first-measure-p2$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('s1-1-p2');
    expect(errors).toEqual([]);
  });

  it('a former paragraph anchor lands on the paragraph, marked and focused', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${fixtureUrl()}reports/2024-test-agency/#first-measure-p2`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('s1-1-p2');
    const background = await page
      .locator('#s1-1-p2')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    const other = await page
      .locator('#s1-1-p1')
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).not.toBe(other);
    expect(errors).toEqual([]);
  });
});

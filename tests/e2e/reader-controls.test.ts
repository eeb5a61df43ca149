import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { useBuiltSite } from '../support/site.ts';
import { PAGE_TYPES } from '../support/reader-modes.ts';

const site = useBuiltSite();

const REPORT = 'reports/2023-jiading-police/';
const bodyFontSize = (page: Page) =>
  page.evaluate(() =>
    parseFloat(
      getComputedStyle(document.querySelector('.report-text p') ?? document.body).fontSize,
    ),
  );

describe('reader controls', () => {
  it('offer four text sizes, three colour schemes and high contrast, as the stored settings say', async () => {
    const { page, errors } = await openPage(site.browser, { colorScheme: 'light' });
    await page
      .context()
      .addInitScript(`localStorage.setItem('fz-reader', '{"size":"l","theme":"dark"}')`);
    await page.goto(site.server.url + REPORT);
    await page.getByText('阅读设置').click();
    // Built on first opening, once its code and rules have come.
    await page.getByRole('form', { name: '阅读设置' }).waitFor();
    const values = (name: string) =>
      page
        .locator(`reader-controls input[name="${name}"]`)
        .evaluateAll((inputs) =>
          inputs.map((input) => [
            (input as HTMLInputElement).value,
            (input as HTMLInputElement).checked,
          ]),
        );
    expect(await values('fz-size')).toEqual([
      ['s', false],
      ['m', false],
      ['l', true],
      ['xl', false],
    ]);
    expect(await values('fz-theme')).toEqual([
      ['system', false],
      ['light', false],
      ['dark', true],
    ]);
    const contrast = page.getByRole('checkbox', { name: '高对比度' });
    expect(await contrast.isChecked()).toBe(false);
    for (const name of ['字号', '配色', '对比度'])
      expect(await page.getByRole('group', { name, exact: true }).count()).toBe(1);
    expect(await page.getByRole('form', { name: '阅读设置' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('change text size, colour scheme and contrast by keyboard alone, and keep them on the next page', async () => {
    const { page, errors } = await openPage(site.browser, { colorScheme: 'light' });
    await page.goto(site.server.url + REPORT);
    const standard = await bodyFontSize(page);
    const settings = page.getByText('阅读设置');
    await settings.focus();
    await page.keyboard.press('Enter');
    const size = page.getByRole('group', { name: '字号' });
    await size.getByRole('radio', { name: '标准' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await size.getByRole('radio', { name: '特大' }).isChecked()).toBe(true);
    expect(await bodyFontSize(page)).toBeGreaterThan(standard * 1.3);
    await page.getByRole('group', { name: '配色' }).getByRole('radio', { name: '深色' }).check();
    await page.getByRole('checkbox', { name: '高对比度' }).press('Space');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(0, 0, 0)',
    );
    await page.keyboard.press('Escape');
    expect(await page.getByRole('group', { name: '字号' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('阅读设置');

    await page.goto(`${site.server.url}${REPORT}s1-2/`);
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toEqual({
      size: 'xl',
      theme: 'dark',
      contrast: 'high',
    });
    await page.getByText('阅读设置').click();
    expect(await page.getByRole('radio', { name: '特大' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '高对比度' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('apply saved settings from the head script alone, before any module runs', async () => {
    // The aborted module scripts are logged as failed loads.
    const { page } = await openPage(site.browser, { colorScheme: 'light', allowErrors: true });
    await page
      .context()
      .addInitScript(`localStorage.setItem('fz-reader', '{"size":"l","theme":"dark"}')`);
    // Without the module scripts only the early classic script can have set the attributes.
    await page.route(/\/_astro\/[^/]+\.js$/, (route) => route.abort());
    await page.goto(site.server.url + REPORT, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toEqual({
      size: 'l',
      theme: 'dark',
    });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(22, 24, 27)',
    );
  });

  it('follow the system colour scheme until the reader picks one', async () => {
    const { page } = await openPage(site.browser, { colorScheme: 'dark' });
    await page.goto(site.server.url);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(22, 24, 27)',
    );
    await page.getByText('阅读设置').click();
    await page.getByRole('radio', { name: '浅色' }).check();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
    await page.getByRole('radio', { name: '跟随系统' }).check();
    expect(await page.evaluate(() => localStorage.getItem('fz-reader'))).toBeNull();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(22, 24, 27)',
    );
  });

  it("follow the system's increased contrast until the reader turns it off, and remember that", async () => {
    const { page } = await openPage(site.browser, { colorScheme: 'light', contrast: 'more' });
    await page.goto(site.server.url + REPORT);
    const colours = () =>
      page.evaluate(() => [
        getComputedStyle(document.body).color,
        getComputedStyle(document.querySelector('.report-meta')!).color,
      ]);
    // Muted text turns full black too.
    expect(await colours()).toEqual(['rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
    await page.getByText('阅读设置').click();
    const checkbox = page.getByRole('checkbox', { name: '高对比度' });
    expect(await checkbox.isChecked()).toBe(true);
    await checkbox.uncheck();
    expect(await colours()).toEqual(['rgb(26, 26, 26)', 'rgb(77, 77, 77)']);
    await page.reload();
    expect(await colours()).toEqual(['rgb(26, 26, 26)', 'rgb(77, 77, 77)']);
    await page.getByText('阅读设置').click();
    await checkbox.check();
    expect(await page.evaluate(() => localStorage.getItem('fz-reader'))).toBeNull();
    expect(await colours()).toEqual(['rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
  });

  it.each(['report', 'search'])(
    'load their panel when the reader reaches for the button, and follow another tab before that (%s page)',
    async (kind) => {
      const { page, errors } = await openPage(site.browser, { colorScheme: 'light' });
      const panelRequests = () =>
        requested.filter((url) => /\/_astro\/reader-panel\.[\w-]+\.js$/.test(url));
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      const address = site.server.url + (kind === 'report' ? REPORT : 'search/');
      await page.goto(address, { waitUntil: 'load' });
      expect(panelRequests()).toEqual([]);

      // Another tab of the site changes the settings: this page follows, panel or not.
      const other = await page.context().newPage();
      await other.goto(address);
      await other.evaluate(() => localStorage.setItem('fz-reader', '{"theme":"dark"}'));
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset['theme']))
        .toBe('dark');
      await other.close();
      expect(panelRequests()).toEqual([]);

      // Keyboard focus on the button starts the download; opening it shows the stored choice.
      await page.getByText('阅读设置').focus();
      await expect.poll(() => panelRequests().length).toBe(1);
      await page.keyboard.press('Enter');
      const theme = page.getByRole('group', { name: '配色' });
      expect(await theme.getByRole('radio', { name: '深色' }).isChecked()).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('are not shown without JavaScript, where they could not work', async () => {
    const { page } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.server.url + REPORT);
    expect(await page.getByText('阅读设置').isVisible()).toBe(false);
    expect(await page.getByRole('radio').count()).toBe(0);
  });
});

describe('layout', () => {
  it.each(PAGE_TYPES)(
    'the $name page reflows at 320px with the largest text: no sideways scrolling',
    async (type) => {
      const { page } = await openPage(site.browser, {
        viewport: { width: 320, height: 640 },
        // The 404 page's own status is logged as a console error.
        allowErrors: type.name === '404',
      });
      await page.context().addInitScript(`localStorage.setItem('fz-reader', '{"size":"xl"}')`);
      await page.goto(site.server.url + type.path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      );
    },
  );

  it.each(PAGE_TYPES)(
    'the $name page reflows at 200% zoom of a 1280px window (640 CSS px): no sideways scrolling',
    async (type) => {
      const { page } = await openPage(site.browser, {
        viewport: { width: 640, height: 400 },
        deviceScaleFactor: 2,
        allowErrors: type.name === '404',
      });
      await page.context().addInitScript(`localStorage.setItem('fz-reader', '{"size":"xl"}')`);
      await page.goto(site.server.url + type.path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        640,
      );
    },
  );

  it('sets body text at about 30 to 40 characters a line on a desktop, line height about 1.8, indent 2em', async () => {
    const { page } = await openPage(site.browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(site.server.url + REPORT);
    const metrics = await page
      .locator('.report-text p')
      .first()
      .evaluate((p) => {
        const style = getComputedStyle(p);
        const size = parseFloat(style.fontSize);
        return {
          perLine: p.clientWidth / size,
          lineHeight: parseFloat(style.lineHeight) / size,
          indent: parseFloat(style.textIndent) / size,
          lineBreak: style.lineBreak,
        };
      });
    expect(metrics.perLine).toBeGreaterThanOrEqual(30);
    expect(metrics.perLine).toBeLessThanOrEqual(40);
    expect(metrics.lineHeight).toBeCloseTo(1.8, 1);
    expect(metrics.indent).toBe(2);
    expect(metrics.lineBreak).toBe('strict');
  });

  it('shows the contents beside the text on a desktop and marks the part being read', async () => {
    const { page, errors } = await openPage(site.browser, {
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(site.server.url + REPORT);
    const toc = page.getByRole('navigation', { name: '目录' });
    expect(await toc.isVisible()).toBe(true);
    const tocBox = (await toc.boundingBox())!;
    const textBox = (await page.locator('.report-body').boundingBox())!;
    expect(tocBox.x + tocBox.width).toBeLessThanOrEqual(textBox.x);
    await page.evaluate(() => document.getElementById('s2')!.scrollIntoView());
    await expect.poll(() => toc.locator('a[aria-current]').getAttribute('href')).toBe('#s2');
    // The contents stay in view while the text scrolls.
    expect((await toc.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    // At the very end the last part in view is marked, though its heading never reaches the top.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => toc.locator('a[aria-current]').getAttribute('href')).toBe('#s3-4');
    expect(errors).toEqual([]);
  });

  it('keeps the contents beside the text on a desktop without JavaScript', async () => {
    const { page } = await openPage(site.browser, {
      viewport: { width: 1280, height: 800 },
      javaScriptEnabled: false,
    });
    await page.goto(site.server.url + REPORT);
    expect(
      await page.getByRole('navigation', { name: '目录' }).getByRole('link').first().isVisible(),
    ).toBe(true);
  });

  it('gives a phone a closed contents menu that opens, and closes again once a part is chosen', async () => {
    const { page } = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await page.goto(site.server.url + REPORT);
    const toc = page.getByRole('navigation', { name: '目录' });
    expect(await toc.isVisible()).toBe(false);
    // The first paragraph is in the first screen, not pushed down by the contents.
    expect((await page.locator('.report-text p').first().boundingBox())!.y).toBeLessThan(844);
    await page.locator('.report-toc-summary').click();
    await toc.getByRole('link', { name: /二、工作中存在的不足/ }).click();
    await page.waitForURL(/#s2$/);
    expect(await toc.isVisible()).toBe(false);
  });

  it('offers back to top at the end of the report, which returns to the main content', async () => {
    const { page } = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await page.goto(site.server.url + REPORT);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const back = page.getByRole('link', { name: '回到顶部' });
    await expect.poll(() => back.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    await back.click();
    await page.waitForURL(/#main$/);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(200);
  });
});

describe('keyboard order', () => {
  it('follows the visual order in the header: skip link, site name, reader settings, search', async () => {
    const { page } = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await page.goto(site.server.url + REPORT);
    const visited: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      visited.push(
        await page.evaluate(() => {
          const element = document.activeElement!;
          // The search box's wording belongs to search; here only where focus is matters.
          return element.closest('.search-box')
            ? `search ${element.tagName.toLowerCase()}`
            : element.textContent!.trim();
        }),
      );
    }
    expect(visited).toEqual([
      '跳到正文',
      '法治政府建设年度报告',
      '阅读设置',
      'search input',
      'search button',
    ]);
    // And each stop is drawn where that order says: name left of settings, search below on a phone.
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    expect((await box('.site-name')).x).toBeLessThan(
      (await box('.reader-controls-menu > summary')).x,
    );
    expect((await box('.search-box')).y).toBeGreaterThan(
      (await box('.reader-controls-menu > summary')).y,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();
const REPORT = 'reports/2023-jiading-police/';

describe('打印 and text size beside the report', () => {
  it('prints with one press and sets 大/中/小 in one tap, which the reader settings then show', async () => {
    const { page, errors } = await openPage(site.browser, {
      viewport: { width: 390, height: 844 },
    });
    await page.context().addInitScript(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '');
    });
    await page.goto(site.server.url + REPORT);
    const tools = page.getByRole('group', { name: '页面工具' });
    const print = tools.getByRole('button', { name: '打印' });
    expect(await print.isVisible()).toBe(true);
    await print.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('html[data-printed]').count()).toBe(1);

    const paragraph = page.locator('.report-text p').first();
    const before = await paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const large = tools.getByRole('button', { name: '大', exact: true });
    await large.click();
    expect(await page.evaluate(() => document.documentElement.dataset['size'])).toBe('l');
    expect(await large.getAttribute('aria-pressed')).toBe('true');
    expect(await tools.getByRole('button', { name: '中' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(
      await paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize)),
    ).toBeGreaterThan(before);
    // The reader settings, opened now (their panel is built then), show the same size.
    await page.getByText('阅读设置').click();
    const settings = page.getByRole('form', { name: '阅读设置' });
    expect(await settings.getByRole('radio', { name: '大', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');

    // The choice is stored like the reader settings' own, so the next page opens at that size.
    await page.goto(`${site.server.url}${REPORT}s1-2/`);
    expect(await page.evaluate(() => document.documentElement.dataset['size'])).toBe('l');
    const small = page.getByRole('group', { name: '文字大小' }).getByRole('button', { name: '小' });
    expect(
      await page.getByRole('button', { name: '大', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    await small.click();
    expect(await page.evaluate(() => document.documentElement.dataset['size'])).toBe('s');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is not shown without JavaScript, where its buttons could not work', async () => {
    const { page } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.server.url + REPORT);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    // The permalinks and the statutory facts are plain HTML and stay.
    expect(await page.locator('.statutory-facts summary').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('section permalinks', () => {
  it('show the # on hover and on keyboard focus, with an accessible name', async () => {
    const { page, errors } = await openPage(site.browser, {
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(site.server.url + REPORT);
    const anchor = page.locator('.section-anchor[href="#s2"]');
    const opacity = () => anchor.evaluate((a) => getComputedStyle(a).opacity);
    expect(await opacity()).toBe('0');
    // Named by the heading from the start; once the pointer is over the report its code loads
    // and the name says the link copies.
    expect(
      await page.getByRole('link', { name: '本节链接 二、工作中存在的不足', exact: true }).count(),
    ).toBe(1);
    await page.locator('h2#s2').hover();
    expect(await opacity()).toBe('1');
    await expect
      .poll(() => anchor.getAttribute('aria-label'))
      .toBe('复制本节链接：二、工作中存在的不足');
    await page.mouse.move(0, 0);
    await anchor.focus();
    await page.keyboard.press('Shift+Tab');
    // Back on the previous paragraph's link, whose 引用本段 now shows and comes next.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('引用本段');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#s2');
    expect(await opacity()).toBe('1');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keep the # in view, smaller, on a touch screen', async () => {
    const { page } = await openPage(site.browser, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    await page.goto(site.server.url + REPORT);
    const anchor = page.locator('.section-anchor[href="#s2"]');
    expect(Number(await anchor.evaluate((a) => getComputedStyle(a).opacity))).toBeGreaterThan(0);
    const [anchorSize, headingSize] = await anchor.evaluate((a) => [
      parseFloat(getComputedStyle(a).fontSize),
      parseFloat(getComputedStyle(a.parentElement!.querySelector('h2')!).fontSize),
    ]);
    expect(anchorSize).toBeLessThan(headingSize!);
    await page.context().close();
  });
});

describe('agency page', () => {
  it('puts years side by side on a desktop and stacks them on a phone', async () => {
    for (const [width, sideBySide] of [
      [1280, true],
      [390, false],
    ] as const) {
      const { page, errors } = await openPage(site.browser, { viewport: { width, height: 800 } });
      await page.goto(`${site.server.url}agencies/jiading-police/`);
      // The published content has one year: give the list three, as three years would.
      const tops = await page
        .locator('.compare-years')
        .first()
        .evaluate((list) => {
          const year = list.querySelector('.compare-year')!;
          list.append(year.cloneNode(true), year.cloneNode(true));
          return [...list.children].map((item) => Math.round(item.getBoundingClientRect().top));
        });
      expect(new Set(tops).size === 1, `${width}px: ${tops.join(', ')}`).toBe(sideBySide);
      if (!sideBySide) expect(tops).toEqual([...tops].sort((a, b) => a - b));
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});

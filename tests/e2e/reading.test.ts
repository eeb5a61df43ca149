import { describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();

describe('reading a report', () => {
  it('opens the home page and reaches the report from the list', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(site.server.url);
    await page.getByRole('link', { name: '嘉定公安分局2023年法治政府建设情况' }).click();
    await page.waitForURL(/\/reports\/2023-jiading-police\/$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      '嘉定公安分局2023年法治政府建设情况',
    );
    expect(errors).toEqual([]);
  });

  it('follows a contents link to its section and shows it', async () => {
    const { page, errors } = await openPage(site.browser, {
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${site.server.url}reports/2023-jiading-police/`);
    // On a phone the contents are a closed menu above the text.
    await page.getByText('目录', { exact: true }).first().click();
    await page
      .getByRole('navigation', { name: '目录' })
      .getByRole('link', { name: /（三）强化执法监督制约/ })
      .click();
    await page.waitForURL(/#s3-3$/);
    const heading = page.locator('#s3-3');
    await expect
      .poll(() => heading.evaluate((element) => element.getBoundingClientRect().top))
      .toBeLessThan(200);
    expect(await heading.isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('reads and navigates without JavaScript', async () => {
    const { page } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.server.url);
    await page.getByRole('link', { name: '嘉定公安分局2023年法治政府建设情况' }).click();
    await page
      .getByRole('link', { name: /（二）从严打击违法犯罪/ })
      .first()
      .click();
    expect(page.url()).toMatch(/#s1-2$/);
    expect(await page.locator('#s1-2').isVisible()).toBe(true);
  });

  it('shows the 404 page for an unknown address', async () => {
    // Chromium logs the 404 status as a console error.
    const { page } = await openPage(site.browser, { allowErrors: true });
    const response = await page.goto(`${site.server.url}reports/no-such-report/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('页面不存在');
  });
});

describe('searching', () => {
  it('finds 电信网络诈骗 and lands on section 一、(二) from the result', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.server.url}reports/2023-jiading-police/`);
    const box = page.getByRole('combobox', { name: '搜索报告' });
    await box.fill('电信网络诈骗');
    await box.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const results = page.locator('[data-search-results]');
    await expect.poll(() => results.getAttribute('aria-busy')).toBe('false');
    const first = results.locator('a[href]').first();
    // A subsection's numbering repeats across parts, so the result names its part too.
    expect(await first.locator('.search-result-report').textContent()).toBe(
      '嘉定公安分局2023年法治政府建设情况 › 一、2023年工作成效',
    );
    // The link carries the terms to highlight on landing (?hl=), which the landing page then drops.
    expect(await first.getAttribute('href')).toMatch(
      /\/reports\/2023-jiading-police\/(\?hl=[^#]*)?#s1-2$/,
    );
    await first.click();
    await page.waitForURL(/#s1-2$/);
    expect(await page.locator('#s1-2').textContent()).toContain('从严打击违法犯罪');
    expect(errors).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { useBuiltSite } from '../support/site.ts';
import { foldPdfText as fold, type PrintedPage, printPages } from '../support/pdf.ts';

const site = useBuiltSite();

// Settings chosen on screen must not reach paper.
const SCREEN_SETTINGS = `localStorage.setItem('fz-reader', '{"size":"xl","theme":"dark","contrast":"high"}')`;

describe('printing the report', () => {
  let printed: PrintedPage[];
  let pages: string[];
  beforeAll(async () => {
    printed = await printPages(
      site.browser,
      `${site.server.url}reports/2023-jiading-police/`,
      SCREEN_SETTINGS,
    );
    pages = printed.map((page) => page.text);
  }, 60_000);

  it('puts the title, publisher and date at the top of the first page', () => {
    expect(
      pages[0]!.startsWith(
        fold(
          '嘉定公安分局2023年法治政府建设情况 发布机关：上海市公安局嘉定分局 发布日期：2024年3月22日',
        ),
      ),
    ).toBe(true);
  });

  it('starts parts 二 and 三 on a new page', () => {
    for (const part of ['二、工作中存在的不足', '三、下步工作打算']) {
      const index = pages.findIndex((text) => text.includes(fold(part)));
      expect(index, part).toBeGreaterThan(0);
      expect(pages[index]!.startsWith(fold(part)), `page ${index + 1} starts with ${part}`).toBe(
        true,
      );
    }
  });

  it('prints the report only: no navigation, contents, search or reader controls', () => {
    const all = pages.join('');
    for (const chrome of [
      '跳到正文',
      '阅读设置',
      '打印',
      '搜索',
      '目录',
      '回到顶部',
      '本站内容以发布机关公开发布的文本为准',
    ])
      expect(all).not.toContain(fold(chrome));
  });

  it('ends with the signature, then the QR code with the page address, and numbers the pages', () => {
    // The QR code may move to a page of its own; what counts is the order at the end.
    const last = pages.join('');
    // The address printed is the page's public (canonical) address, whatever server this test used;
    // it is printed once, under the QR code.
    expect(last).toMatch(
      new RegExp(
        `${fold('上海市公安局嘉定分局 2024年3月22日 扫一扫在手机打开当前页')}https?://\\S+/reports/2023-jiading-police/$`,
        'u',
      ),
    );
    expect(printed.map((page) => page.number)).toEqual(
      printed.map((_, i) => `${i + 1}/${printed.length}`),
    );
  });

  it('fits the report on a handful of A4 pages', () => {
    // Three parts, each from a new page after the first; at 12pt the 2023 report takes 4 to 6 pages.
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeLessThanOrEqual(7);
  });
});

describe('print styles', () => {
  it('print black on white at the standard size, whatever the reader chose on screen', async () => {
    const { page } = await openPage(site.browser, { colorScheme: 'dark' });
    await page.context().addInitScript(SCREEN_SETTINGS);
    await page.goto(`${site.server.url}reports/2023-jiading-police/`);
    const screen = await page.evaluate(() => getComputedStyle(document.body).color);
    await page.emulateMedia({ media: 'print' });
    const printed = await page
      .locator('.report-text p')
      .first()
      .evaluate((p) => {
        const style = getComputedStyle(p);
        return {
          color: style.color,
          background: getComputedStyle(document.body).backgroundColor,
          size: style.fontSize,
        };
      });
    expect(screen).toBe('rgb(255, 255, 255)');
    // 12pt is 16px.
    expect(printed).toEqual({
      color: 'rgb(0, 0, 0)',
      background: 'rgb(255, 255, 255)',
      size: '16px',
    });
    await page.context().close();
  });

  it("print a link's address after its text in the report text", async () => {
    const { page } = await openPage(site.browser);
    await page.goto(`${site.server.url}reports/2023-jiading-police/`);
    await page.emulateMedia({ media: 'print' });
    // The 2023 text has no links: add one as content would render it.
    const after = await page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), {
        href: 'https://www.example.gov.cn/doc',
        textContent: '文件',
      });
      document.querySelector('.report-text p')!.append(link);
      return getComputedStyle(link, '::after').content;
    });
    expect(after).toBe('"（https://www.example.gov.cn/doc）"');
    await page.context().close();
  });
});

describe('printing a section page', () => {
  it('prints the section with its report title, and no pagination', async () => {
    const pages = await printPages(
      site.browser,
      `${site.server.url}reports/2023-jiading-police/s1-2/`,
      SCREEN_SETTINGS,
    );
    const all = pages.map((page) => page.text).join('');
    expect(pages.length).toBe(1);
    expect(all).toContain(fold('嘉定公安分局2023年法治政府建设情况'));
    expect(all).toContain(fold('（二）从严打击违法犯罪'));
    expect(all).not.toContain('上一节');
    expect(all).not.toContain('在全文中阅读本节');
    expect(all).not.toContain(fold('打印'));
  });
});

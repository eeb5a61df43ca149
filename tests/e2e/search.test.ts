import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { useBuiltSite } from '../support/site.ts';

const site = useBuiltSite();

const REPORT = '/reports/2023-jiading-police/';

interface Shown {
  href: string;
  heading: string;
  report: string;
  marks: string[];
}

/** Waits for the search to finish and reads the results as a reader sees them. */
async function results(page: Page): Promise<Shown[]> {
  const list = page.locator('[data-search-results]');
  await expect.poll(() => list.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
  return list.locator('a[href]').evaluateAll((links) =>
    links.map((a) => ({
      href:
        new URL((a as HTMLAnchorElement).href).pathname +
        new URL((a as HTMLAnchorElement).href).hash,
      heading: a.querySelector('.search-result-heading')?.textContent ?? '',
      report: a.querySelector('.search-result-report')?.textContent ?? '',
      marks: [...a.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })),
  );
}

async function search(page: Page, query: string, extra = ''): Promise<Shown[]> {
  await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}${extra}`);
  return results(page);
}

describe('search page', () => {
  it('finds a term and shows the section, its report and the match marked', async () => {
    const { page, errors } = await openPage(site.browser);
    const shown = await search(page, '一网通办');
    expect(shown[0]).toMatchObject({
      href: `${REPORT}#s1-4`,
      report: '嘉定公安分局2023年法治政府建设情况 › 一、2023年工作成效',
    });
    expect(shown[0]!.heading).toBe('（四）深化公安“放管服”改革，持续优化公安法治营商环境');
    expect(shown[0]!.marks).toContain('一网通办');
    expect(await page.getByRole('status').first().textContent()).toBe(
      `找到 ${shown.length} 条结果`,
    );
    expect(await page.getByRole('searchbox', { name: '搜索报告' }).inputValue()).toBe('一网通办');
    expect(errors).toEqual([]);
  });

  it('finds with Traditional characters what the Simplified form finds, loading the converter only then', async () => {
    const { page, errors } = await openPage(site.browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const simplified = await search(page, '诈骗');
    expect(requests.some((url) => /traditional/i.test(url))).toBe(false);
    const traditional = await search(page, '詐騙');
    expect(traditional.map((r) => r.href)).toEqual(simplified.map((r) => r.href));
    expect(traditional[0]!.href).toBe(`${REPORT}#s1-2`);
    expect(traditional[0]!.marks).toContain('诈骗');
    expect(requests.some((url) => /traditional/i.test(url))).toBe(true);
    expect((await search(page, '執法監督'))[0]!.heading).toContain('执法监督');
    expect(errors).toEqual([]);
  });

  it('finds the sections a pinyin query spells', async () => {
    const { page, errors } = await openPage(site.browser);
    expect((await search(page, 'yiwangtongban'))[0]!.href).toBe(`${REPORT}#s1-4`);
    const fangguanfu = await search(page, 'fangguanfu');
    expect(
      fangguanfu
        .slice(0, 2)
        .map((r) => r.href)
        .sort(),
    ).toEqual([`${REPORT}#s1-4`, `${REPORT}#s3-4`]);
    expect((await search(page, 'zhifajiandu'))[0]!.marks.join('')).toContain('执法监督');
    expect(errors).toEqual([]);
  });

  it('applies synonyms and other date forms', async () => {
    const { page } = await openPage(site.browser);
    expect((await search(page, '下一步'))[0]!.href).toBe(`${REPORT}#s3`);
    expect((await search(page, '反诈'))[0]!.href).toBe(`${REPORT}#s1-2`);
    for (const date of ['2023-11-15', '2023.11.15', '2023/11/15']) {
      const shown = await search(page, date);
      expect(shown[0]!.href).toBe(`${REPORT}#s1-3`);
      expect(shown[0]!.marks).toContain('2023年11月15日');
    }
  });

  it('filters by part of the report, from the URL and from the controls, keeping the URL in step', async () => {
    const { page, errors } = await openPage(site.browser);
    const all = await search(page, '执法');
    const planned = await search(page, '执法', '&part=下步打算');
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.length).toBeLessThan(all.length);
    expect(planned.every((r) => /#s3(-|$)/.test(r.href))).toBe(true);
    const part = page.getByRole('combobox', { name: '报告部分' });
    expect(await part.inputValue()).toBe('下步打算');
    await part.selectOption('不足');
    await expect.poll(() => new URL(page.url()).searchParams.get('part')).toBe('不足');
    await expect
      .poll(async () => (await results(page)).map((r) => r.href))
      .toEqual([`${REPORT}#s2`]);
    await page.getByRole('combobox', { name: '年度' }).selectOption('2023');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2023');
    expect((await results(page)).map((r) => r.href)).toEqual([`${REPORT}#s2`]);
    expect(errors).toEqual([]);
  });

  it('survives hostile input without errors or injected markup', async () => {
    const { page, errors } = await openPage(site.browser);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    for (const query of [
      '',
      '法'.repeat(500),
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      '.*(',
      '[[(\\',
      '🚓👮🏻‍♀️🔍',
      '%',
      'javascript:alert(1)',
    ]) {
      await search(page, query);
      const unsafe = await page
        .locator('[data-search-results]')
        .evaluate(
          (list) =>
            list.querySelectorAll('script, img, iframe').length +
            [...list.querySelectorAll('*')].filter((el) =>
              [...el.attributes].some(
                (a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value),
              ),
            ).length,
        );
      expect(unsafe, query).toBe(0);
    }
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says plainly that search needs JavaScript and offers the list of reports, the same size whatever the corpus', async () => {
    const { page } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(`${site.server.url}search/?q=一网通办`);
    // Playwright's text selectors skip <noscript>, so these read the rendered elements directly.
    const fallback = page.locator('.search-noscript');
    expect(await fallback.isVisible()).toBe(true);
    expect(await fallback.locator('p').first().textContent()).toContain('搜索需要启用 JavaScript');
    const links = await fallback
      .locator('a')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([['浏览全部报告', '/']]);
    expect(await page.locator('[data-search-filters]').isVisible()).toBe(false);
  });

  it('counts every matching section and shows more on demand, focus moving to the first new one', async () => {
    const { page, errors } = await openPage(site.browser);
    // One report has a dozen sections: a page of 4 stands in for the 10 of a large site.
    await page.route('**/search/?*', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/data-page-size="\d+"/, 'data-page-size="4"');
      await route.fulfill({ response, body: html });
    });
    const first = await search(page, '法治');
    const status = page.locator('[data-search-status]');
    const said = (await status.textContent()) ?? '';
    const total = Number(/找到约? (\d+) 条结果/.exec(said)?.[1]);
    expect(first).toHaveLength(4);
    expect(total).toBeGreaterThan(4);
    expect(said).toMatch(new RegExp(`^找到约? ${total} 条结果，已显示前 4 条$`));
    const more = page.getByRole('button', { name: '显示更多结果' });
    await more.click();
    await expect.poll(async () => (await results(page)).length).toBeGreaterThan(4);
    const all = await results(page);
    expect(new Set(all.map((r) => r.href)).size).toBe(all.length);
    expect(
      await page.evaluate(() => {
        const link = document.activeElement as HTMLAnchorElement;
        return link.pathname + link.hash;
      }),
    ).toBe(all[4]!.href);
    // Every candidate checked: the count is exact and matches what is shown.
    expect(all.length).toBe(7);
    expect(await status.textContent()).toBe(`找到 ${all.length} 条结果`);
    expect(await more.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('offers each agency once, by id, with its short name', async () => {
    const { page, errors } = await openPage(site.browser);
    await search(page, '执法', '&agency=jiading-police');
    const agency = page.getByRole('combobox', { name: '发布机关' });
    expect(await agency.inputValue()).toBe('jiading-police');
    expect(
      await agency.locator('option').evaluateAll((os) => os.map((o) => o.textContent)),
    ).toEqual(['全部', '嘉定公安分局']);
    expect((await results(page)).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('reads pinyin initials and the start of a spelling', async () => {
    const { page, errors } = await openPage(site.browser);
    expect((await search(page, 'ywtb'))[0]!.href).toBe(`${REPORT}#s1-4`);
    const prefix = await search(page, 'yiwang');
    expect(prefix[0]!.marks).toContain('一网通办');
    expect(await page.locator('[data-search-status]').textContent()).toContain(
      '按拼音查找“一网通办”',
    );
    expect(errors).toEqual([]);
  });
});

describe('a query naming one report', () => {
  it('ranks that report’s sections from its open data, fetching no section of the index', async () => {
    const { page, errors } = await openPage(site.browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const shown = await search(page, '嘉定公安分局2023年营商环境');
    expect(shown[0]!.href).toBe(`${REPORT}#s1-4`);
    expect(shown[0]!.marks).toContain('营商环境');
    expect(requests).toContain('/reports/2023-jiading-police.json');
    expect(requests.filter((path) => path.endsWith('.pf_fragment'))).toEqual([]);
    // A part named alone lands on that part's own heading.
    expect((await search(page, '嘉定 2023 存在的不足'))[0]!.href).toBe(`${REPORT}#s2`);
    expect(errors).toEqual([]);
  });

  it('loads only the pinyin letters a Latin query spells', async () => {
    const { page, errors } = await openPage(site.browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    expect((await search(page, 'yiwangtongban'))[0]!.href).toBe(`${REPORT}#s1-4`);
    const letters = requests.filter((path) => path.startsWith('/search/pinyin/'));
    // y… then the letters its spelling reaches (w, t, b), not the whole alphabet.
    expect(letters).toContain('/search/pinyin/y.json');
    expect(letters.length).toBeLessThanOrEqual(6);
    expect(errors).toEqual([]);
  });
});

describe('search from any page', () => {
  it('loads nothing of the engine until the reader reaches for the box', async () => {
    const { page, errors } = await openPage(site.browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${site.server.url}reports/2023-jiading-police/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((path) => path.includes('pagefind'))).toEqual([]);
    await page.getByRole('combobox', { name: '搜索报告' }).focus();
    await expect
      .poll(() => requests.some((path) => path.endsWith('/pagefind/pagefind.js')))
      .toBe(true);
    expect(errors).toEqual([]);
  });

  it('works with the keyboard alone: shortcut, search, result, landing with highlight that can be dismissed', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.server.url}reports/2023-jiading-police/`);
    const box = page.getByRole('combobox', { name: '搜索报告' });
    await page.keyboard.press('/');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('body').focus();
    await box.evaluate((el) => (el as HTMLInputElement).blur());
    await page.keyboard.press('Control+k');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('营商环境');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const shown = await results(page);
    expect(shown[0]!.href).toBe(`${REPORT}#s1-4`);
    // From the box, Tab passes the search button and the filters to the first result.
    await page.getByRole('searchbox', { name: '搜索报告' }).focus();
    let focused = '';
    for (let i = 0; i < 8 && !focused.includes('#s1-4'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () => (document.activeElement as HTMLAnchorElement | null)?.href ?? '',
      );
    }
    expect(focused).toContain('#s1-4');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/reports\/2023-jiading-police\/#s1-4$/);
    // Landing: the terms are marked inside the section, the address is clean, the section is in view.
    const marks = page
      .locator('#s1-4')
      .locator('xpath=ancestor::section[1]')
      .locator('mark.search-highlight');
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    expect(await marks.first().textContent()).toBe('营商环境');
    expect(new URL(page.url()).search).toBe('');
    const top = await page.locator('#s1-4').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    // Dismiss from the keyboard.
    const clear = page.getByRole('button', { name: '取消高亮' });
    await clear.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('mark.search-highlight').count()).toBe(0);
    expect(await clear.count()).toBe(0);
    expect(await page.locator('#s1-4-p1').textContent()).toContain('优化营商环境30项举措');
    expect(errors).toEqual([]);
  });

  it('keeps the URL in step with the query as the reader types', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.server.url}search/`);
    await results(page);
    const box = page.getByRole('searchbox', { name: '搜索报告' });
    await box.fill('顽瘴痼疾');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('顽瘴痼疾');
    const shown = await results(page);
    expect(shown.map((r) => r.href).sort()).toEqual([`${REPORT}#s2`, `${REPORT}#s3-3`]);
    await box.fill('');
    await expect.poll(() => new URL(page.url()).searchParams.has('q')).toBe(false);
    expect(await results(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows results under the box as the reader types, as a combobox the keyboard can use', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.server.url}reports/2023-jiading-police/s2/`);
    const box = page.getByRole('combobox', { name: '搜索报告' });
    await box.focus();
    await page.keyboard.type('营商环境');
    const listbox = page.getByRole('listbox', { name: '搜索建议' });
    await expect.poll(() => listbox.isVisible(), { timeout: 10_000 }).toBe(true);
    // Sections fetched for 营商环 may show first, marked busy until the engine answers.
    await expect.poll(() => listbox.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await box.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
    const options = listbox.getByRole('option');
    expect(await options.count()).toBeGreaterThan(0);
    expect(await options.count()).toBeLessThanOrEqual(5);
    expect(
      new URL((await options.first().locator('a').getAttribute('href'))!, page.url()).hash,
    ).toBe('#s1-4');
    const all = page.locator('[data-suggest-all]');
    expect(await all.textContent()).toMatch(/^查看全部 \d+ 条结果$/);
    expect(await all.getAttribute('href')).toBe(`/search/?q=${encodeURIComponent('营商环境')}`);
    await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(
      await options.first().getAttribute('id'),
    );
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await listbox.isVisible()).toBe(false);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/reports\/2023-jiading-police\/#s1-4$/);
    expect(errors).toEqual([]);
  });

  it('shows at once the sections already fetched that hold the longer query, marked busy until the engine answers', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.server.url}reports/2023-jiading-police/`);
    const box = page.getByRole('combobox', { name: '搜索报告' });
    await box.focus();
    await page.keyboard.type('法治政');
    const listbox = page.getByRole('listbox', { name: '搜索建议' });
    await expect.poll(() => listbox.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    // Every state the list goes through from the next key on: busy or not, and where it leads.
    await listbox.evaluate((list) => {
      const states: { busy: string | null; links: string[] }[] = [];
      Object.assign(window, { listStates: states });
      new MutationObserver(() =>
        states.push({
          busy: list.getAttribute('aria-busy'),
          links: [...list.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
        }),
      ).observe(list, { attributes: true, childList: true });
    });
    await page.keyboard.type('府');
    await expect.poll(() => listbox.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    const states = await page.evaluate(
      () =>
        (window as unknown as { listStates: { busy: string | null; links: string[] }[] })
          .listStates,
    );
    const first = states[0]!;
    expect(first.busy).toBe('true');
    expect(first.links.length).toBeGreaterThan(0);
    // Only sections holding 法治政府 whole, never what 法治政 alone found.
    for (const link of first.links)
      expect(new URL(link, page.url()).searchParams.get('hl')).toBe('法治政府');
    const last = states.at(-1)!;
    expect(last.busy).toBe('false');
    for (const link of first.links) expect(last.links).toContain(link);
    expect(errors).toEqual([]);
  });

  it('keeps the option the reader moved to when the engine answer replaces the busy list', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.server.url}reports/2023-jiading-police/`);
    const box = page.getByRole('combobox', { name: '搜索报告' });
    await box.focus();
    await page.keyboard.type('公安机');
    const listbox = page.getByRole('listbox', { name: '搜索建议' });
    await expect.poll(() => listbox.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    // Section texts come slowly from now on: the engine's answer to 公安机关 waits for one.
    await page.route('**/pagefind/fragment/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.keyboard.type('关');
    await expect.poll(() => listbox.getAttribute('aria-busy')).toBe('true');
    const options = listbox.getByRole('option');
    const chosen = await options.first().locator('a').getAttribute('href');
    expect(new URL(chosen!, page.url()).searchParams.get('hl')).toBe('公安机关');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => listbox.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    const active = listbox.locator('[role="option"][aria-selected="true"]');
    expect(await active.count()).toBe(1);
    expect(await box.getAttribute('aria-activedescendant')).toBe(await active.getAttribute('id'));
    const { hash } = new URL(chosen!, page.url());
    expect(new URL((await active.locator('a').getAttribute('href'))!, page.url()).hash).toBe(hash);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === hash);
    expect(errors).toEqual([]);
  });

  it('fetches no section texts for a query typed over before the engine could search it', async () => {
    /** The section texts (Pagefind fragments) fetched while typing `queries` one after another. */
    const textsFetched = async (queries: string[]) => {
      const { page, errors } = await openPage(site.browser);
      const fetched = new Set<string>();
      page.on('request', (request) => {
        if (request.url().includes('/pagefind/fragment/')) fetched.add(request.url());
      });
      await page.goto(`${site.server.url}reports/2023-jiading-police/`);
      // The engine arrives late, as on a slow connection: every query is typed before it is there.
      await page.route('**/pagefind/pagefind.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
      const box = page.getByRole('combobox', { name: '搜索报告' });
      await box.focus();
      for (const query of queries) await box.fill(query);
      const listbox = page.getByRole('listbox', { name: '搜索建议' });
      await expect.poll(() => listbox.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
      await page.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
      return [...fetched].sort();
    };
    const alone = await textsFetched(['营商环境']);
    expect(alone.length).toBeGreaterThan(0);
    expect(await textsFetched(['矛盾纠纷', '顽瘴痼疾', '营商环境'])).toEqual(alone);
  });

  it('waits for an input method to finish composing before it searches', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.server.url}reports/2023-jiading-police/`);
    const box = page.getByRole('combobox', { name: '搜索报告' });
    await box.focus();
    await page.waitForFunction(() => {
      const input = document.querySelector<HTMLInputElement>('#site-search');
      return input?.dataset['combobox'] === 'on';
    });
    await box.evaluate((input: HTMLInputElement) => {
      input.dispatchEvent(new CompositionEvent('compositionstart'));
      input.value = 'zhifa';
      input.dispatchEvent(new InputEvent('input', { isComposing: true, bubbles: true }));
    });
    await page.waitForTimeout(800);
    expect(await page.getByRole('listbox', { name: '搜索建议' }).isVisible()).toBe(false);
    await box.evaluate((input: HTMLInputElement) => {
      input.value = '执法';
      input.dispatchEvent(new CompositionEvent('compositionend', { data: '执法' }));
    });
    await expect
      .poll(() => page.getByRole('listbox', { name: '搜索建议' }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(errors).toEqual([]);
  });

  it("fetches the results page's stylesheet once suggestions show, before Enter needs it", async () => {
    const { page, errors } = await openPage(site.browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${site.server.url}reports/2023-jiading-police/`);
    await page.waitForLoadState('networkidle');
    const stylesheet = /\/search-site\.[\w-]+\.css$/;
    expect(requests.filter((path) => stylesheet.test(path))).toEqual([]);
    const box = page.getByRole('combobox', { name: '搜索报告' });
    await box.fill('一网通办');
    await page.getByRole('option').first().waitFor();
    await expect.poll(() => requests.filter((path) => stylesheet.test(path)).length).toBe(1);
    // The very file the results page links.
    const prefetched = requests.find((path) => stylesheet.test(path))!;
    await box.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(
      await page
        .locator('link[rel="stylesheet"]')
        .evaluateAll((links) =>
          links.map((link) => new URL((link as HTMLLinkElement).href).pathname),
        ),
    ).toEqual([prefetched]);
    expect(errors).toEqual([]);
  });

  it('still opens the full results page on Enter', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.server.url}`);
    const box = page.getByRole('combobox', { name: '搜索报告' });
    await box.fill('顽瘴痼疾');
    await box.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect((await results(page)).length).toBe(2);
    expect(errors).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { runBuild } from '../support/build.ts';
import { type StaticServer, serveDist } from '../support/server.ts';
import { useBuiltSite } from '../support/site.ts';
import { axe } from '../support/axe.ts';
import { modeContext, READER_MODES } from '../support/reader-modes.ts';

// tests/fixtures/figures: 嘉定区人民政府 2022 and 2023, 宝山区人民政府 2023, each stating
// 行政复议案件, 行政诉讼案件 and 出庭应诉率 in one paragraph (s1-1-p2).
const site = useBuiltSite();
const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'fzzf-figures-e2e-')), 'dist');
let fixture: StaticServer | undefined;
beforeAll(async () => {
  const result = runBuild(outDir, { REPORTS_DIR: 'tests/fixtures/figures' });
  expect(result.status, result.output).toBe(0);
  fixture = await serveDist(outDir);
});
afterAll(async () => {
  await fixture?.close();
  rmSync(path.dirname(outDir), { recursive: true, force: true });
});
const url = (rest: string) => `${fixture!.url}${rest}`;

/** The figure answers on the results page, as their visible lines. */
async function answers(query: string) {
  const { page, errors } = await openPage(site.browser);
  await page.goto(url(`search/?q=${encodeURIComponent(query)}`));
  await expect
    .poll(() => page.locator('[data-search-results]').getAttribute('aria-busy'), {
      timeout: 15_000,
    })
    .toBe('false');
  const lines = await page
    .locator('[data-search-figures] li')
    .evaluateAll((items) =>
      items.map((item) => item.querySelector('.search-figure-line')!.textContent),
    );
  return { page, errors, lines };
}

describe('the search answers a query that names an indicator', () => {
  it('行政复议 嘉定 2023: the one figure, before the sections, linked to its sentence', async () => {
    const { page, errors, lines } = await answers('行政复议 嘉定 2023');
    expect(lines).toEqual(['嘉定区人民政府 2023年 行政复议案件：36件']);
    const answer = page.locator('[data-search-figures]');
    expect(await answer.getAttribute('aria-label')).toBe('数据');
    // The answer comes before the section results.
    expect(
      await answer.evaluate((list) =>
        Boolean(
          list.compareDocumentPosition(document.querySelector('[data-search-results]')!) &
          Node.DOCUMENT_POSITION_FOLLOWING,
        ),
      ),
    ).toBe(true);
    expect(await answer.locator('.search-figure-excerpt').textContent()).toBe(
      '全年办理行政复议案件36件、行政诉讼案件18件…',
    );
    // Set as a result is: no list bullet, the quoted words on their own line under the value.
    const layout = await answer
      .locator('li')
      .first()
      .evaluate((item) => {
        const line = item.querySelector('.search-figure-line')!.getBoundingClientRect();
        const excerpt = item.querySelector('.search-figure-excerpt')!.getBoundingClientRect();
        return {
          bullet: getComputedStyle(item).listStyleType,
          below: excerpt.top >= line.bottom - 1,
          left: Math.abs(excerpt.left - line.left) < 1,
        };
      });
    expect(layout).toEqual({ bullet: 'none', below: true, left: true });
    const link = answer.locator('a').first();
    expect(await link.getAttribute('href')).toBe('/reports/2023-jiading-gov/#s1-1-p2');
    await link.click();
    await page.waitForURL(/\/reports\/2023-jiading-gov\/#s1-1-p2$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('s1-1-p2');
    expect(errors).toEqual([]);
  });

  it('嘉定区 行政诉讼 多少件: every year of the agency, newest first', async () => {
    const { lines, errors } = await answers('嘉定区 行政诉讼 多少件');
    expect(lines).toEqual([
      '嘉定区人民政府 2023年 行政诉讼案件：18件',
      '嘉定区人民政府 2022年 行政诉讼案件：23件',
    ]);
    expect(errors).toEqual([]);
  });

  it('出庭应诉率: every agency and year, newest first, largest first', async () => {
    const { lines, errors } = await answers('出庭应诉率');
    expect(lines).toEqual([
      '嘉定区人民政府 2023年 行政机关负责人出庭应诉率：100%',
      '宝山区人民政府 2023年 行政机关负责人出庭应诉率：96%',
      '嘉定区人民政府 2022年 行政机关负责人出庭应诉率：98.5%',
    ]);
    expect(errors).toEqual([]);
  });

  it('gives no answer for a place no agency is in, and none without an indicator', async () => {
    expect((await answers('行政复议 浦东')).lines).toEqual([]);
    expect((await answers('行政争议')).lines).toEqual([]);
  });

  it('puts the figures first in the suggestions, reachable with the arrow keys', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(url('reports/2022-jiading-gov/'));
    const box = page.getByRole('combobox', { name: '搜索报告' });
    await box.focus();
    await page.keyboard.type('行政复议 嘉定 2022');
    const listbox = page.getByRole('listbox', { name: '搜索建议' });
    await expect.poll(() => listbox.isVisible(), { timeout: 10_000 }).toBe(true);
    const first = listbox.getByRole('option').first();
    await expect
      .poll(() => first.locator('.search-figure-line').textContent(), { timeout: 10_000 })
      .toBe('嘉定区人民政府 2022年 行政复议案件：41件');
    await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/reports\/2022-jiading-gov\/#s1-1-p2$/);
    expect(errors).toEqual([]);
  });
});

describe('landing on a figure’s sentence', () => {
  it('a chart’s bar leads to the paragraph, which names the figures on focus without moving', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(url('agencies/jiading-gov/'));
    const bar = page.locator('[data-chart="figure-admin-reconsideration"] svg a').first();
    expect(await bar.textContent()).toBe('2022年：41件');
    await bar.click();
    await page.waitForURL(/\/reports\/2022-jiading-gov\/#s1-1-p2$/);
    const paragraph = page.locator('#s1-1-p2');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('s1-1-p2');
    const label = () =>
      paragraph.evaluate((p) => {
        const style = getComputedStyle(p, '::before');
        return { content: style.content, visibility: style.visibility };
      });
    expect(await label()).toEqual({
      content: '"行政复议案件：41件；行政诉讼案件：23件；行政机关负责人出庭应诉率：98.5%"',
      visibility: 'visible',
    });
    // Another paragraph's label stays hidden, and showing one moves nothing.
    const box = await paragraph.boundingBox();
    await page.locator('#s1-1-p1').hover();
    expect(await paragraph.boundingBox()).toEqual(box);
    expect(errors).toEqual([]);
  });

  it('shows the label on hover, and never in print', async () => {
    const { page } = await openPage(site.browser);
    await page.goto(url('reports/2023-baoshan-gov/'));
    const paragraph = page.locator('#s1-1-p2');
    const visibility = () => paragraph.evaluate((p) => getComputedStyle(p, '::before').visibility);
    expect(await visibility()).toBe('hidden');
    await paragraph.hover();
    expect(await visibility()).toBe('visible');
    await page.emulateMedia({ media: 'print' });
    expect(await paragraph.evaluate((p) => getComputedStyle(p, '::before').display)).toBe('none');
  });

  it('the report lists its figures, each linking to its paragraph', async () => {
    const { page } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(url('reports/2023-baoshan-gov/'));
    const list = page.getByRole('region', { name: '关键数据' });
    expect(await list.locator('li').allTextContents()).toEqual([
      '行政复议案件52件',
      '行政诉讼案件27件',
      '行政机关负责人出庭应诉率96%',
    ]);
    expect(await list.locator('a').first().getAttribute('href')).toBe('#s1-1-p2');
  });
});

describe('charts in every reading mode', () => {
  it('draw bars and numbers in system colours under forced colours', async () => {
    const { page } = await openPage(site.browser, { forcedColors: 'active' });
    await page.goto(url('years/2023/'));
    const colours = await page
      .locator('[data-chart="figure-admin-reconsideration"]')
      .evaluate((chart) => ({
        bar: getComputedStyle(chart.querySelector('svg rect')!).fill,
        value: getComputedStyle(chart.querySelector('svg tspan')!).fill,
        text: getComputedStyle(document.body).color,
      }));
    expect(colours.bar).toBe(colours.text);
    expect(colours.value).toBe(colours.text);
  });

  it('fit a 390 px screen without scrolling sideways, numbers inside the page', async () => {
    const { page } = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await page.goto(url('data/admin-reconsideration/'));
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    const rights = await page
      .locator('svg tspan')
      .evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect().right));
    for (const right of rights) expect(right).toBeLessThanOrEqual(390);
  });

  it('scroll the table of every value sideways on its own, by keyboard too', async () => {
    const { page } = await openPage(site.browser, { viewport: { width: 320, height: 700 } });
    await page.goto(url('data/admin-reconsideration/'));
    const region = page.locator('.figure-matrix');
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('aria-labelledby')).toBe(
      await region.locator('caption').getAttribute('id'),
    );
    // At the largest text size the fixture's three years overflow a 320 px screen.
    await page.evaluate(() => document.documentElement.setAttribute('data-size', 'xl'));
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(
      true,
    );
    await region.focus();
    expect(await region.evaluate((element) => element.scrollLeft)).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    // The page itself never scrolls sideways, whatever the table's width.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  });
});

// The main site's one report has no agency chart (one year only): the fixture's pages carry
// every kind of chart, the report's figure list and the paragraph labels.
const FIGURE_PAGES = [
  'agencies/jiading-gov/',
  'years/2023/',
  'data/',
  'data/court-appearance-rate/',
  'reports/2023-jiading-gov/#s1-1-p2',
];

describe.each(READER_MODES)('axe-core on the figure pages in $name mode', (mode) => {
  it.each(FIGURE_PAGES)('finds no violations on %s, at phone and desktop width', async (rest) => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      const { options, init } = modeContext(mode);
      const { page } = await openPage(site.browser, { ...options, viewport, bypassCSP: true });
      if (init) await page.context().addInitScript(init);
      await page.goto(url(rest));
      expect(
        await axe(page, mode.highContrast),
        `${rest} at ${viewport.width}px in ${mode.name}`,
      ).toEqual([]);
      await page.context().close();
    }
  });
});

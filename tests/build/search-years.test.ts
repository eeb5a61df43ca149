import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchScopeData } from '../../src/lib/search/index-contract.ts';
import { launchChromium } from '../support/browser.ts';
import { runBuild } from '../support/build.ts';
import { ROOT } from '../support/dist.ts';
import { serveDist } from '../support/server.ts';

// A site whose search index is split by year (tests/fixtures/portal: three agencies over
// 2021–2023, with the group size lowered so each year is its own index, as each year of a
// province is): each year is cached by its own records, so a change to one year's reports re-indexes
// only that year; the search answers from the newest year first and reaches the others for more.
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-search-years-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const reports = path.join(scratch, 'reports');
const out = path.join(scratch, 'dist');
const ENV = {
  REPORTS_DIR: reports,
  SITE_CONFIG: 'tests/fixtures/portal/site.yml',
  FZZF_CACHE_DIR: path.join(scratch, 'cache'),
  FZZF_INDEX_GROUP_RECORDS: '1',
};
const pagefind = (file: string) => path.join(out, 'pagefind', file);
const scope = () =>
  JSON.parse(readFileSync(path.join(out, 'search', 'scope.json'), 'utf8')) as SearchScopeData;
let first: { root: number; older: number };

beforeAll(() => {
  cpSync(path.join(ROOT, 'tests/fixtures/portal/reports'), reports, { recursive: true });
  const result = runBuild(out, ENV);
  expect(result.status, result.output).toBe(0);
  first = {
    root: statSync(pagefind('pagefind-entry.json')).ino,
    older: statSync(pagefind('years/2021/pagefind-entry.json')).ino,
  };
}, 300_000);

describe('a search index split by year', () => {
  it('writes one index per year, the newest at the root with the engine', () => {
    const indexes = scope().indexes ?? [];
    expect(indexes.map((index) => [index.path, index.years])).toEqual([
      ['', [2023]],
      ['years/2022/', [2022]],
      ['years/2021/', [2021]],
    ]);
    for (const index of indexes) {
      expect(index.records).toBeGreaterThan(0);
      const entry = JSON.parse(readFileSync(pagefind(`${index.path}pagefind-entry.json`), 'utf8'));
      expect(Object.values(entry.languages as Record<string, { hash: string }>)[0]!.hash).toBe(
        index.tag,
      );
    }
    expect(existsSync(pagefind('pagefind.js'))).toBe(true);
    expect(existsSync(pagefind('years/2021/pagefind.js'))).toBe(false);
  });

  describe('search', () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof serveDist>>;
    beforeAll(async () => {
      browser = await launchChromium();
      server = await serveDist(out);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const search = async (query: string, more: boolean) => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const errors: string[] = [];
      const requested: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      const list = page.locator('[data-search-results]');
      await expect.poll(() => list.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
      const button = page.locator('[data-search-more]');
      for (let i = 0; more && i < 20 && (await button.isVisible()); i++) {
        const shown = await list.locator('a[href]').count();
        await button.click();
        await expect.poll(() => list.locator('a[href]').count()).toBeGreaterThan(shown);
      }
      const years = (
        await list
          .locator('a[href]')
          .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
      ).map((href) => /reports\/(\d{4})-/.exec(href)?.[1]);
      await context.close();
      expect(errors).toEqual([]);
      return { years, requested };
    };

    it('answers from the newest year first and reaches every year for more', async () => {
      const { years } = await search('执法案卷评查', true);
      // Each page of results is ranked on its own, so a page that ends one year and starts the
      // next mixes the two; the newest year leads and the oldest comes last.
      expect(years[0]).toBe('2023');
      expect(years.at(-1)).toBe('2021');
      expect(new Set(years)).toEqual(new Set(['2021', '2022', '2023']));
    });

    it("searches a year's own index alone for a query naming the year", async () => {
      const { years, requested } = await search('2021年 执法案卷评查', false);
      expect(years.length).toBeGreaterThan(0);
      expect(new Set(years)).toEqual(new Set(['2021']));
      // The search page preloads the primary index's first files; the answer needs none of its
      // chunks, nor anything of another year.
      expect(requested).toContainEqual(expect.stringMatching(/^\/pagefind\/years\/2021\/index\//));
      const preloaded = new Set(scope().index!.files.map((file) => `/pagefind/${file}`));
      expect(
        requested.filter(
          (file) => /^\/pagefind\/(?:index|years\/2022)\//.test(file) && !preloaded.has(file),
        ),
      ).toEqual([]);
    });
  });

  it('indexes again only the year whose reports changed', () => {
    rmSync(path.join(reports, '2023-gamma-ecology'), { recursive: true });
    const result = runBuild(out, ENV);
    expect(result.status, result.output).toBe(0);
    expect(statSync(pagefind('pagefind-entry.json')).ino).not.toBe(first.root);
    expect(statSync(pagefind('years/2021/pagefind-entry.json')).ino).toBe(first.older);
  }, 300_000);
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  reportFileFolder,
  reportPageFolder,
  reportPagesCacheKey,
  reportPagesFirst,
  reportPageYear,
} from '../../src/lib/search/index-pages.ts';
import { ReportPageReader } from '../../src/node/report-pages.ts';

const page = (pathname: string, type = 'page', cacheKey?: string) => ({
  pathname,
  route: { type },
  ...(cacheKey ? { cacheKey } : {}),
});

describe('report pages for the search index', () => {
  it('knows a report page by its address and kind, and nothing else', () => {
    expect(reportPageFolder(page('/reports/2023-jiading/'))).toBe('2023-jiading');
    expect(reportPageFolder(page('/reports/2023-jiading'))).toBe('2023-jiading');
    expect(reportPageFolder(page('/reports/2023-jiading/s1/'))).toBeUndefined();
    expect(reportPageFolder(page('/reports/2023-jiading.json', 'endpoint'))).toBeUndefined();
    expect(reportPageFolder(page('/reports/'))).toBeUndefined();
    expect(reportPageFolder(page('/years/2023/'))).toBeUndefined();
  });

  it('knows a built report page by its file, encoded or not', () => {
    expect(reportFileFolder('reports/2023-jiading/index.html')).toBe('2023-jiading');
    expect(reportFileFolder('reports/2023-%E5%98%89%E5%AE%9A/index.html')).toBe('2023-嘉定');
    expect(reportFileFolder('reports/2023-jiading/s1/index.html')).toBeUndefined();
    expect(reportFileFolder('reports/2023-jiading.json')).toBeUndefined();
    expect(reportFileFolder('reports/%E0%A4%A/index.html')).toBeUndefined();
  });

  it('puts report pages first, each kind in its own order', () => {
    const paths = [
      page('/reports/a/s1/'),
      page('/reports/a.json', 'endpoint'),
      page('/reports/b/'),
      page('/'),
      page('/reports/a/'),
    ];
    expect(reportPagesFirst(paths).map((each) => each.pathname)).toEqual([
      '/reports/b/',
      '/reports/a/',
      '/reports/a/s1/',
      '/reports/a.json',
      '/',
    ]);
  });

  it("knows a report page's year from its cache key, and puts the newest years first", () => {
    expect(reportPagesCacheKey(2023, 'abc')).toBe('2023.abc');
    expect(reportPageYear(page('/reports/a/', 'page', reportPagesCacheKey(2023, 'abc')))).toBe(
      2023,
    );
    expect(reportPageYear(page('/reports/a/'))).toBeUndefined();
    expect(reportPageYear(page('/reports/a/', 'page', 'abc'))).toBeUndefined();
    const paths = [
      page('/reports/old/', 'page', '2021.a'),
      page('/reports/new/', 'page', '2024.b'),
      page('/reports/new/s1/', 'page', '2024.b'),
      page('/reports/mid/', 'page', '2023.c'),
      page('/reports/new2/', 'page', '2024.d'),
    ];
    expect(reportPagesFirst(paths).map((each) => each.pathname)).toEqual([
      '/reports/new/',
      '/reports/new2/',
      '/reports/mid/',
      '/reports/old/',
      '/reports/new/s1/',
    ]);
  });

  it('keeps the order when another page claims a report page address, which order decides', () => {
    const paths = [page('/reports/a/s1/'), page('/reports/a'), page('/reports/a/')];
    expect(reportPagesFirst(paths)).toEqual(paths);
  });
});

describe('reading report pages as they are written', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fzzf-report-pages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (folder: string, html: string) => {
    mkdirSync(path.join(dir, 'reports', folder), { recursive: true });
    writeFileSync(path.join(dir, 'reports', folder, 'index.html'), html);
  };
  const report = (folder: string, year: number) =>
    `<main data-search-report="${folder}" data-search-year="${year}"><section data-search-section="s1"><h2 id="s1">一、</h2><div data-search-text><p id="s1-p1">${folder}</p></div></section></main>`;

  it('reads each page only once it is announced, and gives them in folder order', async () => {
    const reader = new ReportPageReader(dir, ['b', 'a', 'c']);
    let settled = false;
    const pages = reader.pages().then((all) => {
      settled = true;
      return all;
    });
    write('b', report('b', 2023));
    reader.complete('b');
    // A page not yet announced is not read, even when a file is there (it may be half written).
    write('a', '<main data-search-report="a"');
    reader.complete('elsewhere');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    write('a', report('a', 2022));
    reader.complete('a');
    // A redirect page declares no report and is left out.
    write('c', '<p>moved</p>');
    reader.allComplete();
    expect((await pages).map((each) => [each.report.folder, each.report.year])).toEqual([
      ['a', 2022],
      ['b', 2023],
    ]);
  });

  it('leaves out a planned page that was never written', async () => {
    const reader = new ReportPageReader(dir, ['a', 'missing']);
    reader.allComplete();
    expect((await reader.pages()).map((each) => each.report.folder)).toEqual(['a']);
  });

  it('gives one page once it is announced and read, before the others', async () => {
    write('one', report('one', 2024));
    const reader = new ReportPageReader(dir, ['one', 'two']);
    let given = false;
    // Two asking for the same page before it is written both get it.
    const again = reader.page('one');
    const one = reader.page('one').then((read) => {
      given = true;
      return read;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(given).toBe(false);
    reader.complete('one');
    expect((await one)?.report.year).toBe(2024);
    expect((await again)?.report.folder).toBe('one');
    // Asked again, or after it was read: the same page; a folder not waited for has none.
    expect((await reader.page('one'))?.report.folder).toBe('one');
    expect(await reader.page('elsewhere')).toBeUndefined();
    const two = reader.page('two');
    reader.abandon(new Error('the build stopped'));
    await expect(two).rejects.toThrow('the build stopped');
  });

  it('stops waiting when the build is abandoned', async () => {
    const reader = new ReportPageReader(dir, ['never']);
    reader.abandon(new Error('the build stopped'));
    await expect(reader.pages()).rejects.toThrow('the build stopped');
  });
});

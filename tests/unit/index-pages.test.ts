import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  reportFileFolder,
  reportPageFolder,
  reportPagesFirst,
} from '../../src/lib/search/index-pages.ts';
import { ReportPageReader } from '../../src/node/report-pages.ts';

const page = (pathname: string, type = 'page') => ({ pathname, route: { type } });

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

  it('stops waiting when the build is abandoned', async () => {
    const reader = new ReportPageReader(dir, ['never']);
    reader.abandon(new Error('the build stopped'));
    await expect(reader.pages()).rejects.toThrow('the build stopped');
  });
});

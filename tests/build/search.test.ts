import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { namedReport } from '../../src/lib/search/report-sections.ts';
import { SEARCH_SCOPE } from '../../src/lib/addresses/urls.ts';
import {
  SEARCH_ATTRIBUTES as A,
  type SearchScopeData,
} from '../../src/lib/search/index-contract.ts';
import { SEARCH_INDEX_META } from '../../src/lib/search/search-page.ts';
import { extractRecords } from '../../src/node/page-records.ts';
import {
  assertBuilt,
  DIST,
  htmlFiles,
  page,
  reportFolders,
  SECTION_PAGE,
} from '../support/dist.ts';

beforeAll(() => assertBuilt());

describe('search in the built site', () => {
  it('loads no search engine file from pages other than the search page', () => {
    for (const file of htmlFiles().filter((name) => name !== 'search/index.html')) {
      const html = readFileSync(path.join(DIST, file), 'utf8');
      expect(html, file).not.toMatch(/pagefind\//);
    }
  });

  it('prepares the search page: preloads of the engine files, the index tag, synonyms and Traditional characters', () => {
    const html = readFileSync(path.join(DIST, 'search/index.html'), 'utf8');
    expect(html).not.toContain(SEARCH_INDEX_META.placeholder);
    const $ = page('search/index.html');
    expect($(`meta[name="${SEARCH_INDEX_META.name}"]`).attr('content')).toMatch(/^zh-cn_/);
    const preloads = $('link[rel="preload"][as="fetch"]')
      .toArray()
      .map((link) => $(link).attr('href') ?? '');
    expect(preloads.some((href) => /\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(href))).toBe(true);
    expect(preloads.some((href) => /\/pagefind\/pagefind-entry\.json\?ts=/.test(href))).toBe(true);
    const search = $('report-search');
    const synonyms = JSON.parse(search.attr('data-synonyms') ?? '[]') as {
      term: string;
      aliases: string[];
    }[];
    expect(synonyms).toContainEqual(expect.objectContaining({ term: '电信网络诈骗' }));
    // The Traditional characters come from the index (search/scope.json), not from content.
    expect(search.attr('data-traditional')).toBeUndefined();
    expect($('[data-search-results]').attr('aria-busy')).toBe('false');
  });

  it('writes a pinyin lexicon spelling terms of the reports, in full and by initials', () => {
    const part = (letter: string) =>
      JSON.parse(readFileSync(path.join(DIST, `search/pinyin/${letter}.json`), 'utf8')) as {
        spell: Record<string, string[]>;
        initials: Record<string, string[]>;
      };
    expect(part('y').spell['yiwangtongban']).toContain('一网通办');
    expect(part('f').spell['fangguanfu']).toContain('放管服');
    expect(part('y').initials['ywtb']).toContain('一网通办');
    // One file per first letter of the keys, so a query loads only the letters it spells.
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      const { spell, initials } = part(letter);
      for (const key of [...Object.keys(spell), ...Object.keys(initials)])
        expect(key[0], key).toBe(letter);
    }
  });

  it('keeps the no-JavaScript fallback to a link, whatever the number of reports', () => {
    const $ = page('search/index.html');
    const fallback = $('noscript').text();
    for (const folder of reportFolders()) expect(fallback).not.toContain(folder);
    expect(fallback.length).toBeLessThan(400);
  });
});

describe('the search index contract, on the built pages', () => {
  it('declares on every report page the report, each section and its own text', () => {
    for (const folder of reportFolders()) {
      const $ = page(`reports/${folder}/index.html`);
      const article = $(`[${A.report}]`);
      expect(article.attr(A.report)).toBe(folder);
      expect(article.attr(A.agency)).toMatch(/^[a-z][a-z0-9-]*$/);
      // Every section heading on the page has a declared section with the same id, holding its
      // heading; a part declares its statutory item, which its subsections share.
      for (const section of $('section[aria-labelledby]').toArray()) {
        const id = $(section).attr('aria-labelledby')!;
        expect($(section).attr(A.section), id).toBe(id);
        expect($(section).find(`#${id}`).is('h1, h2, h3, h4, h5, h6'), id).toBe(true);
        const isPart = $(section).parents(`[${A.section}]`).length === 0;
        expect(Boolean($(section).attr(A.item)), id).toBe(isPart);
      }
    }
  });

  it('leaves the declarations out of section pages, which the index does not read', () => {
    const sections = htmlFiles().filter((file) => SECTION_PAGE.test(file));
    expect(sections.length).toBeGreaterThan(0);
    for (const file of sections)
      expect(page(file)('[data-search-section], [data-search-text]'), file).toHaveLength(0);
  });

  it('reads back from the built pages every section with its paragraphs, as the index does', () => {
    for (const folder of reportFolders()) {
      const html = readFileSync(path.join(DIST, 'reports', folder, 'index.html'), 'utf8');
      const $ = page(`reports/${folder}/index.html`);
      const records = extractRecords(html)!;
      expect(records.report.folder).toBe(folder);
      const sectionIds = $('section[aria-labelledby]')
        .toArray()
        .map((s) => $(s).attr('aria-labelledby'));
      expect(records.sections.map((s) => s.id)).toEqual(['', ...sectionIds]);
      // Each paragraph of the page is in exactly one record, under its own section.
      const paragraphs = records.sections.flatMap((s) => s.paragraphs.map((p) => p.id));
      const onPage = $('.report-body p[id]')
        .toArray()
        .map((p) => $(p).attr('id'))
        .filter((id) => id && !id.startsWith('toc'));
      expect(paragraphs.sort()).toEqual(onPage.sort());
      for (const section of records.sections.filter((s) => s.id))
        for (const p of section.paragraphs) expect(p.id.startsWith(`${section.id}-p`)).toBe(true);
    }
  });

  it('writes the agencies and years the index holds, for scoped queries', () => {
    const scope = JSON.parse(
      readFileSync(path.join(DIST, SEARCH_SCOPE), 'utf8'),
    ) as SearchScopeData;
    // Characters whose Simplified form the indexed text holds (诈骗 → 詐騙), and none it lacks.
    expect(scope.traditional).toContain('詐');
    expect(scope.traditional).not.toContain('龜');
    expect(scope.agencies).toContainEqual({
      id: 'jiading-police',
      shortName: '嘉定公安分局',
      name: '上海市公安局嘉定分局',
      years: [2023],
    });
    expect(scope.years).toContain(2023);
  });

  it('leads every agency and year of the scope file to a report whose open data is published', () => {
    const scope = JSON.parse(
      readFileSync(path.join(DIST, SEARCH_SCOPE), 'utf8'),
    ) as SearchScopeData;
    for (const agency of scope.agencies)
      for (const year of agency.years ?? []) {
        const folder = namedReport(scope, { agency: agency.id, year: String(year) })!;
        const data = JSON.parse(
          readFileSync(path.join(DIST, 'reports', `${folder}.json`), 'utf8'),
        ) as { agency: { id: string }; year: number };
        expect([data.agency.id, data.year]).toEqual([agency.id, year]);
      }
  });
});

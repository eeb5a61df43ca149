import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, DIST, htmlFiles, page } from '../support/dist.ts';

beforeAll(() => assertBuilt());

describe('search in the built site', () => {
  it('loads no search engine file from pages other than the search page', () => {
    for (const file of htmlFiles().filter((name) => name !== 'search/index.html')) {
      const html = readFileSync(path.join(DIST, file), 'utf8');
      expect(html, file).not.toMatch(/pagefind\//);
    }
  });

  it('prepares the search page: preloads of the engine files, the index tag, synonyms and Traditional characters', () => {
    const $ = page('search/index.html');
    const preloads = $('link[rel="preload"][as="fetch"]')
      .toArray()
      .map((link) => $(link).attr('href') ?? '');
    expect(preloads.some((href) => /\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(href))).toBe(true);
    expect(preloads.some((href) => /\/pagefind\/pagefind-entry\.json\?ts=/.test(href))).toBe(true);
    const search = $('report-search');
    expect(search.attr('data-index-tag')).toMatch(/^zh-cn_/);
    const synonyms = JSON.parse(search.attr('data-synonyms') ?? '[]') as {
      term: string;
      aliases: string[];
    }[];
    expect(synonyms).toContainEqual(expect.objectContaining({ term: '电信网络诈骗' }));
    expect(search.attr('data-traditional')).toContain('詐');
    expect($('[data-search-results]').attr('aria-busy')).toBe('false');
  });

  it('writes a pinyin lexicon spelling terms of the reports', () => {
    const lexicon = JSON.parse(
      readFileSync(path.join(DIST, 'search/pinyin.json'), 'utf8'),
    ) as Record<string, string[]>;
    expect(lexicon['yiwangtongban']).toContain('一网通办');
    expect(lexicon['fangguanfu']).toContain('放管服');
  });
});

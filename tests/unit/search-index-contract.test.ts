import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PREAMBLE_ATTRIBUTES,
  reportAttributes,
  SEARCH_ATTRIBUTES,
  sectionAttributes,
  TEXT_ATTRIBUTES,
} from '../../src/lib/search/index-contract.ts';
import { parseOffsets } from '../../src/lib/search/rank.ts';
import { extractRecords, recordContent, searchRecords } from '../../src/node/page-records.ts';
import { cachedPinyinLexicon } from '../../src/node/pinyin-lexicon.ts';
import { scratchDir } from '../support/scratch.ts';

/** Attributes as a component renders them (Astro escapes values the same way). */
const attrs = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(
      ([name, value]) => ` ${name}="${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`,
    )
    .join('');

const REPORT = {
  folder: '2021-minhang-police',
  year: 2021,
  agency: { id: 'minhang-police', shortName: '闵行公安分局', name: '上海市公安局闵行分局' },
  title: '闵行公安分局2021年法治政府建设情况',
};

/** A report page marked up the way the components mark it, classes deliberately unusual. */
const PAGE = `<!doctype html><html><body><main><article class="x"${attrs(reportAttributes(REPORT))}>
  <h1>标题</h1><nav><p id="toc-p1">目录里的段落不算。</p></nav>
  <div class="y"${attrs(PREAMBLE_ATTRIBUTES)}><p id="intro-p1">引言，<strong>加粗</strong>&amp;实体。<a href="#intro-p1"></a></p></div>
  <section${attrs(sectionAttributes({ id: 's1', item: '主要举措和成效' }, true))}>
    <div><h2 id="s1">一、成效</h2><a href="#s1">#</a></div>
    <div${attrs(TEXT_ATTRIBUTES)}><p id="s1-p1">总述。<br>换行</p></div>
    <section${attrs(sectionAttributes({ id: 's1-1', item: '主要举措和成效' }, false))}>
      <h3 id="s1-1">（一）“小节”</h3>
      <div${attrs(TEXT_ATTRIBUTES)}><p id="s1-1-p1">第一段。</p><p id="s1-1-p2">第二段。</p><img src="x.png" alt=""></div>
    </section>
  </section>
  <section${attrs(sectionAttributes({ id: 's2', item: '存在的不足和原因' }, true))}>
    <h2 id="s2">二、不足</h2>
  </section>
</article></main></body></html>`;

describe('the search index contract', () => {
  it('reads back from a page what the components declared, each section with its own paragraphs only', () => {
    const records = extractRecords(PAGE)!;
    expect(records.report).toEqual(REPORT);
    expect(records.sections).toEqual([
      {
        id: '',
        heading: '',
        part: '',
        item: undefined,
        paragraphs: [{ id: 'intro-p1', text: '引言，加粗&实体。' }],
      },
      {
        id: 's1',
        heading: '一、成效',
        part: '',
        item: '主要举措和成效',
        paragraphs: [{ id: 's1-p1', text: '总述。换行' }],
      },
      {
        id: 's1-1',
        heading: '（一）“小节”',
        part: '一、成效',
        item: '主要举措和成效',
        paragraphs: [
          { id: 's1-1-p1', text: '第一段。' },
          { id: 's1-1-p2', text: '第二段。' },
        ],
      },
      { id: 's2', heading: '二、不足', part: '', item: '存在的不足和原因', paragraphs: [] },
    ]);
  });

  it('numbers records in the order the page shows them, whatever the section ids look like', () => {
    const section = (id: string) =>
      `<section${attrs(sectionAttributes({ id, item: '其他' }, true))}><div${attrs(TEXT_ATTRIBUTES)}><p id="${id}-p1">${id}。</p></div></section>`;
    const page = `<article${attrs(reportAttributes(REPORT))}><div${attrs(PREAMBLE_ATTRIBUTES)}><p id="intro-p1">引言。</p></div>${['overview', 's10', 's2', 'next-steps'].map(section).join('')}</article>`;
    const records = searchRecords(extractRecords(page)!);
    expect(records.map((record) => [record.meta.section, record.meta.order])).toEqual([
      ['', '0'],
      ['overview', '1'],
      ['s10', '2'],
      ['s2', '3'],
      ['next-steps', '4'],
    ]);
    expect(records[1]!.url).toBe('/reports/2021-minhang-police/#overview');
    expect(records[0]!.url).toBe('/reports/2021-minhang-police/#intro-p1');
  });

  it('ignores a page that declares no report', () => {
    expect(extractRecords('<html><body><p id="x-p1">跳转</p></body></html>')).toBeUndefined();
  });

  it('names every attribute with the data-search- prefix, so no two features share one', () => {
    for (const name of Object.values(SEARCH_ATTRIBUTES)) expect(name).toMatch(/^data-search-/);
  });

  it('notes where each paragraph starts in a record, so a result can land on it', () => {
    const section = extractRecords(PAGE)!.sections[2]!;
    const { content, offsets } = recordContent(section);
    const starts = parseOffsets(offsets);
    expect(starts.map((p) => content.slice(p.start, p.start + 3))).toEqual(['第一段', '第二段']);
  });
});

describe('the pinyin lexicon cache', () => {
  it('reuses a lexicon only for the same texts', async () => {
    const dir = scratchDir('fzzf-cache-');
    const first = await cachedPinyinLexicon(['一网通办，一网通办。'], dir);
    expect(first.cached).toBe(false);
    expect(first.lexicon.spell['yiwangtongban']).toEqual(['一网通办']);
    expect(first.lexicon.initials['ywtb']).toEqual(['一网通办']);
    const again = await cachedPinyinLexicon(['一网通办，一网通办。'], dir);
    expect(again).toEqual({ lexicon: first.lexicon, cached: true });
    const changed = await cachedPinyinLexicon(['放管服，放管服。'], dir);
    expect(changed.cached).toBe(false);
    expect(changed.lexicon.spell['yiwangtongban']).toBeUndefined();
    // Only the newest entry is kept.
    expect(readdirSync(dir)).toHaveLength(1);
  });
});

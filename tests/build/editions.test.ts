import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CheerioAPI, load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../support/build.ts';
import { htmlFiles, ROOT } from '../support/dist.ts';
import { paragraphCitation } from '../../src/lib/portal/open-data.ts';
import {
  CITED_PARAGRAPH,
  CORRECTED_REPORT,
  correctedFixture,
  FIRST_CORRECTION,
  INSERTED_TEXT,
  REMOVED_PARAGRAPH,
  SECOND_CORRECTION,
  withdrawnFixture,
} from '../support/editions.ts';

// One build of two fixtures side by side: the valid report corrected twice (the cited paragraph
// reworded, then a paragraph inserted before it and the one before that removed), and the
// portal's nine reports with one withdrawn.
const SITE = 'http://localhost:4321/';
const WITHDRAWN = '2022-beta-market';
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-editions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let dist: string;
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
const cache = new Map<string, CheerioAPI>();
const open = (file: string): CheerioAPI => {
  if (!cache.has(file)) cache.set(file, load(read(file)));
  return cache.get(file)!;
};
const report = `reports/${CORRECTED_REPORT}`;
const text = ($: CheerioAPI, selector: string) =>
  $(selector).first().text().replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  const reports = await correctedFixture(path.join(scratch, 'corrected'));
  const portal = await withdrawnFixture(path.join(scratch, 'withdrawn'), WITHDRAWN);
  cpSync(portal, reports, { recursive: true });
  const result = runBuild(path.join(scratch, 'dist'), {
    REPORTS_DIR: path.relative(ROOT, reports),
  });
  expect(result.status, result.output).toBe(0);
  dist = result.outDir;
}, 300_000);

describe('a corrected report', () => {
  it('says so at the top, with the date, the note and a link to its 修订记录', () => {
    const $ = open(`${report}/index.html`);
    const notice = $('.report-header .edition-notice');
    expect(notice.text()).toContain('本报告于2025年3月1日更正');
    expect(notice.text()).toContain(SECOND_CORRECTION.note);
    expect(notice.find('a').attr('href')).toBe(`/${report}/editions/`);
    expect(text(open(`${report}/s1-1/index.html`), '.edition-notice')).toContain(
      '本报告于2025年3月1日更正',
    );
  });

  it('keeps every paragraph id: the cited one after the inserted paragraph, and a note with its wording before', () => {
    const $ = open(`${report}/index.html`);
    const ids = $('#s1-1')
      .closest('section')
      .find('.report-text > p[id]')
      .toArray()
      .map((p) => $(p).attr('id'));
    expect(ids).toEqual(['s1-1-p3', CITED_PARAGRAPH]);
    expect($(`#${CITED_PARAGRAPH}`).text()).toBe('第二段，已更正。');
    const note = $(`#${CITED_PARAGRAPH}`).next('details.paragraph-history');
    expect(note.find('summary').text()).toBe('此段已于2025年2月10日更正');
    expect(note.find('.paragraph-before').text()).toBe('2025年2月10日更正前：第二段。');
    expect($('#s1-1-p3').text()).toBe(INSERTED_TEXT);
  });

  it('keeps a removed paragraph’s id, linking to the last edition that had it', () => {
    const $ = open(`${report}/index.html`);
    const removed = $(`#${REMOVED_PARAGRAPH}`);
    expect(removed.hasClass('paragraph-removed')).toBe(true);
    expect(removed.text()).toContain('此段已于2025年3月1日删去');
    const href = removed.find('a').attr('href')!;
    expect(href).toBe(`/${report}/editions/2/#${REMOVED_PARAGRAPH}`);
    const $old = open(`${report}/editions/2/index.html`);
    expect($old(`#${REMOVED_PARAGRAPH}`).text()).toBe('第一段。');
  });

  it('lists every edition in its 修订记录, newest first, each readable at its own address', () => {
    const $ = open(`${report}/editions/index.html`);
    const items = $('.edition-history > li')
      .toArray()
      .map(
        (li) =>
          `${$(li).find('time').text()} ${$(li).find('strong').text().replace(/\s+/g, ' ').trim()}`,
      );
    expect(items).toEqual([
      '2025年3月1日 第 3 版 · 更正 · 现行版本',
      '2025年2月10日 第 2 版 · 更正',
      '2025年2月1日 第 1 版 · 首次发布',
    ]);
    expect($('.edition-history').text()).toContain(FIRST_CORRECTION.note);
    const links = $('.edition-history a')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(links).toEqual([
      `/${report}/`,
      `/${report}/compare/2-3/`,
      `/${report}/editions/2/`,
      `/${report}/compare/1-2/`,
      `/${report}/editions/1/`,
    ]);
    for (const href of links)
      expect(existsSync(path.join(dist, href!, 'index.html')), href).toBe(true);
  });

  it('shows an earlier edition as it read, marked, linked to the current one, and out of the search index', () => {
    const $ = open(`${report}/editions/1/index.html`);
    expect(text($, '.edition-notice.is-earlier')).toContain(
      '这是本报告的第 1 版（2025年2月1日），不是现行版本。',
    );
    expect($('.edition-notice.is-earlier a').first().attr('href')).toBe(`/${report}/`);
    expect($('#s1-1-p1').text()).toBe('第一段。');
    expect($('#s1-1-p2').text()).toBe('第二段。');
    expect($('[data-search-report], [data-search-section], [data-search-text]').length).toBe(0);
    const $section = open(`${report}/editions/1/s1-1/index.html`);
    expect($section('#s1-1-p2').text()).toBe('第二段。');
    expect($section('.edition-notice.is-earlier a').first().attr('href')).toBe(`/${report}/s1-1/`);
    expect($section('link[rel="canonical"]').attr('href')).toBe(
      `${SITE}${report}/editions/1/s1-1/`,
    );
  });

  it('compares two editions side by side, marking the changed characters, each with its permalink', () => {
    const $ = open(`${report}/compare/1-3/index.html`);
    const row = $(`#change-${CITED_PARAGRAPH}`);
    expect(row.find('del').length).toBe(0);
    expect(row.find('ins').text()).toBe('，已更正');
    expect(
      row
        .find('a')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual([`/${report}/editions/1/#${CITED_PARAGRAPH}`, `/${report}/#${CITED_PARAGRAPH}`]);
    expect($(`#change-${REMOVED_PARAGRAPH} del`).text()).toBe('第一段。');
  });

  it('publishes its editions and citations naming the edition in the report JSON', () => {
    const json = JSON.parse(read(`${report}.json`)) as {
      editions: { edition: number; date: string; note: string; url: string }[];
      url: string;
      citation: string;
      preamble: { id: string; text: string }[];
      sections: {
        id: string;
        url: string;
        citation: string;
        paragraphs: { id: string; text: string }[];
      }[];
    };
    expect(json.editions.map((each) => [each.edition, each.date, each.url])).toEqual([
      [1, '2025-02-01', `${SITE}${report}/editions/1/`],
      [2, '2025-02-10', `${SITE}${report}/editions/2/`],
      [3, '2025-03-01', `${SITE}${report}/`],
    ]);
    const section = json.sections.find((each) => each.id === 's1-1')!;
    expect(section.paragraphs.map((p) => p.id)).toEqual(['s1-1-p3', CITED_PARAGRAPH]);
    expect(paragraphCitation(json, section.paragraphs[1]!.id)).toMatch(
      new RegExp(
        `^测试市测试局\\. 测试局2024年法治政府建设情况：（一）第一项举措\\[EB/OL\\]\\. 3版\\. \\(2025-03-01\\)\\[\\d{4}-\\d{2}-\\d{2}\\]\\. ${SITE}${report}/#${CITED_PARAGRAPH}$`,
      ),
    );
    expect(section.citation).toContain('（一）第一项举措[EB/OL]. 3版.');
  });
});

describe('a withdrawn report', () => {
  it('stays at its address as a notice with the date and reason, the last edition below', () => {
    const $ = open(`reports/${WITHDRAWN}/index.html`);
    const notice = text($, '.edition-notice.is-withdrawn');
    expect(notice).toContain('已撤回');
    expect(notice).toContain('本报告已于2025年6月1日撤回');
    expect(notice).toContain('报告数据有误，待核实后重新发布');
    expect($('.report-body p[id]').length).toBeGreaterThan(0);
    expect(existsSync(path.join(dist, 'reports', WITHDRAWN, 's1', 'index.html'))).toBe(true);
  });

  it('leaves the home list, the year and agency pages, the search index and the sitemap', () => {
    expect(read('index.html')).not.toContain(WITHDRAWN);
    expect(read('years/2022/index.html')).not.toContain(WITHDRAWN);
    expect(read('agencies/beta-market/index.html')).not.toContain(WITHDRAWN);
    expect(
      open(`reports/${WITHDRAWN}/index.html`)('[data-search-report], [data-search-section]').length,
    ).toBe(0);
    expect(read('sitemap.xml')).not.toContain(WITHDRAWN);
  });
});

describe('machines', () => {
  const xml = new XMLParser({ ignoreAttributes: false });

  it('dates a corrected report’s sitemap entries by its latest edition, and leaves earlier editions out', () => {
    const urls = (
      xml.parse(read('sitemap.xml')) as { urlset: { url: { loc: string; lastmod?: string }[] } }
    ).urlset.url;
    const entry = urls.find((url) => url.loc === `${SITE}${report}/`);
    expect(entry?.lastmod).toBe('2025-03-01');
    expect(urls.find((url) => url.loc === `${SITE}${report}/s1-1/`)?.lastmod).toBe('2025-03-01');
    expect(
      urls.some((url) => url.loc.includes('/editions/') || url.loc.includes('/compare/')),
    ).toBe(false);
  });

  it('adds a feed entry for each correction and the withdrawal, with its date and note', () => {
    type Text = string | { '#text': string };
    const feed = xml.parse(read('feed.xml')) as {
      feed: { entry: { title: Text; id: string; updated: string; summary?: Text }[] };
    };
    const str = (value: Text | undefined) =>
      typeof value === 'object' ? value['#text'] : (value ?? '');
    const summary = (entry: { summary?: Text }) => str(entry.summary);
    const corrections = feed.feed.entry.filter((entry) => str(entry.title).startsWith('更正：'));
    expect(
      corrections.map((entry) => [entry.id, entry.updated.slice(0, 10), summary(entry)]),
    ).toEqual([
      // Newest first, as every entry of the feed.
      [
        `${SITE}${report}/editions/#edition-3`,
        '2025-02-28',
        `2025年3月1日：${SECOND_CORRECTION.note}`,
      ],
      [
        `${SITE}${report}/editions/#edition-2`,
        '2025-02-09',
        `2025年2月10日：${FIRST_CORRECTION.note}`,
      ],
    ]);
    const withdrawal = feed.feed.entry.find((entry) => str(entry.title).startsWith('撤回：'))!;
    expect(summary(withdrawal)).toBe('2025年6月1日：报告数据有误，待核实后重新发布');
    const main = feed.feed.entry.find((entry) => entry.id === `${SITE}${report}/`)!;
    expect(main.updated.slice(0, 10)).toBe('2025-02-28');
  });

  it('lists every publication, correction and withdrawal in changes.json, newest first', () => {
    const { changes } = JSON.parse(read('changes.json')) as {
      changes: {
        date: string;
        kind: string;
        report: string;
        edition?: number;
        note: string;
        url: string;
      }[];
    };
    expect(changes.slice(0, 3).map((change) => [change.date, change.kind, change.report])).toEqual([
      ['2025-06-01', 'withdrawal', WITHDRAWN],
      ['2025-03-01', 'correction', CORRECTED_REPORT],
      ['2025-02-10', 'correction', CORRECTED_REPORT],
    ]);
    expect(changes.filter((change) => change.kind === 'publication')).toHaveLength(10);
    const dates = changes.map((change) => change.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(changes[1]!.url).toBe(`${SITE}${report}/editions/`);
  });
});

describe('edition pages', () => {
  it('are valid HTML by the Nu Html Checker', () => {
    const files = htmlFiles(dist)
      .filter((file) => /\/(editions|compare)\//.test(file) || file.startsWith(`${report}/`))
      .map((file) => path.join(dist, file));
    expect(files.length).toBeGreaterThan(8);
    const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const run = spawnSync(
      process.env['JAVA'] ?? 'java',
      ['-jar', jar, '--errors-only', '--format', 'json', ...files],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const messages = (
      JSON.parse(run.stderr) as { messages: { type: string; url: string; message: string }[] }
    ).messages;
    expect(
      messages.map(
        (message) => `${path.relative(dist, new URL(message.url).pathname)}: ${message.message}`,
      ),
    ).toEqual([]);
  }, 120_000);
});

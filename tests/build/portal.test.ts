import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { type CheerioAPI, load } from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../support/build.ts';
import { htmlFiles, SECTION_PAGE } from '../support/dist.ts';
import { sentences } from '../support/text.ts';
import { paragraphCitation, paragraphUrl } from '../../src/lib/portal/open-data.ts';

// Three agencies over three years (tests/fixtures/portal): beta-market's 2022 report came out
// after 1 April, gamma-ecology's 2023 report has no part on 存在的不足和原因, and alpha-justice's
// 2023 report names a 来源. The site lives under a sub-path, with every identity field set.
const SITE = 'https://www.example.gov.cn/fzzf/';
const FOLDERS = ['alpha-justice', 'beta-market', 'gamma-ecology'].flatMap((agency) =>
  [2021, 2022, 2023].map((year) => `${year}-${agency}`),
);
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-portal-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let dist: string;
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
const cache = new Map<string, CheerioAPI>();
const open = (file: string): CheerioAPI => {
  if (!cache.has(file)) cache.set(file, load(read(file)));
  return cache.get(file)!;
};
/** The built file an absolute URL under SITE points at. */
const fileOf = (url: string) => {
  expect(url.startsWith(SITE), url).toBe(true);
  const rest = new URL(url).pathname.slice(new URL(SITE).pathname.length);
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
};
const exists = (url: string) => existsSync(path.join(dist, fileOf(url)));
const abs = (href: string) => new URL(href, SITE).href;
const reportPages = () =>
  htmlFiles(dist).filter((file) => /^reports\/[^/]+\/index\.html$/.test(file));
const sectionPages = () => htmlFiles(dist).filter((file) => SECTION_PAGE.test(file));

beforeAll(() => {
  const result = runBuild(path.join(scratch, 'dist'), {
    REPORTS_DIR: 'tests/fixtures/portal/reports',
    SITE_CONFIG: 'tests/fixtures/portal/site.yml',
    SITE_URL: SITE,
  });
  expect(result.status, result.output).toBe(0);
  dist = result.outDir;
});

describe('agency pages', () => {
  it('list every report of the agency, newest first, each linking to its page', () => {
    const $ = open('agencies/alpha-justice/index.html');
    const listed = $('.agency-reports [data-report]')
      .toArray()
      .map((li) => $(li).attr('data-report'));
    expect(listed).toEqual(['2023-alpha-justice', '2022-alpha-justice', '2021-alpha-justice']);
    for (const href of $('.agency-reports a')
      .toArray()
      .map((a) => $(a).attr('href')!))
      expect(exists(abs(href)), href).toBe(true);
  });

  it('put the matching parts of every year side by side under each statutory item, linking to each section', () => {
    const $ = open('agencies/gamma-ecology/index.html');
    const row = (item: string) => $(`.compare-item[data-item="${item}"]`);
    expect(row('主要举措和成效').find('.compare-year')).toHaveLength(3);
    const shortcomings = row('存在的不足和原因').find('.compare-year');
    expect(shortcomings.toArray().map((li) => $(li).attr('data-report'))).toEqual([
      '2023-gamma-ecology',
      '2022-gamma-ecology',
      '2021-gamma-ecology',
    ]);
    expect(shortcomings.first().find('.compare-none').text()).toContain('未单列此项');
    const links = shortcomings.find('.compare-parts a');
    expect(links).toHaveLength(2);
    expect(links.first().attr('href')).toBe('/fzzf/reports/2022-gamma-ecology/s2/');
    for (const a of $('.compare-parts a').toArray())
      expect(exists(abs($(a).attr('href')!)), $(a).attr('href')).toBe(true);
    // No report covers 第一责任人职责 here: the item is left out rather than shown empty.
    expect(row('第一责任人职责')).toHaveLength(0);
    expect(open('agencies/alpha-justice/index.html')('[data-item="第一责任人职责"]')).toHaveLength(
      1,
    );
  });

  it('carry headings only, never the reports’ full text', () => {
    expect(read('agencies/alpha-justice/index.html')).not.toContain('修订内部规范性文件三件');
  });
});

describe('year pages', () => {
  it('list every agency’s report of the year with its publication date and the items it covers', () => {
    const $ = open('years/2023/index.html');
    const rows = $('.year-reports > li');
    // Agencies in the pinyin order of their names: 丙 bing, 甲 jia, 乙 yi.
    expect(rows.toArray().map((tr) => $(tr).attr('data-report'))).toEqual([
      '2023-gamma-ecology',
      '2023-alpha-justice',
      '2023-beta-market',
    ]);
    const gamma = $('li[data-report="2023-gamma-ecology"]');
    expect(gamma.find('time').attr('datetime')).toBe('2024-03-20');
    expect(
      gamma
        .find('[data-item]')
        .toArray()
        .map((li) => $(li).text()),
    ).toEqual(['主要举措和成效', '下一年度主要安排']);
    expect(gamma.find('[data-missing]').attr('data-missing')).toBe(
      '存在的不足和原因,第一责任人职责,其他',
    );
  });

  it('state that a report came out after the deadline, and say nothing of the others', () => {
    const $ = open('years/2022/index.html');
    expect($('li[data-report="2022-beta-market"] [data-on-time="false"]').text()).toBe(
      '（在公开时限之后）',
    );
    expect($('li[data-report="2022-alpha-justice"] [data-on-time]')).toHaveLength(0);
  });
});

describe('report pages', () => {
  it('link to the same agency’s previous and next year, and to its agency page', () => {
    const links = (folder: string) => {
      const $ = open(`reports/${folder}/index.html`);
      return {
        prev: $('.year-nav a[rel="prev"]').attr('href'),
        next: $('.year-nav a[rel="next"]').attr('href'),
        agency: $('.year-nav .year-nav-agency').attr('href'),
      };
    };
    expect(links('2022-beta-market')).toEqual({
      prev: '/fzzf/reports/2021-beta-market/',
      next: '/fzzf/reports/2023-beta-market/',
      agency: '/fzzf/agencies/beta-market/',
    });
    expect(links('2021-beta-market').prev).toBeUndefined();
    expect(links('2023-beta-market').next).toBeUndefined();
    const $ = open('reports/2023-beta-market/index.html');
    expect($('.report-meta a').first().attr('href')).toBe('/fzzf/agencies/beta-market/');
  });

  it('state the statutory facts: the deadline, the date, and the part covering each item', () => {
    const late = open('reports/2022-beta-market/index.html')('.statutory-facts');
    expect(late.find('summary').text()).toContain('在公开时限之后');
    expect(late.text()).toContain('2023年4月1日前');
    expect(late.text()).toContain('2023年4月15日');
    const $ = open('reports/2023-gamma-ecology/index.html');
    const facts = $('.statutory-facts');
    expect(facts.find('summary').text()).toContain('在公开时限之前');
    expect(facts.find('summary').text()).toContain('涵盖 2/5 项');
    const items = facts
      .find('li')
      .toArray()
      .map((li) => $(li).text().replace(/\s+/g, ''));
    expect(items).toEqual([
      '主要举措和成效：一、2023年主要举措和成效',
      '存在的不足和原因：未单列部分',
      '第一责任人职责：未单列部分',
      '下一年度主要安排：二、2024年工作安排',
      '其他：未单列部分',
    ]);
    const rule = facts.find('a').last().attr('href')!;
    expect(rule).toBe('/fzzf/about/statutory/');
    const ruleText = open('about/statutory/index.html')('.rule-text').text();
    expect(ruleText).toContain('4月1日');
    expect(ruleText).toContain('存在的不足和原因');
  });

  it('show 来源 when the report names one, and only then', () => {
    const meta = (folder: string) => open(`reports/${folder}/index.html`)('.report-meta').text();
    expect(meta('2023-alpha-justice')).toContain('来源');
    expect(meta('2023-alpha-justice')).toContain('甲区人民政府办公室');
    expect(meta('2022-alpha-justice')).not.toContain('来源');
  });

  it('offer the text, Markdown and JSON copies, each of which exists', () => {
    const $ = open('reports/2022-alpha-justice/index.html');
    const hrefs = $('.report-downloads a')
      .toArray()
      .map((a) => $(a).attr('href')!);
    expect(hrefs).toEqual([
      '/fzzf/reports/2022-alpha-justice.txt',
      '/fzzf/reports/2022-alpha-justice.md',
      '/fzzf/reports/2022-alpha-justice.json',
    ]);
    for (const href of hrefs) expect(exists(abs(href)), href).toBe(true);
  });
});

describe('government site conventions', () => {
  it('give every report and section page the 政府网站 meta tags from content and config', () => {
    for (const file of [...reportPages(), ...sectionPages()]) {
      const $ = open(file);
      const meta = (name: string) => $(`meta[name="${name}"]`).attr('content');
      expect(meta('SiteName'), file).toBe('示例区法治政府建设年度报告');
      expect(meta('SiteDomain'), file).toBe('www.example.gov.cn');
      expect(meta('SiteIDCode'), file).toBe('3101990001');
      expect(meta('ColumnName'), file).toBe('法治政府建设年度报告');
      expect(meta('ColumnType'), file).toBe('政务公开');
      expect(meta('ArticleTitle'), file).toBe(
        $('title')
          .text()
          .replace(/ - [^-]+$/, ''),
      );
      expect(meta('PubDate'), file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(meta('Keywords'), file).toContain('法治政府建设');
      // One tag serves both: meta names are case-insensitive, and a copy would only add bytes.
      expect($('meta[name="description" i]'), file).toHaveLength(1);
      expect(meta('Description')!.length, file).toBeGreaterThan(10);
      expect(meta('Url'), file).toBe($('link[rel="canonical"]').attr('href'));
      const folder = file.split('/')[1]!;
      expect(meta('ContentSource'), file).toBe(
        folder === '2023-alpha-justice'
          ? '甲区人民政府办公室'
          : $('.report-meta dd a').first().text(),
      );
    }
  });

  it('show 当前位置 on every page, each crumb but the last a working link', () => {
    for (const file of htmlFiles(dist).filter((name) => name !== '404.html')) {
      const $ = open(file);
      const crumbs = $('nav.breadcrumb li');
      expect(crumbs.length, file).toBeGreaterThan(0);
      expect(crumbs.last().find('a'), file).toHaveLength(0);
      for (const a of crumbs.find('a').toArray())
        expect(exists(abs($(a).attr('href')!)), `${file} ${$(a).attr('href')}`).toBe(true);
    }
    const $ = open('reports/2022-alpha-justice/s1-2/index.html');
    expect(
      $('nav.breadcrumb li')
        .toArray()
        .map((li) => $(li).text().trim()),
    ).toEqual(['首页', '2022年度', '甲区司法局2022年法治政府建设情况', '（二）规范执法行为']);
  });

  it('show the configured identity lines in the footer and a 纠错 link carrying the page', () => {
    const $ = open('reports/2022-alpha-justice/s1-2/index.html');
    const footer = $('.site-footer').text();
    for (const line of [
      '主办单位：示例区人民政府',
      '承办单位：示例区司法局',
      '网站标识码：3101990001',
    ])
      expect(footer).toContain(line);
    expect(footer).toContain('沪ICP备00000000号');
    expect($('.footer-links a').attr('href')).toBe('https://www.gov.cn/');
    const feedback = new URL($('.footer-feedback').attr('href')!);
    expect(feedback.origin + feedback.pathname).toBe('https://www.example.gov.cn/jiucuo/');
    expect(feedback.searchParams.get('url')).toBe(`${SITE}reports/2022-alpha-justice/s1-2/`);
    expect(feedback.searchParams.get('title')).toContain('规范执法行为');
    expect(feedback.searchParams.get('section')).toBe('s1-2');
    const home = new URL(open('index.html')('.footer-feedback').attr('href')!);
    expect(home.searchParams.get('url')).toBe(SITE);
    expect(home.searchParams.has('section')).toBe(false);
  });

  it('show the latest year’s reports on the home page with an index by year and by agency', () => {
    const $ = open('index.html');
    expect($('.report-list .report-link')).toHaveLength(3);
    expect($('.report-year h2').text()).toBe('2023年度');
    const index = (id: string) =>
      $(`[aria-labelledby="${id}"] a`)
        .toArray()
        .map((a) => $(a).attr('href'));
    expect(index('home-by-year')).toEqual([
      '/fzzf/years/2023/',
      '/fzzf/years/2022/',
      '/fzzf/years/2021/',
    ]);
    expect(index('home-by-agency')).toHaveLength(3);
    for (const href of [...index('home-by-year'), ...index('home-by-agency')])
      expect(exists(abs(href!)), href).toBe(true);
  });
});

describe('open data', () => {
  const schema = () => JSON.parse(read('schemas/report-v2.json'));

  it('publishes a JSON copy of every report that validates against the published schema', () => {
    const ajv = new Ajv2020({ strict: false });
    // The schema marks URLs with format "uri"; an absolute URL is what a reader can follow.
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    const validate = ajv.compile(schema());
    expect(schema().$id).toBe(`${SITE}schemas/report-v2.json`);
    // Version 1 stays published for the copies that name it.
    expect(JSON.parse(read('schemas/report-v1.json')).$id).toBe(`${SITE}schemas/report-v1.json`);
    for (const folder of FOLDERS) {
      const document = JSON.parse(read(`reports/${folder}.json`));
      expect(validate(document), `${folder}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(document.$schema).toBe(schema().$id);
      expect(document.url).toBe(`${SITE}reports/${folder}/`);
    }
  });

  it('gives each paragraph the text, id and URL it has on the page, sentence by sentence', () => {
    for (const folder of FOLDERS) {
      const document = JSON.parse(read(`reports/${folder}.json`));
      const $ = open(`reports/${folder}/index.html`);
      const paragraphs = [
        ...document.preamble,
        ...document.sections.flatMap((section: { paragraphs: unknown[] }) => section.paragraphs),
      ] as { id: string; text: string }[];
      const onPage = $('.report-body p[id]')
        .toArray()
        .map((p) => ({ id: $(p).attr('id')!, text: $(p).text() }));
      expect(paragraphs.map((p) => p.id)).toEqual(onPage.map((p) => p.id));
      paragraphs.forEach((paragraph, i) => {
        expect(sentences(paragraph.text)).toEqual(sentences(onPage[i]!.text));
        expect(paragraphUrl(document, paragraph.id)).toBe(
          `${SITE}reports/${folder}/#${paragraph.id}`,
        );
        expect(paragraphCitation(document, paragraph.id)).toMatch(
          new RegExp(`\\[EB/OL\\]\\..*\\. ${SITE}reports/${folder}/#${paragraph.id}$`),
        );
      });
      for (const section of document.sections as {
        id: string;
        heading: string;
        pageUrl: string;
      }[]) {
        expect($(`[id="${section.id}"]`).text()).toBe(section.heading);
        expect(exists(section.pageUrl), section.pageUrl).toBe(true);
      }
    }
  });

  it('publishes the text and Markdown copies with the page’s wording', () => {
    const document = JSON.parse(read('reports/2023-alpha-justice.json'));
    const text = read('reports/2023-alpha-justice.txt');
    const markdown = read('reports/2023-alpha-justice.md');
    expect(text.startsWith('甲区司法局2023年法治政府建设情况\n')).toBe(true);
    expect(markdown.startsWith('# 甲区司法局2023年法治政府建设情况\n')).toBe(true);
    expect(text).toContain('来源：甲区人民政府办公室');
    for (const section of document.sections) {
      expect(text).toContain(section.heading);
      expect(markdown).toContain(`${section.level === 2 ? '##' : '###'} ${section.heading}`);
      for (const paragraph of section.paragraphs) expect(text).toContain(paragraph.text);
    }
  });

  it('publishes a well-formed Atom feed, newest first, one entry per report, with absolute URLs', () => {
    const xml = read('feed.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const field of ['id', 'title', 'updated']) expect(feed[field], field).toBeTruthy();
    const entries = feed.entry as Record<string, unknown>[];
    expect(entries).toHaveLength(FOLDERS.length);
    const published = entries.map((entry) => String(entry['published']));
    expect(published).toEqual([...published].sort().reverse());
    for (const entry of entries) {
      for (const field of ['id', 'title', 'updated', 'summary'])
        expect(entry[field], field).toBeTruthy();
      const link = (entry['link'] as Record<string, string>)['@_href']!;
      expect(entry['id']).toBe(link);
      expect(exists(link), link).toBe(true);
    }
  });

  it('publishes a well-formed sitemap of every report and section page, and robots.txt points to it', () => {
    const xml = read('sitemap.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const urlset = new XMLParser().parse(xml).urlset;
    const locs = (urlset.url as { loc: string }[]).map((url) => url.loc);
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) expect(exists(loc), loc).toBe(true);
    const pages = [...reportPages(), ...sectionPages()].map((file) =>
      abs(`/fzzf/${file.replace(/index\.html$/, '')}`),
    );
    expect(pages.length).toBeGreaterThan(FOLDERS.length);
    for (const url of pages) expect(locs, url).toContain(url);
    const robots = read('robots.txt');
    expect(robots).toContain(`Sitemap: ${SITE}sitemap.xml`);
    // Under a sub-folder the file cannot speak for the whole host.
    expect(robots).toContain('Allow: /fzzf/\n');
    expect(robots).not.toMatch(/^Allow: \/$/m);
  });

  it('describes every report page in JSON-LD as a Report by a GovernmentOrganization', () => {
    for (const file of reportPages()) {
      const $ = open(file);
      const data = JSON.parse($('script[type="application/ld+json"]').text());
      expect(data['@type']).toBe('Report');
      expect(data.publisher['@type']).toBe('GovernmentOrganization');
      expect(data.publisher.name).toBe($('.report-meta dd a').first().text());
      expect(data.datePublished).toBe($('meta[name="PubDate"]').attr('content'));
      expect(data.inLanguage).toBe('zh-CN');
      expect(data.isPartOf).toMatchObject({ '@type': 'WebSite', url: SITE });
      expect(data.url).toBe($('link[rel="canonical"]').attr('href'));
    }
  });

  it('stands whole though cut from a sheet of its report: one document, the head every page gets, no sheet left', () => {
    expect(existsSync(path.join(dist, 'section-sheets'))).toBe(false);
    const heads = new Set<string>();
    for (const file of sectionPages()) {
      const html = readFileSync(path.join(dist, file), 'utf8');
      expect(html.startsWith('<!DOCTYPE html><html lang="zh-CN"><head>'), file).toBe(true);
      expect(html.match(/<html|<head>|<\/head>|<body|<template/g), file).toEqual([
        '<html',
        '<head>',
        '</head>',
        '<body',
      ]);
      expect(html, file).not.toContain('fzzf:sheet');
      const $ = open(file);
      const assets = $('head link[rel="stylesheet"], script[src]')
        .toArray()
        .map((element) => $.html(element));
      expect(assets.filter((asset) => asset.startsWith('<link')).length, file).toBeGreaterThan(0);
      expect(assets.filter((asset) => asset.startsWith('<script')).length, file).toBeGreaterThan(0);
      heads.add(assets.join(''));
    }
    // Every section page of every report has the same stylesheets and scripts, as one route gives.
    expect(heads.size).toBe(1);
  });

  it('leaves JSON-LD to the report page: a section page is part of it, described by its meta tags', () => {
    for (const file of sectionPages()) {
      expect(open(file)('script[type="application/ld+json"]'), file).toHaveLength(0);
    }
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CheerioAPI, load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../support/build.ts';
import { htmlFiles } from '../support/dist.ts';
import { EXCERPT_CHARS } from '../../src/lib/figures/locate.ts';
import { layoutChart } from '../../src/lib/figures/chart.ts';

// The portal fixture's reports list figures: alpha-justice reports 行政复议案件 and 出庭应诉率
// in 2021–2023 (written as 十二件, 9 件, 百分之百, 100％ …), beta-market 3, 0 and 300余 cases
// (a zero and a value 100 times another), gamma-ecology one year only. Built under a sub-path.
const SITE = 'https://www.example.gov.cn/fzzf/';
const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-figures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let dist: string;
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
const open = (file: string): CheerioAPI => load(read(file));
/** The built file a site path or absolute URL points at, and its fragment. */
const target = (href: string) => {
  const url = new URL(href, SITE);
  const rest = decodeURIComponent(url.pathname.slice(new URL(SITE).pathname.length));
  return { file: rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest, hash: url.hash };
};

interface Row {
  agency_id: string;
  agency_name: string;
  year: number;
  indicator: string;
  value: number;
  unit: string;
  approx: boolean;
  url: string;
}
let rows: Row[];

beforeAll(() => {
  const result = runBuild(path.join(scratch, 'dist'), {
    REPORTS_DIR: 'tests/fixtures/portal/reports',
    SITE_CONFIG: 'tests/fixtures/portal/site.yml',
    SITE_URL: SITE,
  });
  expect(result.status, result.output).toBe(0);
  dist = result.outDir;
  rows = JSON.parse(read('data/figures.json')) as Row[];
});

const chartPages = () => htmlFiles(dist).filter((file) => /^(agencies|years|data)\//.test(file));

describe('charts', () => {
  it('draw the same values as their tables, and as figures.json at the same paragraph', () => {
    let charts = 0;
    for (const file of chartPages()) {
      const $ = open(file);
      $('[data-chart]').each((_, element) => {
        charts += 1;
        const chart = $(element);
        const widths = chart
          .find('svg rect')
          .toArray()
          .map((rect) => $(rect).attr('width'));
        // The value written on each bar, as the table writes it.
        const written = chart
          .find('svg tspan')
          .toArray()
          .map((tspan) => $(tspan).text());
        const cells = chart
          .find('td[data-value]')
          .toArray()
          .map((td) => ({
            value: Number($(td).attr('data-value')),
            text: $(td).text().trim(),
            href: $(td).find('a').attr('href')!,
          }));
        // Each bar is as long as the table's value makes it on the chart's scale.
        const unit = rows.find((row) => row.indicator === chart.attr('data-indicator'))!.unit;
        expect(widths, `${file} ${chart.attr('data-chart')}`).toEqual(
          layoutChart(
            cells.map((cell) => ({ label: '', value: cell.value, text: cell.text, href: '' })),
            unit,
          ).bars.map((bar) => `${bar.width}%`),
        );
        expect(written).toEqual(cells.map((c) => c.text));
        const barLinks = chart
          .find('svg a')
          .toArray()
          .map((a) => $(a).attr('href'));
        expect(barLinks).toEqual(cells.map((c) => c.href));
        for (const cell of cells) {
          const row = rows.find(
            (each) =>
              each.url === new URL(cell.href, SITE).href &&
              each.indicator === chart.attr('data-indicator'),
          );
          expect(row, `${file}: ${cell.href} is in figures.json`).toBeDefined();
          expect(row!.value).toBe(cell.value);
        }
      });
    }
    expect(charts).toBeGreaterThan(5);
  });

  it('link every bar to a paragraph that states its value, marked with its indicator', () => {
    for (const row of rows) {
      const { file, hash } = target(row.url);
      const paragraph = open(file)(`p${hash}`);
      expect(paragraph.length, row.url).toBe(1);
      expect(paragraph.attr('data-figure')).toContain(
        `${row.value}${row.approx ? '余' : ''}${row.unit}`,
      );
    }
  });

  it('chart an agency’s indicators reported in two or more years, oldest year first', () => {
    const $ = open('agencies/alpha-justice/index.html');
    expect(
      $('[data-chart]')
        .toArray()
        .map((chart) => $(chart).attr('data-chart')),
    ).toEqual(['figure-admin-reconsideration', 'figure-court-appearance-rate']);
    const years = $('[data-chart="figure-admin-reconsideration"] tbody th')
      .toArray()
      .map((th) => $(th).text());
    expect(years).toEqual(['2021年', '2022年', '2023年']);
    expect(open('agencies/gamma-ecology/index.html')('[data-chart]')).toHaveLength(0);
  });

  it('compare a year’s agencies largest first, a zero drawn as no bar and 余 kept', () => {
    const $ = open('years/2023/index.html');
    const chart = $('[data-chart="figure-admin-reconsideration"]');
    expect(
      chart
        .find('td[data-value]')
        .toArray()
        .map((td) => $(td).text()),
    ).toEqual(['300余件', '9件', '7件']);
    const widths = chart
      .find('svg rect')
      .toArray()
      .map((rect) => parseFloat($(rect).attr('width')!));
    expect(widths[0]).toBeGreaterThan(widths[1]! * 20);
    expect(widths[2]).toBeGreaterThan(0);
    const year2022 = open('years/2022/index.html')('[data-chart="figure-admin-reconsideration"]');
    const zeroAt = year2022
      .find('td[data-value]')
      .toArray()
      .findIndex((td) => td.attribs['data-value'] === '0');
    expect(zeroAt).toBeGreaterThanOrEqual(0);
    expect(year2022.find('svg rect').eq(zeroAt).attr('width')).toBe('0%');
  });

  it('put every value of an indicator in one table on its page, agencies by years', () => {
    const $ = open('data/admin-reconsideration/index.html');
    const matrix = $('table[data-matrix]');
    const years = matrix
      .find('thead th')
      .toArray()
      .slice(1)
      .map((th) => Number.parseInt($(th).text(), 10));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const own = rows.filter((row) => row.indicator === 'admin-reconsideration');
    let cells = 0;
    const agencies: string[] = [];
    matrix.find('tbody tr').each((_, tr) => {
      const agencyIds = new Set<string>();
      $(tr)
        .find('td')
        .each((i, td) => {
          const href = $(td).find('a').attr('href');
          if (!href) return;
          cells += 1;
          const row = own.find((each) => each.url === new URL(href, SITE).href);
          expect(row, href).toBeDefined();
          expect(row!.year).toBe(years[i]);
          expect(Number($(td).attr('data-value'))).toBe(row!.value);
          agencyIds.add(row!.agency_id);
        });
      // A row is one agency's, and no agency has two rows.
      expect(agencyIds.size).toBe(1);
      agencies.push(...agencyIds);
    });
    expect(new Set(agencies).size).toBe(agencies.length);
    expect(cells).toBe(own.length);
    // The newest year is charted here; earlier years link to their year page's chart.
    expect(
      $('[data-chart]')
        .toArray()
        .map((chart) => $(chart).attr('data-chart')),
    ).toEqual([`figure-${years[0]}`]);
    for (const year of years.slice(1)) {
      const link = $(`.data-year-charts a[href*="/years/${year}/"]`);
      expect(link.length, String(year)).toBe(1);
      const { file, hash } = target(link.attr('href')!);
      expect(open(file)(hash).length, link.attr('href')).toBe(1);
    }
  });

  it('state every value in their text alternative', () => {
    const $ = open('data/admin-reconsideration/index.html');
    const alt = $('[data-chart="figure-2023"] svg title').text();
    expect(alt).toContain('乙区市场监管局 300余件');
    expect(alt).toContain('9件');
  });
});

describe('open data', () => {
  it('lists every indicator on /data/ with the agencies and years that report it', () => {
    const $ = open('data/index.html');
    const row = $('[data-indicator="admin-reconsideration"]');
    expect(row.find('[data-agencies]').text()).toBe('3');
    expect(row.find('[data-years]').text()).toBe('3');
    expect($('[data-indicator="court-appearance-rate"] [data-agencies]').text()).toBe('1');
    for (const href of $('a[download]')
      .toArray()
      .map((a) => $(a).attr('href')!))
      expect(() => read(target(href).file), href).not.toThrow();
  });

  it('writes figures.csv with a BOM and the same rows as figures.json', () => {
    const csv = read('data/figures.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('agency_id,agency_name,year,indicator,value,unit,approx,url');
    expect(lines).toHaveLength(rows.length + 1);
    expect(rows).toHaveLength(10);
    const perIndicator = read('data/court-appearance-rate.csv').slice(1).trim().split('\r\n');
    expect(perIndicator.slice(1)).toEqual(
      lines.slice(1).filter((line) => line.includes(',court-appearance-rate,')),
    );
    expect(perIndicator).toHaveLength(4);
  });

  it('puts each report’s figures in its JSON with paragraph addresses', () => {
    const report = JSON.parse(read('reports/2021-alpha-justice.json')) as {
      figures: { indicator: string; value: number; paragraphUrl: string }[];
    };
    expect(report.figures.map(({ indicator, value }) => [indicator, value])).toEqual([
      ['admin-reconsideration', 12],
      ['court-appearance-rate', 100],
    ]);
    expect(report.figures[0]!.paragraphUrl).toBe(`${SITE}reports/2021-alpha-justice/#s1-2-p2`);
  });

  it('lists the data pages and downloads in the sitemap', () => {
    const sitemap = read('sitemap.xml');
    for (const url of [
      `${SITE}data/`,
      `${SITE}data/admin-reconsideration/`,
      `${SITE}data/figures.csv`,
      `${SITE}data/figures.json`,
      `${SITE}data/admin-reconsideration.csv`,
    ])
      expect(sitemap).toContain(`<loc>${url}</loc>`);
  });

  it('gives the search each indicator’s figures with the words of the text that state them', () => {
    const figures = JSON.parse(read('search/figures/admin-reconsideration.json')) as {
      agencyShort: string;
      year: number;
      excerpt: string;
      url: string;
    }[];
    const beta = figures.find(
      (figure) => figure.agencyShort === '乙区市场监管局' && figure.year === 2023,
    );
    expect(beta?.excerpt).toBe('全年办理行政复议案件300余件。');
    for (const figure of figures) {
      // Quoted from the paragraph the link leads to, within the limit, … where it cuts.
      const { file, hash } = target(figure.url);
      const paragraph = open(file)(`p${hash}`).text();
      for (const part of figure.excerpt.split('…').filter(Boolean))
        expect(paragraph, figure.url).toContain(part);
      expect([...figure.excerpt.replaceAll('…', '')].length).toBeLessThanOrEqual(EXCERPT_CHARS);
    }
    expect(beta?.url).toBe('/fzzf/reports/2023-beta-market/#s1-2-p2');
  });
});

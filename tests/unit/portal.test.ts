import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/data/site.ts';
import { statutoryFacts } from '../../src/lib/content/statutory.ts';
import { trail } from '../../src/lib/portal/breadcrumb.ts';
import { feedbackHref } from '../../src/lib/portal/feedback.ts';
import {
  type GovPageMetaInput,
  govPageMeta,
  reportKeywords,
} from '../../src/lib/portal/gov-meta.ts';
import {
  compareByItem,
  latestYear,
  type ReportRef,
  reportsByAgency,
  reportsByYear,
  yearNeighbours,
} from '../../src/lib/portal/index-pages.ts';
import { reportJsonLd } from '../../src/lib/portal/json-ld.ts';
import { robotsTxt } from '../../src/lib/portal/robots.ts';
import {
  paragraphCitation,
  paragraphUrl,
  reportDocument,
  reportPlainText,
} from '../../src/lib/portal/open-data.ts';
import {
  reportDocumentSchema,
  reportDocumentV1Schema,
  reportJsonSchema,
} from '../../src/schemas/open-data.ts';
import { siteConfigSchema } from '../../src/schemas/site.ts';
import { REPORT_2023 } from '../support/report-data.ts';
import { scratchDir } from '../support/scratch.ts';

const META: GovPageMetaInput = {
  siteName: '法治政府建设年度报告',
  siteUrl: 'https://www.example.gov.cn/fzzf/',
  siteCode: '3101140001',
  column: '法治政府建设年度报告',
  columnType: '政务公开',
  articleTitle: '嘉定公安分局2023年法治政府建设情况',
  published: '2024-03-22',
  agency: '上海市公安局嘉定分局',
  keywords: ['嘉定公安分局', '2023年', '嘉定公安分局'],
  description: '摘要。',
  url: 'https://www.example.gov.cn/fzzf/reports/2023-jiading-police/',
};
const tag = (input: GovPageMetaInput, name: string) =>
  govPageMeta(input).find((meta) => meta.name === name)?.content;

describe('government page meta tags', () => {
  it('SiteName is the configured site name', () => {
    expect(tag(META, 'SiteName')).toBe('法治政府建设年度报告');
  });
  it('SiteDomain is the host of SITE_URL, without scheme or path', () => {
    expect(tag(META, 'SiteDomain')).toBe('www.example.gov.cn');
    expect(tag({ ...META, siteUrl: 'http://localhost:4321/' }, 'SiteDomain')).toBe(
      'localhost:4321',
    );
  });
  it('SiteIDCode is the configured code, and absent rather than invented when none is set', () => {
    expect(tag(META, 'SiteIDCode')).toBe('3101140001');
    expect(tag({ ...META, siteCode: undefined }, 'SiteIDCode')).toBeUndefined();
  });
  it('ColumnName and ColumnType come from the configuration', () => {
    expect(tag({ ...META, column: '年度报告' }, 'ColumnName')).toBe('年度报告');
    expect(tag({ ...META, columnType: '信息公开' }, 'ColumnType')).toBe('信息公开');
  });
  it('ArticleTitle is the page’s article title', () => {
    expect(tag(META, 'ArticleTitle')).toBe('嘉定公安分局2023年法治政府建设情况');
  });
  it('PubDate is the publication date', () => {
    expect(tag(META, 'PubDate')).toBe('2024-03-22');
  });
  it('ContentSource is 来源 when given, else the publishing agency', () => {
    expect(tag(META, 'ContentSource')).toBe('上海市公安局嘉定分局');
    expect(tag({ ...META, source: '嘉定区人民政府办公室' }, 'ContentSource')).toBe(
      '嘉定区人民政府办公室',
    );
  });
  it('Keywords lists each keyword once, comma-separated, in the order given', () => {
    expect(tag(META, 'Keywords')).toBe('嘉定公安分局,2023年');
    const keywords = reportKeywords(REPORT_2023, { item: '存在的不足和原因' });
    expect(keywords).toEqual(
      expect.arrayContaining(['嘉定公安分局', '2023年', '存在的不足和原因']),
    );
    expect(keywords).not.toContain('工作中存在的不足');
  });
  it('Description is the page description', () => {
    expect(tag(META, 'Description')).toBe('摘要。');
  });
  it('Url is the absolute canonical URL', () => {
    expect(tag(META, 'Url')).toBe('https://www.example.gov.cn/fzzf/reports/2023-jiading-police/');
  });
  it('lists the tags in the guideline’s order', () => {
    expect(govPageMeta(META).map((meta) => meta.name)).toEqual([
      'SiteName',
      'SiteDomain',
      'SiteIDCode',
      'ColumnName',
      'ColumnType',
      'ArticleTitle',
      'PubDate',
      'ContentSource',
      'Keywords',
      'Description',
      'Url',
    ]);
  });
});

describe('the 纠错 link', () => {
  const page = { url: 'https://x.gov.cn/reports/a/s1/', title: '一、成效', sectionId: 's1' };
  it('hands a web form the page address, title and section as query parameters', () => {
    const url = new URL(feedbackHref('https://x.gov.cn/jiucuo/?from=fz', page));
    expect(url.searchParams.get('from')).toBe('fz');
    expect(url.searchParams.get('url')).toBe(page.url);
    expect(url.searchParams.get('title')).toBe('一、成效');
    expect(url.searchParams.get('section')).toBe('s1');
  });
  it('writes them into the subject and body of an e-mail', () => {
    const href = feedbackHref('mailto:fzb@x.gov.cn', { url: page.url, title: page.title });
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.searchParams.get('subject')).toBe('纠错：一、成效');
    expect(url.searchParams.get('body')).toContain(`页面地址：${page.url}`);
    expect(url.searchParams.get('body')).not.toContain('章节');
  });
});

const ref = (agency: string, name: string, year: number, published = `${year + 1}-03-01`) => ({
  folder: `${year}-${agency}`,
  year,
  published,
  agency: { id: agency, name, shortName: name },
});
const REPORTS: ReportRef[] = [
  ref('yi', '乙局', 2022),
  ref('jia', '甲局', 2021),
  ref('jia', '甲局', 2023),
  ref('bing', '丙局', 2023),
  ref('yi', '乙局', 2023),
];

describe('listing reports by year and by agency', () => {
  it('groups by year, newest year first, agencies in pinyin order within a year', () => {
    expect(
      reportsByYear(REPORTS).map(({ year, reports }) => [year, reports.map((r) => r.folder)]),
    ).toEqual([
      [2023, ['2023-bing', '2023-jia', '2023-yi']],
      [2022, ['2022-yi']],
      [2021, ['2021-jia']],
    ]);
    expect(latestYear(REPORTS)).toBe(2023);
    expect(latestYear([])).toBeUndefined();
  });
  it('groups by agency, each agency’s reports newest first, named as its newest report names it', () => {
    const renamed = [
      ...REPORTS,
      { ...ref('jia', '甲局', 2024), agency: { id: 'jia', name: '新甲局', shortName: '新甲局' } },
    ];
    const groups = reportsByAgency(renamed);
    expect(groups.map((group) => group.id)).toEqual(['bing', 'jia', 'yi']);
    const jia = groups.find((group) => group.id === 'jia')!;
    expect(jia.name).toBe('新甲局');
    expect(jia.reports.map((r) => r.year)).toEqual([2024, 2023, 2021]);
  });
  it('links a report to the same agency’s nearest earlier and later years, skipping a gap', () => {
    const { previous, next } = yearNeighbours(REPORTS, ref('jia', '甲局', 2023));
    expect(previous?.folder).toBe('2021-jia');
    expect(next).toBeUndefined();
    expect(yearNeighbours(REPORTS, ref('yi', '乙局', 2022))).toEqual({ next: REPORTS[4] });
  });
  it('puts the parts covering each statutory item side by side by year, leaving out items no year covers', () => {
    const part = (id: string, item: '主要举措和成效' | '存在的不足和原因') => ({
      id,
      heading: id,
      item,
      children: [],
    });
    const rows = compareByItem([
      { ...ref('jia', '甲局', 2023), parts: [part('s1', '主要举措和成效')] },
      {
        ...ref('jia', '甲局', 2022),
        parts: [part('s1', '主要举措和成效'), part('s2', '存在的不足和原因')],
      },
    ]);
    expect(rows.map((row) => row.item)).toEqual(['主要举措和成效', '存在的不足和原因']);
    expect(rows[1]!.years.map((year) => year.parts.map((p) => p.id))).toEqual([[], ['s2']]);
  });
});

describe('当前位置', () => {
  const paths = {
    home: '/',
    year: (y: number) => `/years/${y}/`,
    agency: (id: string) => `/agencies/${id}/`,
    report: (f: string) => `/reports/${f}/`,
  };
  const labels = { home: '首页', year: (y: number) => `${y}年度` };
  it('runs 首页 › 年度 › 报告 › 部分 on a section page, the page itself unlinked', () => {
    expect(
      trail(
        { kind: 'section', year: 2023, folder: 'f', title: '报告', heading: '一、成效' },
        paths,
        labels,
      ),
    ).toEqual([
      { label: '首页', href: '/' },
      { label: '2023年度', href: '/years/2023/' },
      { label: '报告', href: '/reports/f/' },
      { label: '一、成效' },
    ]);
  });
  it('is 首页 alone on the home page', () => {
    expect(trail({ kind: 'home' }, paths, labels)).toEqual([{ label: '首页' }]);
  });
});

describe('JSON-LD', () => {
  it('describes a Report published by a GovernmentOrganization, and cannot close its script block', () => {
    const json = reportJsonLd({
      title: '标题</script><script>alert(1)</script>',
      url: 'https://x.gov.cn/r/',
      published: '2024-03-22',
      agency: { name: '甲局', url: 'https://x.gov.cn/agencies/jia/' },
      site: { name: '站', url: 'https://x.gov.cn/' },
    });
    expect(json).not.toContain('</script');
    const data = JSON.parse(json);
    expect(data).toMatchObject({
      '@type': 'Report',
      name: '标题</script><script>alert(1)</script>',
      datePublished: '2024-03-22',
      inLanguage: 'zh-CN',
      publisher: { '@type': 'GovernmentOrganization', name: '甲局' },
      isPartOf: { '@type': 'WebSite', url: 'https://x.gov.cn/' },
    });
  });
});

describe('the open-data copies', () => {
  const data = { ...REPORT_2023, source: '嘉定区人民政府办公室' };
  const input = {
    report: {
      folder: '2023-jiading-police',
      year: data.year,
      published: data.published,
      agency: data.agency,
      data,
    },
    facts: statutoryFacts({ year: 2023, published: '2024-03-22' }, [
      { id: 's1', item: '主要举措和成效' as const },
    ]),
    preamble: [{ id: 'intro-p1', text: '开头。' }],
    preambleBody: '开头。',
    sections: [
      {
        id: 's1',
        level: 2 as const,
        numbering: '一、',
        title: '成效',
        heading: '一、成效',
        item: '主要举措和成效' as const,
        paragraphs: [{ id: 's1-p1', text: '第一段。' }],
        body: '第一段。',
      },
    ],
    urls: {
      schema: 'https://x.gov.cn/schemas/report-v2.json',
      report: 'https://x.gov.cn/reports/2023-jiading-police/',
      sectionPage: (id: string) => `https://x.gov.cn/reports/2023-jiading-police/${id}/`,
    },
    editions: [
      {
        edition: 1,
        date: '2024-03-22',
        kind: 'publish' as const,
        note: '首次发布',
        url: 'https://x.gov.cn/reports/2023-jiading-police/editions/1/',
      },
      {
        edition: 2,
        date: '2024-04-10',
        kind: 'correct' as const,
        note: '更正数字',
        url: 'https://x.gov.cn/reports/2023-jiading-police/',
      },
    ],
    cited: '2024-05-01',
  };
  it('cites every section and paragraph in GB/T 7714 form, naming the edition cited', () => {
    const document = reportDocument(input);
    expect(document.sections[0]!.citation).toBe(
      '上海市公安局嘉定分局. 嘉定公安分局2023年法治政府建设情况：一、成效[EB/OL]. 2版. (2024-04-10)[2024-05-01]. https://x.gov.cn/reports/2023-jiading-police/#s1',
    );
    expect(paragraphCitation(document, 's1-p1')).toBe(
      '上海市公安局嘉定分局. 嘉定公安分局2023年法治政府建设情况：一、成效[EB/OL]. 2版. (2024-04-10)[2024-05-01]. https://x.gov.cn/reports/2023-jiading-police/#s1-p1',
    );
    expect(document.citation).toBe(
      '上海市公安局嘉定分局. 嘉定公安分局2023年法治政府建设情况[EB/OL]. 2版. (2024-04-10)[2024-05-01]. https://x.gov.cn/reports/2023-jiading-police/',
    );
    expect(paragraphCitation(document, 'nope')).toBeUndefined();
    expect(document.editions.map((edition) => edition.edition)).toEqual([1, 2]);
  });
  it('builds a JSON document its own schema accepts, with each paragraph’s URL', () => {
    const document = reportDocument(input);
    expect(reportDocumentSchema.parse(document)).toEqual(document);
    expect(paragraphUrl(document, document.sections[0]!.paragraphs[0]!.id)).toBe(
      'https://x.gov.cn/reports/2023-jiading-police/#s1-p1',
    );
    // Version 2 leaves each paragraph's address and reference to its section's.
    expect(Object.keys(document.sections[0]!.paragraphs[0]!)).toEqual(['id', 'text']);
    expect(
      document.statutory.items.find((entry) => entry.item === '主要举措和成效')!.sectionIds,
    ).toEqual(['s1']);
  });
  it('still publishes version 1 of the schema, whose paragraphs carry their URL and reference', () => {
    type Node = { required?: string[]; properties?: Record<string, Node>; items?: Node };
    const paragraphOf = (schema: Node) =>
      schema.properties!['sections']!.items!.properties!['paragraphs']!.items!;
    const v1 = reportJsonSchema('https://x.gov.cn/schemas/report-v1.json', 1) as Node;
    const v2 = reportJsonSchema('https://x.gov.cn/schemas/report-v2.json') as Node;
    expect(paragraphOf(v1).required).toEqual(['id', 'text', 'url', 'citation']);
    expect(paragraphOf(v2).required).toEqual(['id', 'text']);
    expect(v1.required).not.toContain('citation');
    expect(v2.required).toContain('citation');
    const document = reportDocument(input);
    const v1Paragraph = (p: { id: string; text: string }) => ({
      ...p,
      url: paragraphUrl(document, p.id),
      citation: paragraphCitation(document, p.id),
    });
    const asV1 = {
      ...document,
      citation: undefined,
      preamble: document.preamble.map(v1Paragraph),
      sections: document.sections.map((section) => ({
        ...section,
        url: paragraphUrl(document, section.id),
        paragraphs: section.paragraphs.map(v1Paragraph),
      })),
    };
    expect(reportDocumentV1Schema.safeParse(asV1).success).toBe(true);
    expect(reportDocumentV1Schema.safeParse(document).success).toBe(false);
  });
  it('writes the plain text with the title, 来源, headings and paragraphs in reading order', () => {
    const text = reportPlainText(reportDocument(input), input.report);
    expect(text.split('\n\n').slice(0, 5)).toEqual([
      '嘉定公安分局2023年法治政府建设情况',
      '发布机关：上海市公安局嘉定分局\n发布日期：2024年3月22日\n来源：嘉定区人民政府办公室',
      '开头。',
      '一、成效',
      '第一段。',
    ]);
  });
});

describe('the site identity file', () => {
  it('defaults the names and invents no identity when the file is empty or missing', () => {
    const config = siteConfigSchema.parse({});
    expect(config.name).toBe('法治政府建设年度报告');
    expect(config.column).toBe('法治政府建设年度报告');
    expect(config.siteCode).toBeUndefined();
    expect(config.sponsor).toBeUndefined();
    expect(readSiteConfig('no-such-file.yml').issues).toEqual([]);
  });
  const issuesOf = (yaml: string) => {
    const dir = scratchDir('fzzf-site-');
    writeFileSync(path.join(dir, 'site.yml'), yaml);
    return readSiteConfig('site.yml', dir).issues;
  };
  it('names the file, the field, what it found and what it expects, in Chinese', () => {
    const [issue] = issuesOf('feedback: fzb@example.gov.cn\n');
    expect(issue).toEqual({
      file: 'site.yml',
      line: 1,
      field: 'feedback',
      found: '“fzb@example.gov.cn”',
      expected: expect.stringContaining('mailto:'),
    });
    expect(issuesOf('links:\n  - title: 中国政府网\n    url: www.gov.cn\n')[0]).toMatchObject({
      field: 'links（第 1 项）.url',
      expected: expect.stringContaining('https://'),
    });
  });
  it('refuses a field it does not know, listing the ones it does', () => {
    const [issue] = issuesOf('sitecode: 123\n');
    expect(issue).toMatchObject({
      field: 'sitecode',
      expected: expect.stringContaining('siteCode'),
    });
  });
  it('reports broken YAML without a stack trace', () => {
    const [issue] = issuesOf('name: 司法局\nlinks: [unclosed\n');
    expect(issue).toMatchObject({ line: 3, found: 'YAML 格式错误：无法读取这一行' });
  });
});

describe('robots.txt', () => {
  it('speaks for the whole host only when the site is at its root', () => {
    expect(robotsTxt('https://fzzf.example.gov.cn/sitemap.xml', '/')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://fzzf.example.gov.cn/sitemap.xml\n',
    );
    const nested = robotsTxt('https://www.example.gov.cn/fzzf/sitemap.xml', '/fzzf/');
    expect(nested).toContain('Allow: /fzzf/\n');
    expect(nested).not.toMatch(/^Allow: \/$/m);
    expect(nested).toContain('Sitemap: https://www.example.gov.cn/fzzf/sitemap.xml\n');
    // Every line that is not a rule is a comment, so crawlers reading it anyway are not misled.
    for (const line of nested.split('\n'))
      expect(line).toMatch(/^(?:#.*|User-agent: \*|Allow: \/fzzf\/|Sitemap: \S+|)$/);
  });
});

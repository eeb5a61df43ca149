import { describe, expect, it } from 'vitest';
import type { ReportInput, SectionInput } from '../../src/lib/content/checks.ts';
import {
  BAR_AREA,
  barWidth,
  layoutChart,
  MIN_BAR,
  niceMax,
  scaleMax,
} from '../../src/lib/figures/chart.ts';
import { checkFigures } from '../../src/lib/figures/check.ts';
import { BOM, figureRow, toCsv } from '../../src/lib/figures/csv.ts';
import { excerptAt, locateFigure, sentenceAt } from '../../src/lib/figures/locate.ts';
import {
  agencyCharts,
  type FigureRecord,
  figureTags,
  indicatorCoverage,
  valueMatrix,
  yearCharts,
} from '../../src/lib/figures/records.ts';
import { withFigureTags } from '../../src/lib/figures/tags.ts';
import {
  findValue,
  formatValue,
  parseChineseNumber,
  statedValues,
} from '../../src/lib/figures/values.ts';
import {
  proposedFiguresBlock,
  proposeFigures,
  withProposedFigures,
} from '../../src/lib/import/figures.ts';
import { indicatorsSchema } from '../../src/schemas/indicator.ts';
import {
  answerFigures,
  indicatorOf,
  queryFilters,
  type SearchFigure,
} from '../../src/lib/search/figures.ts';
import { REPORT_2023 } from '../support/report-data.ts';

const INDICATORS = [
  {
    id: 'admin-reconsideration',
    name: '行政复议案件',
    unit: '件',
    synonyms: ['行政复议', '复议案件'],
    definition: '收到的行政复议案件数。',
  },
  {
    id: 'admin-litigation',
    name: '行政诉讼案件',
    unit: '件',
    synonyms: ['行政诉讼', '应诉案件'],
    definition: '作为被告的行政诉讼案件数。',
  },
  {
    id: 'court-appearance-rate',
    name: '行政机关负责人出庭应诉率',
    unit: '%',
    synonyms: ['出庭应诉率'],
    definition: '负责人出庭应诉的比例。',
  },
];

describe('value matching', () => {
  it.each([
    ['36件', 36],
    ['36 件', 36],
    ['３６件', 36],
    ['三十六件', 36],
    ['一百零二件', 102],
    ['1,234件', 1234],
    ['1.2万件', 12000],
    ['36余件', 36],
  ])('reads %s as %d in 件', (text, value) => {
    expect(findValue(`全年办理行政复议案件${text}，同比下降。`, value, '件')).toBeDefined();
  });

  it.each([
    ['98.5%', 98.5],
    ['98.5％', 98.5],
    ['百分之百', 100],
    ['百分之九十五', 95],
    ['百分之98.5', 98.5],
  ])('reads %s as %d in %', (text, value) => {
    expect(findValue(`出庭应诉率达到${text}。`, value, '%')).toBeDefined();
  });

  it('marks 余 and 多 as a lower bound', () => {
    expect(findValue('排查整改隐患9000余处', 9000, '处')?.approx).toBe(true);
    expect(findValue('排查整改隐患9000处', 9000, '处')?.approx).toBe(false);
  });

  it('does not read a number inside a larger one, another decimal or another unit', () => {
    expect(findValue('办理案件136件', 36, '件')).toBeUndefined();
    expect(findValue('办理案件36.5件', 36, '件')).toBeUndefined();
    expect(findValue('办理案件36起', 36, '件')).toBeUndefined();
    expect(findValue('2023年11月15日开工', 15, '件')).toBeUndefined();
  });

  it('keeps 万 as part of a unit that starts with it', () => {
    expect(findValue('挽回经济损失4000余万元', 4000, '万元')).toBeDefined();
    expect(findValue('挽回经济损失4000余万元', 40_000_000, '万元')).toBeUndefined();
  });

  it('parses Chinese numerals and refuses what is not one', () => {
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('两万三千')).toBe(23000);
    expect(parseChineseNumber('三五')).toBeUndefined();
    expect(parseChineseNumber('abc')).toBeUndefined();
  });

  it('lists every value a text states in a unit, in order', () => {
    expect(statedValues('复议36件、诉讼12件，共48件。', '件').map((v) => v.value)).toEqual([
      36, 12, 48,
    ]);
  });

  it('writes values as the reports do', () => {
    expect(formatValue(9000, '处', true)).toBe('9000余处');
    expect(formatValue(98.5, '%')).toBe('98.5%');
    expect(formatValue(2.4, '亿元')).toBe('2.4亿元');
  });
});

describe('locating a figure', () => {
  it('prefers the sentence that names the indicator, and gives the paragraph from 1', () => {
    const place = locateFigure(
      ['共收到来信36件。', '全年办理行政复议案件36件；行政诉讼案件12件。'],
      INDICATORS[0]!,
      36,
    );
    expect(place).toEqual({
      paragraph: 2,
      sentence: '全年办理行政复议案件36件；',
      excerpt: '全年办理行政复议案件36件；',
      approx: false,
    });
  });

  it('cuts sentences at 。；！？', () => {
    expect(sentenceAt('甲。乙36件；丙。', 3)).toBe('乙36件；');
    expect(sentenceAt('甲。  乙36件  ', 5)).toBe('乙36件');
  });

  it('quotes the clauses around a value, the one before first, within the limit', () => {
    const sentence =
      '全年办理行政复议案件36件、行政诉讼案件18件，行政机关负责人出庭应诉率保持百分之百。';
    expect(excerptAt(sentence, sentence.indexOf('36'))).toBe(
      '全年办理行政复议案件36件、行政诉讼案件18件…',
    );
    expect(excerptAt(sentence, sentence.indexOf('18'))).toBe(
      '全年办理行政复议案件36件、行政诉讼案件18件…',
    );
    expect(excerptAt(sentence, sentence.indexOf('百分之百'))).toBe(
      '…行政诉讼案件18件，行政机关负责人出庭应诉率保持百分之百。',
    );
    // A short sentence is quoted whole; a narrow limit keeps the value's own clause.
    expect(excerptAt('办理行政复议案件36件。', 8)).toBe('办理行政复议案件36件。');
    expect(excerptAt(sentence, sentence.indexOf('18'), 12)).toBe('…行政诉讼案件18件…');
  });

  it('cuts a clause longer than the limit around the value', () => {
    const clause = `${'甲'.repeat(50)}排查整改隐患10000余处${'乙'.repeat(50)}。`;
    const excerpt = excerptAt(clause, clause.indexOf('10000'), 20);
    expect(excerpt).toContain('10000余处');
    expect(excerpt.startsWith('…') && excerpt.endsWith('…')).toBe(true);
    expect([...excerpt].length).toBe(22);
  });
});

// Checks run on loaded files; these stand in for them, with the lines the loader records.
const report = (figures: { indicator: string; value: number; section: string }[]): ReportInput => ({
  folder: '2023-a',
  file: 'content/reports/2023-a/report.md',
  data: { ...REPORT_2023, figures },
  lines: Object.fromEntries(
    figures.flatMap((_, i) => [
      [`figures.${i}.indicator`, 14 + i * 3],
      [`figures.${i}.value`, 15 + i * 3],
      [`figures.${i}.section`, 16 + i * 3],
    ]),
  ),
});
const section = (id: string, texts: string[]): SectionInput => ({
  folder: '2023-a',
  file: `content/reports/2023-a/${id}.md`,
  data: { id, numbering: '一、', title: '标题', order: 1, runIn: false, aliases: [], item: '其他' },
  body: { paragraphs: texts.length, texts, hasText: true, links: [], problems: [] },
});
const SECTIONS = [section('s1-3', ['全年办理行政复议案件36件，出庭应诉率保持百分之百。'])];
const check = (figures: Parameters<typeof report>[0]) =>
  checkFigures([report(figures)], SECTIONS, indicatorsSchema.parse(INDICATORS));

describe('the figure check', () => {
  it('accepts figures the named section states, in any accepted form', () => {
    expect(
      check([
        { indicator: 'admin-reconsideration', value: 36, section: 's1-3' },
        { indicator: 'court-appearance-rate', value: 100, section: 's1-3' },
      ]),
    ).toEqual([]);
  });

  it('refuses an unknown indicator, suggesting the nearest id, with file and line', () => {
    expect(check([{ indicator: 'admin-reconsideraton', value: 36, section: 's1-3' }])).toEqual([
      {
        file: 'content/reports/2023-a/report.md',
        line: 14,
        field: 'figures（第 1 项）.indicator',
        found: '不认识的指标 admin-reconsideraton',
        expected:
          '是不是 admin-reconsideration（行政复议案件）？请改为 admin-reconsideration；新的指标先加入 content/indicators.yml',
      },
    ]);
  });

  it('refuses a section that does not exist, with its line', () => {
    const [issue] = check([{ indicator: 'admin-reconsideration', value: 36, section: 's9' }]);
    expect(issue).toMatchObject({ line: 16, field: 'figures（第 1 项）.section' });
    expect(issue?.found).toBe('本报告没有 id 为 s9 的章节');
  });

  it('refuses a value the section does not state in the unit, listing what it states', () => {
    const [issue] = check([{ indicator: 'admin-reconsideration', value: 63, section: 's1-3' }]);
    expect(issue).toMatchObject({ line: 15, field: 'figures（第 1 项）.value' });
    expect(issue?.found).toBe(
      'content/reports/2023-a/s1-3.md 的正文中没有写明“63件”（该节以“件”为单位写明的数值有：36件）',
    );
  });

  it('refuses a value stated in another unit', () => {
    const [issue] = check([{ indicator: 'court-appearance-rate', value: 36, section: 's1-3' }]);
    expect(issue?.field).toBe('figures（第 1 项）.value');
  });

  it('refuses the same indicator twice in one report, naming the first', () => {
    const issues = check([
      { indicator: 'admin-reconsideration', value: 36, section: 's1-3' },
      { indicator: 'admin-reconsideration', value: 36, section: 's1-3' },
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      line: 17,
      found: '指标 admin-reconsideration 已在第 1 项中填写',
    });
  });

  it('leaves indicators unchecked when the indicators file itself failed', () => {
    expect(
      checkFigures(
        [report([{ indicator: 'nothing-known', value: 36, section: 's1-3' }])],
        SECTIONS,
        undefined,
      ),
    ).toEqual([]);
  });
});

describe('the indicators file schema', () => {
  it('refuses a wording that two indicators share', () => {
    const result = indicatorsSchema.safeParse([
      INDICATORS[0],
      { ...INDICATORS[1], synonyms: ['行政复议'] },
    ]);
    expect(result.error?.issues[0]?.path).toEqual([1, 'synonyms', 0]);
  });
  it('refuses an id used twice and the reserved id figures', () => {
    expect(indicatorsSchema.safeParse([INDICATORS[0], INDICATORS[0]]).success).toBe(false);
    expect(indicatorsSchema.safeParse([{ ...INDICATORS[0], id: 'figures' }]).success).toBe(false);
  });
});

describe('chart scales', () => {
  it('ends the axis on a round number at or above the largest value', () => {
    expect(niceMax(36)).toBe(50);
    expect(niceMax(100)).toBe(100);
    expect(niceMax(101)).toBe(200);
    expect(niceMax(0.3)).toBe(0.5);
  });

  it('draws zero as no bar and an all-zero chart without dividing by zero', () => {
    expect(scaleMax([0, 0], '件')).toBe(1);
    expect(barWidth(0, 1)).toBe(0);
    const { bars } = layoutChart([{ label: '2023年', value: 0, text: '0件', href: '#a' }], '件');
    expect(bars[0]!.width).toBe(0);
  });

  it('draws a single value against its round top', () => {
    const { bars, max } = layoutChart(
      [{ label: '2023年', value: 36, text: '36件', href: '#a' }],
      '件',
    );
    expect(max).toBe(50);
    expect(bars[0]!.width).toBeCloseTo((36 / 50) * BAR_AREA);
  });

  it('keeps a value 100 times smaller than the largest visible, and the largest within the area', () => {
    const { bars } = layoutChart(
      [
        { label: '甲', value: 5000, text: '5000件', href: '#a' },
        { label: '乙', value: 50, text: '50件', href: '#b' },
        { label: '丙', value: 1, text: '1件', href: '#c' },
      ],
      '件',
    );
    expect(bars[0]!.width).toBeCloseTo(BAR_AREA);
    expect(bars[1]!.width).toBeCloseTo((50 / 5000) * BAR_AREA);
    expect(bars[2]!.width).toBeCloseTo(MIN_BAR * (BAR_AREA / 100));
    expect(bars[2]!.width).toBeGreaterThan(0);
  });

  it('draws percentages against 100%, unless a value exceeds it', () => {
    expect(scaleMax([98.5, 100], '%')).toBe(100);
    expect(scaleMax([12], '%')).toBe(100);
    expect(scaleMax([150], '%')).toBe(200);
    expect(barWidth(50, 100)).toBeCloseTo(BAR_AREA / 2);
  });

  it('places rows one under another, label above bar', () => {
    const { bars, height } = layoutChart(
      [
        { label: '甲', value: 2, text: '2件', href: '#a' },
        { label: '乙', value: 1, text: '1件', href: '#b' },
      ],
      '件',
    );
    expect(bars[1]!.labelY).toBeGreaterThan(bars[0]!.barY);
    expect(bars[0]!.barY).toBeGreaterThan(bars[0]!.labelY);
    expect(height).toBeGreaterThan(bars[1]!.barY);
  });
});

const record = (over: Partial<FigureRecord>): FigureRecord => ({
  folder: '2023-a',
  year: 2023,
  agencyId: 'a',
  agencyName: '甲区人民政府',
  agencyShortName: '甲区',
  indicator: 'admin-reconsideration',
  value: 36,
  unit: '件',
  approx: false,
  section: 's1-3',
  paragraph: 's1-3-p1',
  excerpt: '全年办理行政复议案件36件。',
  ...over,
});

describe('grouping figures for pages', () => {
  it('tabulates an indicator agencies by years, newest year first, a gap where none was stated', () => {
    const { years, rows } = valueMatrix([
      record({ year: 2022, folder: '2022-a', value: 30 }),
      record({ year: 2023 }),
      record({ agencyId: 'b', agencyShortName: '乙区', folder: '2021-b', year: 2021, value: 5 }),
    ]);
    expect(years).toEqual([2023, 2022, 2021]);
    expect(rows.map((row) => row.agencyShortName)).toEqual(['甲区', '乙区']);
    expect(rows[0]!.cells.map((cell) => cell?.value)).toEqual([36, 30, undefined]);
    expect(rows[1]!.cells.map((cell) => cell?.folder)).toEqual([undefined, undefined, '2021-b']);
    expect(valueMatrix([])).toEqual({ years: [], rows: [] });
  });

  const indicators = indicatorsSchema.parse(INDICATORS);
  it('charts an indicator on an agency page only when it was reported in two years', () => {
    const charts = agencyCharts(
      [
        record({ year: 2023 }),
        record({ year: 2022, folder: '2022-a' }),
        record({ indicator: 'admin-litigation', value: 3 }),
      ],
      indicators,
    );
    expect(charts.map((chart) => chart.indicator.id)).toEqual(['admin-reconsideration']);
    expect(charts[0]!.records.map((r) => r.year)).toEqual([2022, 2023]);
  });

  it('compares a year’s agencies largest first', () => {
    const charts = yearCharts(
      [
        record({ agencyId: 'a', value: 3 }),
        record({ agencyId: 'b', agencyShortName: '乙区', value: 40 }),
      ],
      indicators,
    );
    expect(charts[0]!.records.map((r) => r.value)).toEqual([40, 3]);
  });

  it('counts agencies and years per indicator for /data/', () => {
    const coverage = indicatorCoverage(
      [record({}), record({ year: 2022 }), record({ agencyId: 'b' })],
      indicators,
    );
    expect(coverage[0]).toMatchObject({ agencies: 2, years: 2, figures: 3 });
    expect(coverage[1]).toMatchObject({ agencies: 0, years: 0 });
  });

  it('lists the most reported indicators first on /data/, then in the file’s order', () => {
    const coverage = indicatorCoverage(
      [
        record({ indicator: indicators[1]!.id }),
        record({ indicator: indicators[1]!.id, year: 2022 }),
      ],
      indicators,
    );
    expect(coverage.map((row) => row.indicator.id)).toEqual([
      indicators[1]!.id,
      indicators[0]!.id,
      ...indicators.slice(2).map((indicator) => indicator.id),
    ]);
  });
});

describe('downloads', () => {
  it('starts the CSV with a BOM, quotes what needs it and ends lines with CRLF', () => {
    const csv = toCsv([figureRow(record({ agencyName: '甲区,"人民"政府' }), 'https://x/#s1-3-p1')]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain('"甲区,""人民""政府"');
    expect(csv.split('\r\n')).toHaveLength(3);
  });
});

describe('paragraph labels', () => {
  it('marks the paragraph with an escaped attribute and leaves its text alone', () => {
    const html = '<p id="s1-3-p1">全年办理36件。</p><p id="s1-3-p10">其他。</p>';
    expect(withFigureTags(html, new Map([['s1-3-p1', '行政复议案件："36件"']]))).toBe(
      '<p id="s1-3-p1" data-figure="行政复议案件：&quot;36件&quot;">全年办理36件。</p><p id="s1-3-p10">其他。</p>',
    );
  });
});

describe('the importer’s proposed figures', () => {
  const sections = [
    {
      id: 's1',
      paragraphs: [
        '全年办理行政复议案件36件、行政诉讼案件12件，行政机关负责人出庭应诉率保持百分之百。',
        '另有行政复议案件40件待审。',
      ],
    },
    { id: 's2', paragraphs: ['行政诉讼工作有待加强。另收到来信12件。'] },
  ];

  it('proposes a known indicator followed by a number in its unit, once per indicator', () => {
    expect(
      proposeFigures(sections, INDICATORS).map((f) => [f.indicator, f.value, f.section, f.written]),
    ).toEqual([
      ['admin-reconsideration', 36, 's1', '36件'],
      ['admin-litigation', 12, 's1', '12件'],
      ['court-appearance-rate', 100, 's1', '100%'],
    ]);
  });

  it('does not pair a wording with a number in another sentence', () => {
    expect(proposeFigures([sections[1]!], INDICATORS)).toEqual([]);
  });

  it('writes them commented out, marked 请核对, at the end of the frontmatter', () => {
    const block = proposedFiguresBlock(proposeFigures(sections, INDICATORS).slice(0, 1));
    const file = withProposedFigures('---\ntitle: 标题\n---\n\n正文。\n', block);
    expect(file).toBe(
      '---\ntitle: 标题\n' +
        '# 请核对：以下关键数据由导入工具从正文中识别，尚未发布。逐项对照原文核对指标、数值和章节，\n' +
        '# 确认无误后删去这些行开头的“# ”（figures: 顶格），不需要的项整项删除。见内容编写指南“关键数据”。\n' +
        '# figures:\n' +
        '#   - indicator: admin-reconsideration # 行政复议案件 36件\n' +
        '#     value: 36\n' +
        '#     section: s1\n' +
        '---\n\n正文。\n',
    );
  });
});

describe('paragraph labels of several figures', () => {
  it('names every figure a paragraph states, in the order of the list', () => {
    const tags = figureTags([
      { ...record({}), name: '行政复议案件' },
      {
        ...record({ indicator: 'court-appearance-rate', value: 100, unit: '%' }),
        name: '出庭应诉率',
      },
    ]);
    expect([...tags]).toEqual([['s1-3-p1', '行政复议案件：36件；出庭应诉率：100%']]);
  });
});

describe('search answers', () => {
  const figures: SearchFigure[] = [
    {
      agency: '上海市嘉定区人民政府',
      agencyShort: '嘉定区人民政府',
      year: 2023,
      value: 36,
      approx: false,
      excerpt: '甲。',
      url: '/a',
    },
    {
      agency: '上海市嘉定区人民政府',
      agencyShort: '嘉定区人民政府',
      year: 2022,
      value: 41,
      approx: false,
      excerpt: '乙。',
      url: '/b',
    },
    {
      agency: '上海市宝山区人民政府',
      agencyShort: '宝山区人民政府',
      year: 2023,
      value: 52,
      approx: false,
      excerpt: '丙。',
      url: '/c',
    },
  ];
  const ask = (query: string) => {
    const named = indicatorOf(query, INDICATORS);
    return named ? answerFigures(query, named.wording, figures).map((f) => f.url) : undefined;
  };

  it('finds the indicator by name or synonym, the longest wording first', () => {
    expect(indicatorOf('行政复议案件 嘉定', INDICATORS)?.wording).toBe('行政复议案件');
    expect(indicatorOf('嘉定区 行政诉讼 多少件', INDICATORS)?.indicator.id).toBe(
      'admin-litigation',
    );
    expect(indicatorOf('出庭应诉率', INDICATORS)?.indicator.id).toBe('court-appearance-rate');
    expect(indicatorOf('一网通办', INDICATORS)).toBeUndefined();
  });

  it('narrows by year and place, 嘉定区 matching 嘉定…, newest then largest first', () => {
    expect(ask('行政复议 嘉定 2023')).toEqual(['/a']);
    expect(ask('嘉定区 行政复议 多少件')).toEqual(['/a', '/b']);
    expect(ask('2023年行政复议')).toEqual(['/c', '/a']);
    expect(ask('上海 行政复议')).toEqual(['/c', '/a', '/b']);
  });

  it('answers nothing when a word names no agency', () => {
    expect(ask('行政复议 浦东')).toEqual([]);
    expect(queryFilters('嘉定区 行政诉讼 多少件', '行政诉讼')).toEqual({ words: ['嘉定区'] });
  });
});

import { describe, expect, it } from 'vitest';
import { recordContent } from '../../src/node/page-records.ts';
import { parseOffsets, rankSections } from '../../src/lib/search/rank.ts';
import {
  namedReport,
  rankReportSections,
  reportSectionCandidates,
  scopeDataOf,
  type ReportSectionsData,
} from '../../src/lib/search/report-sections.ts';

const report: ReportSectionsData = {
  id: '2021-minhang-police',
  title: '闵行公安分局2021年法治政府建设情况',
  preamble: [{ id: 'intro-p1', text: '2021年，闵行公安分局深入推进法治建设。' }],
  sections: [
    {
      id: 's1',
      level: 2,
      numbering: '一、',
      title: '2021年工作成效',
      heading: '一、2021年工作成效',
      item: '主要举措和成效',
      url: 'u',
      pageUrl: 'u',
      paragraphs: [],
    },
    {
      id: 's1-1',
      parent: 's1',
      level: 3,
      numbering: '（一）',
      title: '化解矛盾纠纷',
      heading: '（一）化解矛盾纠纷',
      item: '主要举措和成效',
      url: 'u',
      pageUrl: 'u',
      paragraphs: [
        { id: 's1-1-p1', text: '坚持和发展新时代“枫桥经验”。' },
        { id: 's1-1-p2', text: '全年化解矛盾纠纷1200起。' },
      ],
    },
    {
      id: 's2',
      level: 2,
      numbering: '二、',
      title: '存在的不足',
      heading: '二、存在的不足',
      item: '存在的不足和原因',
      url: 'u',
      pageUrl: 'u',
      paragraphs: [{ id: 's2-p1', text: '矛盾纠纷化解机制仍需完善。' }],
    },
  ],
} as ReportSectionsData;

describe('a query naming one report', () => {
  const scope = scopeDataOf([
    {
      folder: '2021-minhang-police',
      year: 2021,
      agency: { id: 'minhang-police', shortName: '闵行公安分局', name: '上海市公安局闵行分局' },
    },
    {
      folder: '2020-minhang',
      year: 2020,
      agency: { id: 'minhang-police', shortName: '闵行公安分局', name: '上海市公安局闵行分局' },
    },
  ]);

  it('lists each agency’s years, and only the folders not named <year>-<agency id>', () => {
    expect(scope.agencies).toEqual([
      {
        id: 'minhang-police',
        shortName: '闵行公安分局',
        name: '上海市公安局闵行分局',
        years: [2020, 2021],
        folders: { '2020': '2020-minhang' },
      },
    ]);
    expect(scope.years).toEqual([2021, 2020]);
  });

  it('finds the report folder only when both the agency and a year it reported on are named', () => {
    expect(namedReport(scope, { agency: 'minhang-police', year: '2021' })).toBe(
      '2021-minhang-police',
    );
    expect(namedReport(scope, { agency: 'minhang-police', year: '2020' })).toBe('2020-minhang');
    expect(namedReport(scope, { agency: 'minhang-police', year: '2019' })).toBeUndefined();
    expect(namedReport(scope, { agency: 'minhang-police' })).toBeUndefined();
    expect(namedReport(scope, { year: '2021' })).toBeUndefined();
  });

  it('builds the same section texts and offsets as the index records', () => {
    const candidates = reportSectionCandidates(report, '/fzzf/');
    expect(candidates.map((c) => [c.url, c.section, c.part])).toEqual([
      ['/fzzf/reports/2021-minhang-police/#intro-p1', '', ''],
      ['/fzzf/reports/2021-minhang-police/#s1', 's1', ''],
      ['/fzzf/reports/2021-minhang-police/#s1-1', 's1-1', '一、2021年工作成效'],
      ['/fzzf/reports/2021-minhang-police/#s2', 's2', ''],
    ]);
    const sub = report.sections[1]!;
    const record = recordContent({ heading: sub.heading, paragraphs: sub.paragraphs });
    expect(candidates[2]!.content).toBe(record.content);
    expect(candidates[2]!.paragraphs).toEqual(parseOffsets(record.offsets));
  });

  it('keeps only the named part’s sections, and ranks the topic within the report', () => {
    const shortfalls = reportSectionCandidates(report, '/', { part: '不足' });
    expect(shortfalls.map((c) => c.section)).toEqual(['s2']);
    const ranked = rankSections(reportSectionCandidates(report, '/'), ['矛盾纠纷']);
    expect(ranked[0]!.candidate.section).toBe('s1-1');
    expect(ranked[0]!.href).toBe('/reports/2021-minhang-police/#s1-1-p2');
  });

  it('puts a section holding the words as typed before one that ties through a synonym', () => {
    const candidates = reportSectionCandidates(report, '/');
    // 枫桥经验 (s1-1) as typed, 化解机制 (s2) only through a synonym; both score alike.
    const ranked = rankReportSections(candidates, ['化解机制', '枫桥经验']);
    expect(ranked.map((r) => r.candidate.section).slice(0, 2)).toEqual(['s2', 's1-1']);
    const swapped = rankReportSections(candidates, ['枫桥经验', '化解机制']);
    expect(swapped.map((r) => r.candidate.section).slice(0, 2)).toEqual(['s1-1', 's2']);
  });
});

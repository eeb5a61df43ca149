import { describe, expect, it } from 'vitest';
import {
  checkContent,
  checkReport,
  checkSections,
  type ReportInput,
  type SectionInput,
} from '../../src/lib/content/checks.ts';
import { sectionSchema, type SectionData } from '../../src/schemas/section.ts';
import { REPORT_2023 } from '../support/report-data.ts';

const FOLDER = '2023-jiading-police';
const report: ReportInput = {
  folder: FOLDER,
  file: `content/reports/${FOLDER}/report.md`,
  data: REPORT_2023,
};

const section = (data: Partial<SectionData> & { id: string }, folder = FOLDER): SectionInput => ({
  folder,
  file: `content/reports/${folder}/${data.id}.md`,
  data: sectionSchema.parse({
    numbering: '一、',
    title: '标题',
    order: 1,
    item: data.parent ? undefined : '其他',
    ...data,
  }),
});

const good = [
  section({ id: 's1', numbering: '一、', order: 1 }),
  section({ id: 's1-1', numbering: '(一)', order: 1, parent: 's1' }),
  section({ id: 's1-2', numbering: '（二）', order: 2, parent: 's1' }),
  section({ id: 's2', numbering: '二、', order: 2 }),
  section({ id: 's2-1', numbering: '(一)', order: 1, parent: 's2' }),
];

describe('checkContent', () => {
  it('accepts a well-formed report', () => expect(checkContent([report], good)).toEqual([]));

  it('rejects a section whose folder has no report and names the file', () => {
    const stray = section({ id: 's1' }, '2024-jiading-police');
    expect(checkContent([report], [...good, stray])).toEqual([
      expect.objectContaining({
        file: 'content/reports/2024-jiading-police/s1.md',
        field: '（文件位置）',
      }),
    ]);
  });
});

describe('checkSections', () => {
  it('rejects a duplicate id within a report, naming both files', () => {
    const dup = {
      ...section({ id: 's1-1', numbering: '(三)', order: 3, parent: 's1' }),
      file: 'content/reports/x/other.md',
    };
    const issues = checkSections([...good, dup]);
    expect(issues).toEqual([
      expect.objectContaining({ file: 'content/reports/x/other.md', field: 'id' }),
    ]);
    expect(issues[0]!.found).toContain('s1-1.md');
  });

  it('allows the same id in two different reports', () => {
    const other = good.map((item) => ({ ...item, folder: '2024-jiading-police' }));
    expect(
      checkContent(
        [
          report,
          {
            ...report,
            folder: '2024-jiading-police',
            data: {
              ...report.data,
              year: 2024,
              published: '2025-03-01',
              signature: { body: 'x', date: '2025-03-01' },
            },
          },
        ],
        [...good, ...other],
      ),
    ).toEqual([]);
  });

  it('rejects a duplicate order among siblings', () => {
    const issues = checkSections([
      ...good.slice(0, 2),
      section({ id: 's1-2', numbering: '(一)', order: 1, parent: 's1' }),
      ...good.slice(3),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'content/reports/2023-jiading-police/s1-2.md',
        field: 'order',
      }),
    ]);
  });

  it('rejects a gap in the order', () => {
    const issues = checkSections([good[0]!, section({ id: 's2', numbering: '三、', order: 3 })]);
    expect(issues.map((issue) => issue.field)).toContain('order');
  });

  it('rejects numbering that does not match the order, saying what was expected', () => {
    const issues = checkSections([
      good[0]!,
      section({ id: 's1-1', numbering: '(二)', order: 1, parent: 's1' }),
    ]);
    expect(issues).toEqual([
      {
        file: 'content/reports/2023-jiading-police/s1-1.md',
        field: 'numbering',
        found: '“(二)”',
        expected: expect.stringContaining('“（一）”'),
      },
    ]);
  });

  it('rejects part numbering on a subsection', () => {
    const issues = checkSections([
      good[0]!,
      section({ id: 's1-1', numbering: '一、', order: 1, parent: 's1' }),
    ]);
    expect(issues.map((issue) => issue.field)).toEqual(['numbering']);
  });

  it('accepts 第一部分 parts with 一、 subsections, as some reports are released', () => {
    expect(
      checkSections([
        section({ id: 's1', numbering: '第一部分', order: 1 }),
        section({ id: 's1-1', numbering: '一、', order: 1, parent: 's1' }),
        section({ id: 's1-2', numbering: '二、', order: 2, parent: 's1' }),
        section({ id: 's2', numbering: '第二部分', order: 2 }),
      ]),
    ).toEqual([]);
  });

  it('rejects a part whose numbering style differs from the first part', () => {
    const issues = checkSections([
      section({ id: 's1', numbering: '第一部分', order: 1 }),
      section({ id: 's2', numbering: '二、', order: 2 }),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'numbering',
        found: '“二、”',
        expected: '“第二部分”（order 为 2；顶级部分用“第一部分”式编号）',
      }),
    ]);
  });

  it('restarts subsection numbering under each part', () => {
    expect(checkSections(good)).toEqual([]);
  });

  it('rejects a parent that does not exist', () => {
    const issues = checkSections([
      good[0]!,
      section({ id: 's1-1', numbering: '(一)', order: 1, parent: 's9' }),
    ]);
    expect(issues).toEqual([expect.objectContaining({ field: 'parent', found: '“s9”' })]);
  });

  it('rejects a third level of nesting', () => {
    const issues = checkSections([
      ...good,
      section({ id: 's1-1-1', numbering: '(一)', order: 1, parent: 's1-1' }),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'content/reports/2023-jiading-police/s1-1-1.md',
        field: 'parent',
      }),
    ]);
  });
});

describe('checkReport', () => {
  it('accepts a report published after the year it covers', () =>
    expect(checkReport(report)).toEqual([]));

  it('rejects a publication date before the end of the year reported on', () => {
    const issues = checkReport({ ...report, data: { ...report.data, published: '2023-06-30' } });
    expect(issues).toEqual([
      {
        file: report.file,
        field: 'published',
        found: '“2023-06-30”',
        expected: expect.stringContaining('2023-12-31'),
      },
    ]);
  });

  it('rejects a signing date before the end of the year reported on', () => {
    const issues = checkReport({
      ...report,
      data: { ...report.data, signature: { body: 'x', date: '2023-01-01' } },
    });
    expect(issues.map((issue) => issue.field)).toEqual(['signature.date']);
  });

  it('rejects a folder name that does not match year and agency id', () => {
    const issues = checkReport({ ...report, folder: '2023-jiading' });
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'year / agency.id',
        expected: expect.stringContaining('2023-jiading-police'),
      }),
    ]);
  });
});

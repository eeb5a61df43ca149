import { describe, expect, it } from 'vitest';
import { isRealIsoDate, parseContent } from '../../src/schemas/common.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { sectionSchema } from '../../src/schemas/section.ts';
import { REPORT_2023 } from '../support/report-data.ts';

const report = REPORT_2023;

const fields = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('report schema', () => {
  it('accepts a complete report', () => expect(reportSchema.safeParse(report).success).toBe(true));
  it('accepts dates that YAML handed over as Date objects', () => {
    const parsed = reportSchema.parse({ ...report, published: new Date('2024-03-22T00:00:00Z') });
    expect(parsed.published).toBe('2024-03-22');
  });
  it('leaves 索引号 and 文号 out unless the publisher gives them', () => {
    const parsed = reportSchema.parse(report);
    expect(parsed.indexNumber).toBeUndefined();
    expect(parsed.documentNumber).toBeUndefined();
  });
  it('rejects a date that does not exist and names the field', () => {
    const result = reportSchema.safeParse({ ...report, published: '2024-02-30' });
    expect(fields(result)).toEqual(['published']);
    expect(result.error?.issues[0]?.message).toContain('YYYY-MM-DD');
  });
  it('rejects a non-ASCII agency id', () => {
    expect(
      fields(reportSchema.safeParse({ ...report, agency: { ...report.agency, id: '嘉定' } })),
    ).toEqual(['agency.id']);
  });
  it('rejects a source URL that is not http(s)', () => {
    expect(fields(reportSchema.safeParse({ ...report, sourceUrl: 'javascript:alert(1)' }))).toEqual(
      ['sourceUrl'],
    );
  });
  it('reports missing fields in Chinese', () => {
    const result = parseContent(reportSchema, { ...report, title: undefined });
    expect(fields(result)).toEqual(['title']);
    expect(result.error?.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('section schema', () => {
  const part = {
    id: 's1',
    numbering: '一、',
    title: '2023年工作成效',
    order: 1,
    item: '主要举措和成效',
  };
  const sub = { id: 's1-2', numbering: '(二)', title: '从严打击违法犯罪', order: 2, parent: 's1' };
  it('accepts a part and a subsection', () => {
    expect(sectionSchema.safeParse(part).success).toBe(true);
    expect(sectionSchema.parse(sub).runIn).toBe(false);
  });
  it('requires a statutory item on a top-level part', () => {
    expect(fields(sectionSchema.safeParse({ ...part, item: undefined }))).toEqual(['item']);
  });
  it('rejects an item that is not a statutory item', () => {
    expect(fields(sectionSchema.safeParse({ ...part, item: '成效' }))).toEqual(['item']);
  });
  it('rejects an item on a subsection', () => {
    expect(fields(sectionSchema.safeParse({ ...sub, item: '其他' }))).toEqual(['item']);
  });
  it('rejects an id that is not stable ASCII', () => {
    for (const id of ['第一部分', 'S1', '1-2', 's 1'])
      expect(fields(sectionSchema.safeParse({ ...part, id }))).toEqual(['id']);
  });
  it('rejects an order that is not a positive whole number', () => {
    for (const order of [0, 1.5, '2'])
      expect(fields(sectionSchema.safeParse({ ...part, order }))).toEqual(['order']);
  });
});

describe('isRealIsoDate', () => {
  it('accepts real days, leap days included', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2023-12-31')).toBe(true);
  });
  it('rejects impossible days and other formats', () => {
    for (const value of ['2023-02-29', '2023-13-01', '2023-3-22', '2023/03/22', '2023年3月22日'])
      expect(isRealIsoDate(value)).toBe(false);
  });
});

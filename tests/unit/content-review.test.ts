import { describe, expect, it } from 'vitest';
import { type Frontmatter, readFrontmatter } from '../../src/data/frontmatter.ts';
import {
  findPlaceholders,
  formatReviewLine,
  type ReviewReport,
  type ReviewSection,
  reviewContent,
} from '../../src/lib/content/review.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { sectionSchema } from '../../src/schemas/section.ts';

const REPORT_SOURCE = `---
title: 测试局2024年法治政府建设情况
agency:
  name: 测试市测试局
  shortName: 测试局
  id: test-agency
year: 2024
published: 2025-03-20
signature:
  body: 测试市测试局
  date: 2025-03-20
summary: 一句话简介。
---

正文。
`;

describe('field lines from the YAML parser', () => {
  const { yaml } = readFrontmatter(REPORT_SOURCE) as Frontmatter;
  it('finds top-level and nested fields by their path, counted in the whole file', () => {
    expect(yaml.lineOf(['title'])).toBe(2);
    expect(yaml.lineOf(['agency', 'id'])).toBe(6);
    expect(yaml.lineOf(['signature', 'date'])).toBe(11);
    expect(yaml.lines()).toMatchObject({ title: 2, 'agency.id': 6, published: 8 });
  });

  it('does not confuse a nested key with a top-level key of the same name', () => {
    expect(yaml.lineOf(['name'])).toBeUndefined();
    expect(yaml.lineOf(['agency', 'name'])).toBe(4);
  });

  it('points a missing nested field at its parent and a missing field nowhere', () => {
    expect(yaml.lineOf(['agency', 'missing'])).toBe(3);
    expect(yaml.lineOf(['sourceUrl'])).toBeUndefined();
  });

  it('counts lines above the frontmatter and finds list items and comments', () => {
    const { yaml: shifted, bodyLine } = readFrontmatter(
      '\n---\nid: s1\naliases:\n  - old\npublished: 2025-01-01 # 待补充：日期\n---\n\n正文。\n',
    ) as Frontmatter;
    expect(shifted.lines()).toEqual({ id: 3, aliases: 4, 'aliases.0': 5, published: 6 });
    expect(shifted.comments()).toEqual([{ field: 'published', line: 6, text: '待补充：日期' }]);
    expect(bodyLine).toBe(8);
  });
});

const report = (overrides: Record<string, unknown> = {}, body = '正文。'): ReviewReport => ({
  folder: '2024-test-agency',
  file: 'content/reports/2024-test-agency/report.md',
  data: reportSchema.parse({
    title: '测试局2024年法治政府建设情况',
    agency: { name: '测试市测试局', shortName: '测试局', id: 'test-agency' },
    year: 2024,
    published: '2025-03-20',
    signature: { body: '测试市测试局', date: '2025-03-20' },
    summary: '一句话简介。',
    ...overrides,
  }),
  body,
});
const ITEMS = ['主要举措和成效', '存在的不足和原因', '第一责任人职责', '下一年度主要安排'];
const parts = (bodies: string[] = ITEMS.map(() => '正文。')): ReviewSection[] =>
  ITEMS.map((item, index) => ({
    folder: '2024-test-agency',
    file: `content/reports/2024-test-agency/s${index + 1}.md`,
    data: sectionSchema.parse({
      id: `s${index + 1}`,
      numbering: '一二三四'[index] + '、',
      title: item,
      order: index + 1,
      item,
    }),
    body: bodies[index]!,
  }));

describe('reviewContent', () => {
  it('finds nothing in a complete, timely report', () => {
    expect(reviewContent([report()], parts())).toEqual([]);
  });

  it('makes a placeholder an error in a finished report, naming the field and the text', () => {
    const issues = reviewContent([report({ indexNumber: '……' })], parts());
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'indexNumber',
        found: '占位内容 “……”：“……”',
      }),
    ]);
    expect(issues[0]!.expected).toContain('draft: true');
  });

  it('makes placeholders warnings in a draft, in frontmatter and body lines alike', () => {
    const issues = reviewContent(
      [report({ draft: true, summary: '待补充' })],
      parts([
        '第一段。\n\n（本节正文，按原文照录，段落之间空一行。）',
        '正文。',
        '正文。',
        '正文。',
      ]),
    );
    expect(issues.map(({ severity, field, file }) => [severity, field, file])).toEqual([
      ['warning', 'summary', 'content/reports/2024-test-agency/report.md'],
      ['warning', '（正文）', 'content/reports/2024-test-agency/s1.md'],
    ]);
  });

  it('warns about a statutory item no part covers, naming the rule', () => {
    const issues = reviewContent([report()], parts().slice(0, 3));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', field: 'item' });
    expect(issues[0]!.found).toBe('没有哪个顶级部分的 item 是“下一年度主要安排”');
    expect(issues[0]!.expected).toContain('第二十五条');
  });

  it('warns about publication after 1 April of the following year, and not on that day', () => {
    expect(reviewContent([report({ published: '2025-04-01' })], parts())).toEqual([]);
    const [issue] = reviewContent([report({ published: '2025-04-02' })], parts());
    expect(issue).toMatchObject({
      severity: 'warning',
      field: 'published',
      found: '“2025-04-02”，晚于 2025-04-01',
    });
  });

  it('warns about a section without text unless its subsections carry it', () => {
    const issues = reviewContent([report()], parts(['', '正文。', ' \n', '正文。']));
    expect(issues.map((issue) => [issue.file, issue.found])).toEqual([
      ['content/reports/2024-test-agency/s1.md', '本节没有正文'],
      ['content/reports/2024-test-agency/s3.md', '本节没有正文'],
    ]);
    const withChild: ReviewSection = {
      folder: '2024-test-agency',
      file: 'content/reports/2024-test-agency/s1-1.md',
      data: sectionSchema.parse({
        id: 's1-1',
        numbering: '（一）',
        title: '小节',
        order: 1,
        parent: 's1',
      }),
      body: '正文。',
    };
    expect(
      reviewContent([report()], [...parts(['', '正文。', '正文。', '正文。']), withChild]),
    ).toEqual([]);
  });
});

describe('messages', () => {
  it('lists each placeholder found once', () => {
    expect(findPlaceholders('待补充……待补充')).toEqual(['……', '待补充']);
    expect(findPlaceholders('按原文照录。')).toEqual([]);
  });

  it('takes …… for a placeholder only where it stands nearly alone, not inside released text', () => {
    expect(findPlaceholders('……')).toEqual(['……']);
    expect(findPlaceholders('https://……')).toEqual(['……']);
    expect(findPlaceholders('（……）')).toEqual(['……']);
    expect(findPlaceholders('坚持……')).toEqual(['……']);
    expect(findPlaceholders('开展“法律进机关、进乡村、进社区……”系列活动。')).toEqual([]);
  });

  it('put file:line, field, found and expected on one line', () => {
    expect(
      formatReviewLine({
        file: 'content/reports/2024-x/s1-2.md',
        line: 3,
        field: 'numbering',
        found: '“(三)”',
        expected: '“（二）”',
      }),
    ).toBe('content/reports/2024-x/s1-2.md:3  numbering  发现：“(三)”  应为：“（二）”');
  });
});

describe('checkContentFiles', () => {
  it('keeps the line a check found a body problem on, rather than the top of the file', async () => {
    const { mkdtempSync, cpSync, appendFileSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { checkContentFiles } = await import('../../src/data/content-check.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'fzzf-review-'));
    cpSync('tests/fixtures/valid', dir, { recursive: true });
    const file = path.join(dir, '2024-test-agency', 's1-1.md');
    appendFileSync(file, '\n<div>raw</div>\n');
    const htmlLine = readFileSync(file, 'utf8').split('\n').indexOf('<div>raw</div>') + 1;
    const { problems: issues } = await checkContentFiles(
      {
        reportsDir: dir,
        synonymsFile: 'none.yml',
        siteFile: 'none.yml',
        indicatorsFile: 'none.yml',
      },
      dir,
    );
    rmSync(dir, { recursive: true, force: true });
    const body = issues.find((issue) => issue.file.endsWith('s1-1.md'));
    expect(body?.field).toBe('（正文）');
    expect(body?.line).toBe(htmlLine);
    expect(htmlLine).toBeGreaterThan(1);
  });
});

describe('the one door for content problems', () => {
  it('checks the synonym list and site.yml with the reports, each problem on its own line', async () => {
    const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { checkContentFiles, errorsOf } = await import('../../src/data/content-check.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'fzzf-door-'));
    cpSync('tests/fixtures/valid', path.join(dir, 'reports'), { recursive: true });
    writeFileSync(
      path.join(dir, 'synonyms.yml'),
      '- term: 电信网络诈骗\n  aliases: [反诈]\n- term: 行政复议\n  aliases: []\n',
    );
    writeFileSync(path.join(dir, 'site.yml'), 'name: 测试网站\nfeedback: fzb@example.gov.cn\n');
    const { problems } = await checkContentFiles(
      {
        reportsDir: 'reports',
        synonymsFile: 'synonyms.yml',
        siteFile: 'site.yml',
        indicatorsFile: 'indicators.yml',
      },
      dir,
    );
    rmSync(dir, { recursive: true, force: true });
    expect(
      errorsOf(problems).map(({ file, line, field, severity }) => [file, line, field, severity]),
    ).toEqual([
      ['synonyms.yml', 4, '第 2 组 aliases', 'error'],
      ['site.yml', 2, 'feedback', 'error'],
    ]);
  });
});

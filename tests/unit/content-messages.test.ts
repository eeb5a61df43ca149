import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { parseContent } from '../../src/schemas/common.ts';
import { fragmentId, reservedIdReason } from '../../src/lib/addresses/ids.ts';
import { checkContent, type SectionInput } from '../../src/lib/content/checks.ts';
import { decodeUtf8 } from '../../src/lib/content/encoding.ts';
import {
  formatFieldPath,
  fromSchemaIssue,
  makeVisible,
  nearestName,
  showValue,
} from '../../src/lib/content/errors.ts';
import { schemaKeys } from '../../src/lib/content/schema-messages.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { sectionSchema } from '../../src/schemas/section.ts';

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('schema messages', () => {
  it('say what to write, in Chinese, with no zod type names', () => {
    const result = parseContent(sectionSchema, {
      id: 'S1',
      numbering: '',
      title: 42,
      order: 1.5,
      item: '成效',
      runIn: 'yes',
      aliases: 's0',
    });
    expect(messages(result)).toMatchInlineSnapshot(`
      [
        "id: 小写英文字母开头、只含小写字母、数字和连字符（-）的标识，例如 s1-2",
        "numbering: 不能为空，请填写",
        "title: 一段文字",
        "order: 整数（不加引号），例如 2024",
        "item: 以下之一（照原样填写）：主要举措和成效 / 存在的不足和原因 / 第一责任人职责 / 下一年度主要安排 / 其他",
        "runIn: true 或 false（不加引号）",
        "aliases: 列表：每项单独一行，以“- ”开头；或写成 [甲, 乙]",
      ]
    `);
    for (const message of result.error!.issues.map((issue) => issue.message))
      expect(message).not.toMatch(/string|number|boolean|array|Invalid|expected|"\w+"\|/);
  });

  it('refuse an unknown field and suggest the near miss at its level', () => {
    const data = { titel: '标题', agency: { shortname: '测试局' } };
    const result = reportSchema.safeParse(data);
    const unknown = result.error!.issues.filter((issue) => issue.code === 'unrecognized_keys');
    const issues = unknown.flatMap((issue) =>
      fromSchemaIssue('report.md', data, issue, {
        knownKeys: (at) => schemaKeys(reportSchema, at),
      }),
    );
    expect(issues.map((issue) => [issue.field, issue.expected])).toEqual([
      ['agency.shortname', '是不是 shortName？请把字段名改为 shortName'],
      ['titel', '是不是 title？请把字段名改为 title'],
    ]);
  });

  it('leave zod as it was for any other code in the process', () => {
    expect(z.string().safeParse(1).error?.issues[0]?.message).toMatch(/expected string/);
    expect(sectionSchema.safeParse({}).success).toBe(false);
    expect(z.string().safeParse(1).error?.issues[0]?.message).toMatch(/expected string/);
  });

  it('a URL and a length limit are explained, not named', () => {
    const result = parseContent(reportSchema, {
      sourceUrl: 'www.gov.cn',
      title: '长'.repeat(81),
    });
    const shown = messages(result)!.filter((m) => /^(sourceUrl|title):/.test(m));
    expect(shown).toMatchInlineSnapshot(`
      [
        "title: 不超过 80 个字；请缩短",
        "sourceUrl: 以 http:// 或 https:// 开头的完整网址，例如 https://www.example.gov.cn/art/2024/3/28/art_1.html",
      ]
    `);
  });
});

describe('values in messages', () => {
  it('make invisible characters visible and cut long text', () => {
    expect(makeVisible('s1\u200b\u00a0x\u3000')).toBe(
      's1〔零宽空格 U+200B〕〔不换行空格 U+00A0〕x〔全角空格 U+3000〕',
    );
    expect(showValue('很'.repeat(50))).toBe(`“${'很'.repeat(40)}……”（共 50 个字）`);
    expect(showValue(' s1')).toBe('“ s1”（首尾有空格）');
    expect(showValue(undefined)).toBe('（未填写）');
  });

  it('name list items from 1', () => {
    expect(formatFieldPath([0, 'aliases', 1], '组')).toBe('第 1 组 aliases（第 2 项）');
    expect(formatFieldPath(['agency', 'id'])).toBe('agency.id');
  });

  it('suggest only names close enough', () => {
    expect(nearestName('sumary', ['summary', 'title'])).toBe('summary');
    expect(nearestName('alias', ['term', 'aliases'])).toBe('aliases');
    expect(nearestName('colour', ['summary', 'title'])).toBeUndefined();
  });
});

describe('ids', () => {
  it('reserve what the layout and the paragraph grammar use', () => {
    expect(
      ['main', 'site-search', 'toc-heading', 'year-2023', 'intro', 's1-1-p1', 's1'].map(
        reservedIdReason,
      ),
    ).toEqual(['layout', 'layout', 'layout', 'layout', 'preamble', 'paragraph', undefined]);
  });

  it('read a malformed fragment as text instead of throwing', () => {
    expect(fragmentId('#%E0%A4%A')).toBe('%E0%A4%A');
    expect(fragmentId('#s1-2-p3')).toBe('s1-2-p3');
    expect(fragmentId('#%E4%B8%80')).toBe('一');
  });
});

describe('encodings', () => {
  it('accept UTF-8 with or without a byte order mark, and name the others', () => {
    expect(decodeUtf8(new TextEncoder().encode('\ufeff标题'))).toEqual({ text: '标题' });
    const found = (bytes: number[]) => {
      const decoded = decodeUtf8(new Uint8Array(bytes));
      return 'found' in decoded ? decoded.found : decoded.text;
    };
    expect(found([0xb1, 0xea, 0xcc, 0xe2])).toContain('GBK / GB18030');
    expect(found([0xff, 0xfe, 0x07, 0x68])).toContain('UTF-16（');
    expect(found([0x00, 0x74, 0x00, 0x69, 0x00, 0x74])).toContain('UTF-16 BE');
    expect(found([0xff, 0xff, 0xff])).toContain('无法识别的编码');
    expect(found([0x61, 0x1b, 0x62])).toBe('a\u001bb');
  });
});

describe('cross-file checks', () => {
  const section = (
    data: Record<string, unknown>,
    body = {
      paragraphs: 1,
      texts: ['正文。'],
      hasText: true,
      links: [] as { url: string; line: number }[],
      problems: [],
    },
  ): SectionInput => ({
    folder: '2024-a',
    file: `r/2024-a/${String(data['id'])}.md`,
    data: sectionSchema.parse({
      numbering: '一、',
      title: '标题',
      order: 1,
      item: '其他',
      ...data,
    }),
    body,
  });
  const report = {
    folder: '2024-a',
    file: 'r/2024-a/report.md',
    data: reportSchema.parse({
      title: '标题',
      agency: { name: '甲', shortName: '甲', id: 'a' },
      year: 2024,
      published: '2025-01-02',
      signature: { body: '甲', date: '2025-01-01' },
      summary: '摘要',
    }),
    body: { paragraphs: 2, texts: ['一。', '二。'], hasText: true, links: [], problems: [] },
  };

  it('resolve links to sections, aliases and paragraphs, and name the ones that do not', () => {
    const links = [
      '#s1',
      '#s1-p1',
      '#old-p1',
      '#intro-p2',
      '#s1-p2',
      '#intro-p3',
      '/reports/2024-a/s1/#s1-p1',
      '/reports/2024-b/',
    ].map((url) => ({ url, line: 3 }));
    const issues = checkContent(
      [report],
      [
        section(
          { id: 's1', aliases: ['old'] },
          { paragraphs: 1, texts: ['正文。'], hasText: true, links, problems: [] },
        ),
      ],
    );
    expect(issues.map((issue) => issue.found)).toEqual([
      '链接 #s1-p2：本报告中没有 id 为 s1-p2 的章节或段落',
      '链接 #intro-p3：本报告中没有 id 为 intro-p3 的章节或段落',
      '链接 /reports/2024-b/：没有名为 2024-b 的报告',
    ]);
  });

  it('resolve links to a published report by its recorded paragraph ids, not by position', () => {
    const links = ['#s1-p1', '#s1-p2', '#s1-p3'].map((url) => ({ url, line: 3 }));
    const corrected = {
      ...section({ id: 's1' }, { paragraphs: 2, texts: [], hasText: true, links, problems: [] }),
      // A correction inserted s1-p3 before s1-p2; s1-p1 was removed and stays an anchor.
      paragraphIds: ['s1-p3', 's1-p2', 's1-p1'],
    };
    expect(checkContent([report], [corrected])).toEqual([]);
    const unknown = { ...corrected, paragraphIds: ['s1-p3', 's1-p2'] };
    expect(checkContent([report], [unknown]).map((issue) => issue.found)).toEqual([
      '链接 #s1-p1：本报告中没有 id 为 s1-p1 的章节或段落',
    ]);
  });

  it('report a gap in order once, on the first section after it', () => {
    const issues = checkContent(
      [report],
      [
        section({ id: 's1' }),
        section({ id: 's3', order: 3, numbering: '三、' }),
        section({ id: 's4', order: 4, numbering: '四、' }),
      ],
    );
    expect(issues.map((issue) => `${issue.file} ${issue.field} ${issue.found}`)).toEqual([
      'r/2024-a/s3.md order 3，前面缺少 order 为 2 的同级章节',
    ]);
  });

  it('blames the section whose order changed when its numbering still names the gap', () => {
    const issues = checkContent(
      [report],
      [
        section({ id: 's1', order: 4 }),
        section({ id: 's2', order: 2, numbering: '二、' }),
        section({ id: 's3', order: 3, numbering: '三、' }),
      ],
    );
    expect(issues.map((issue) => `${issue.file} ${issue.field} ${issue.found}`)).toEqual([
      'r/2024-a/s1.md order 4，但 numbering 是 “一、”，同级章节中缺少 order 为 1 的一节',
    ]);
  });

  it('blames the changed section, not its sibling, when the new order is taken', () => {
    const issues = checkContent(
      [report],
      [section({ id: 's1', order: 2 }), section({ id: 's2', order: 2, numbering: '二、' })],
    );
    expect(issues.map((issue) => `${issue.file} ${issue.field}`)).toEqual(['r/2024-a/s1.md order']);
  });
});

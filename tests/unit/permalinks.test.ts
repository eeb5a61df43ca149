import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { checkAliases, type SectionInput } from '../../src/lib/content/checks.ts';
import { splitFrontmatter } from '../../src/data/frontmatter.ts';
import {
  absoluteUrl,
  DEFAULT_SITE_URL,
  reportPath,
  sectionPath,
  siteUrl,
  pathBuilders,
  withBase,
} from '../../src/lib/addresses/urls.ts';
import { sectionDescription, summarize } from '../../src/lib/content/summary.ts';
import { qrImage, QUIET_ZONE } from '../../src/node/qr.ts';
import { MARKDOWN_PIPELINE } from '../../src/markdown/pipeline.ts';
import { sectionSchema, type SectionData } from '../../src/schemas/section.ts';
import { decodeQrImage, qrPixels } from '../support/qr.ts';
import { ROOT } from '../support/dist.ts';

// The site's own Markdown pipeline, so ids are those the site shows.
const processor = await createMarkdownProcessor({ syntaxHighlight: false, ...MARKDOWN_PIPELINE });
const render = async (markdown: string, frontmatter: Record<string, unknown>) =>
  (await processor.render(markdown, { frontmatter })).code;
const paragraphIds = (html: string) =>
  [...html.matchAll(/<p id="([^"]+)"/g)].map((match) => match[1]);

describe('paragraph ids', () => {
  const file = readFileSync(path.join(ROOT, 'content/reports/2023-jiading-police/s1-3.md'), 'utf8');
  const { body } = splitFrontmatter(file)!;
  const twoParagraphs = `${body.trim()}\n\n第二段原文。`;

  it('come from the section id and the position, not from the wording', async () => {
    const before = await render(twoParagraphs, { id: 's1-3' });
    // A sentence reworded, one shortened and one figure changed: the same paragraphs, other words.
    const edited = twoParagraphs
      .replace('新建成4家派出所示范案管室', '新建成5家派出所示范案件管理室')
      .replace('第二段原文。', '第二段改写后的文字，比原来更长。');
    expect(edited).not.toBe(twoParagraphs);
    const after = await render(edited, { id: 's1-3' });
    expect(after).not.toBe(before);
    expect(paragraphIds(before)).toEqual(['s1-3-p1', 's1-3-p2']);
    expect(paragraphIds(after)).toEqual(paragraphIds(before));
  });

  it('number the preamble intro-p1, intro-p2 … when the file has no section id', async () => {
    expect(paragraphIds(await render('导言第一段。\n\n导言第二段。', {}))).toEqual([
      'intro-p1',
      'intro-p2',
    ]);
  });

  it('give each paragraph an empty link to itself, labelled for screen readers, and keep the text as written', async () => {
    const html = await render('第一段。\n\n第二段。', { id: 's2' });
    expect(html).toContain(
      '<p id="s2-p2">第二段。<a class="paragraph-anchor" href="#s2-p2" aria-label="本段链接"></a></p>',
    );
    expect(html).not.toContain('¶');
  });

  it('keep the former ids of a renamed section on its paragraphs', async () => {
    const html = await render('第一段。\n\n第二段。', {
      id: 's2-1',
      aliases: ['old-plans', 'plans'],
    });
    expect(html).toContain(
      '<p id="s2-1-p2"><span id="old-plans-p2" class="id-alias" data-alias-of="s2-1-p2"></span><span id="plans-p2" class="id-alias" data-alias-of="s2-1-p2"></span>第二段。',
    );
  });
});

describe('absolute URLs', () => {
  it('carry the base path of SITE_URL', () => {
    const { site, base } = siteUrl('https://www.example.gov.cn/fzzf/');
    expect(absoluteUrl(site, sectionPath(base, '2023-jiading-police', 's1-2'))).toBe(
      'https://www.example.gov.cn/fzzf/reports/2023-jiading-police/s1-2/',
    );
    const root = siteUrl(undefined);
    expect(absoluteUrl(root.site, reportPath(root.base, '2023-jiading-police'))).toBe(
      `${DEFAULT_SITE_URL}reports/2023-jiading-police/`,
    );
  });
});

describe('summarize', () => {
  it('returns the first paragraph as plain text with full-width punctuation', () => {
    expect(summarize('**“守护钱袋子”**项目,取得成效。\n\n第二段。')).toBe(
      '“守护钱袋子”项目，取得成效。',
    );
  });

  it('cuts a long paragraph at a sentence end within the limit', () => {
    const text = `${'甲'.repeat(60)}。${'乙'.repeat(100)}。`;
    expect(summarize(text, 120)).toBe(`${'甲'.repeat(60)}。`);
  });

  it('cuts mid-sentence with an ellipsis when no sentence ends early enough', () => {
    expect(summarize('丙'.repeat(200), 50)).toBe(`${'丙'.repeat(50)}…`);
  });
});

describe('sectionDescription', () => {
  it('is the start of the text, which the page title already heads', () => {
    expect(sectionDescription('（二）提升执法水平能力。', '完善执法培训机制。')).toBe(
      '完善执法培训机制。',
    );
    expect(sectionDescription('三、下一步工作打算', '')).toBe('三、下一步工作打算');
  });
});

describe('QR code', () => {
  it('decodes to the URL it was made from, Chinese-free and with a base path', () => {
    const url = 'https://www.example.gov.cn/fzzf/reports/2023-jiading-police/s1-2/';
    expect(decodeQrImage(qrImage(url).src)).toBe(url);
  });

  it('is a small PNG, one pixel a module', () => {
    const { size, src } = qrImage(DEFAULT_SITE_URL);
    expect(qrPixels(src).size).toBe(size);
    expect(src.length).toBeLessThan(600);
  });

  it('is the symbol edge to edge, leaving the quiet zone to the stylesheet', () => {
    const { size, src } = qrImage(DEFAULT_SITE_URL);
    const { dark } = qrPixels(src);
    // The finder patterns start at the image's corners: seven dark modules, then a light one.
    for (const [x0, y0] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ] as const) {
      for (let i = 0; i < 7; i += 1) expect(dark(x0 + i, y0)).toBe(true);
      expect(dark(x0 === 0 ? 7 : x0 - 1, y0)).toBe(false);
    }
    // Read as the page draws it: inside a quiet zone of light padding.
    expect(decodeQrImage(src, 8, QUIET_ZONE)).toBe(DEFAULT_SITE_URL);
  });
});

describe('checkAliases', () => {
  const section = (data: Partial<SectionData> & { id: string }): SectionInput => ({
    folder: '2024-test-agency',
    file: `content/reports/2024-test-agency/${data.id}.md`,
    data: sectionSchema.parse({
      numbering: '一、',
      title: '标题',
      order: 1,
      item: '其他',
      ...data,
    }),
  });

  it('accepts former ids that no section or paragraph uses', () => {
    expect(
      checkAliases([
        section({ id: 's1', aliases: ['overview'] }),
        section({ id: 's2', aliases: ['plans'] }),
      ]),
    ).toEqual([]);
  });

  it('rejects an alias that is another section’s live id, naming file, field, found and expected', () => {
    expect(checkAliases([section({ id: 's1' }), section({ id: 's2', aliases: ['s1'] })])).toEqual([
      {
        file: 'content/reports/2024-test-agency/s2.md',
        field: 'aliases',
        found: '“s1”，与 content/reports/2024-test-agency/s1.md 现在的 id 相同',
        expected: '本节以前用过、现在不属于任何章节或段落的 id；旧链接会跳转到本节',
      },
    ]);
  });

  it('rejects an alias listed by two sections', () => {
    const issues = checkAliases([
      section({ id: 's1', aliases: ['plans'] }),
      section({ id: 's2', aliases: ['plans'] }),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'content/reports/2024-test-agency/s2.md',
        field: 'aliases',
        found: '“plans”，已列在 content/reports/2024-test-agency/s1.md 的 aliases 中',
      }),
    ]);
  });

  it('is refused by the schema when it is a paragraph id, the preamble prefix or a layout id', () => {
    const result = sectionSchema.safeParse({
      id: 's2',
      numbering: '二、',
      title: '标题',
      order: 2,
      item: '其他',
      aliases: ['s1-p2', 'intro', 'main'],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [
        'aliases.0',
        '另选一个 id：s1-p2 已被保留（形如段落编号（如 s1-1-p1），会与段落的链接冲突），例如按编号写作 s1、s1-2',
      ],
      [
        'aliases.1',
        '另选一个 id：intro 已被保留（这是报告导言段落编号（intro-p1 等）的前缀），例如按编号写作 s1、s1-2',
      ],
      [
        'aliases.2',
        '另选一个 id：main 已被保留（网页版式已用作元素编号），例如按编号写作 s1、s1-2',
      ],
    ]);
  });

  it('is refused by the schema when it repeats the section’s own id', () => {
    const result = sectionSchema.safeParse({
      id: 's1',
      numbering: '一、',
      title: '标题',
      order: 1,
      item: '其他',
      aliases: ['s1'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['aliases']);
  });
});

describe('paths with the base bound', () => {
  it('binds the base as the first argument of every builder and keeps the other arguments', () => {
    const bound = withBase('/fzzf/', pathBuilders);
    expect(Object.keys(bound)).toEqual(Object.keys(pathBuilders));
    expect(bound.homePath()).toBe('/fzzf/');
    expect(bound.sectionPath('2023-a', 's2')).toBe('/fzzf/reports/2023-a/s2/');
    expect(bound.searchPath('一网 通办')).toBe(
      `/fzzf/search/?q=${encodeURIComponent('一网 通办')}`,
    );
    expect(bound.searchPath()).toBe('/fzzf/search/');
    expect(bound.reportDataPath('2023-a', 'json')).toBe('/fzzf/reports/2023-a.json');
  });
});

import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatImportSummary, wordNotes } from '../../src/lib/import/messages.ts';
import { readDocx, type WordDocument } from '../../src/node/docx.ts';
import { importBlocks, treeOf } from '../support/import.ts';

// A 1×1 PNG, enough for Word to hold an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const text = (value: string, bold = false) => new TextRun({ text: value, bold });
const paragraph = (...runs: TextRun[]) => new Paragraph({ children: runs });
const cell = (value: string) => new TableCell({ children: [paragraph(text(value))] });
const row = (...values: string[]) => new TableRow({ children: values.map(cell) });

/** A report as a publisher's Word file might hold it: bold headings, a table, a list, an image. */
async function makeReport(): Promise<Uint8Array> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [text('桐乡市市场监督管理局2023年法治政府建设情况', true)],
          }),
          paragraph(text('来源：桐乡市市场监督管理局　发布时间：2024-03-01 10:30')),
          paragraph(
            text('2023年，市市场监管局坚持依法监管、'),
            text('公正文明', true),
            text('执法。'),
          ),
          paragraph(text('一、主要举措和成效', true)),
          paragraph(
            text('（一）推进“双随机、一公开”监管。', true),
            text('全年开展联合抽查四十批次。'),
          ),
          new Paragraph({
            children: [
              new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } }),
            ],
          }),
          new Table({ rows: [row('指标', '数值'), row('抽查户数', '1200')] }),
          new Paragraph({ text: '开展专项检查', bullet: { level: 0 } }),
          new Paragraph({ text: '公开抽查结果', bullet: { level: 0 } }),
          paragraph(text('（二）规范'), text('行政处罚', true)),
          paragraph(text('处罚决定全部公示。')),
          paragraph(text('二、下一步安排', true)),
          paragraph(text('继续深化信用监管。')),
          new Paragraph({ text: '完善信用修复机制', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: '推进分级分类监管', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [text('桐乡市市场监督管理局')],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text('2024年3月1日')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('importing a Word file', () => {
  let word: WordDocument;
  beforeAll(async () => {
    word = await readDocx(await makeReport());
  });

  it('finds the tree and the fields', () => {
    const { plan } = importBlocks(word.blocks, {}, '段');
    expect(treeOf(plan)).toEqual([
      's1 一、主要举措和成效 [主要举措和成效]',
      '  s1-1 （一）推进“双随机、一公开”监管。',
      '  s1-2 （二）规范行政处罚',
      's2 二、下一步安排 [下一年度主要安排]',
    ]);
    expect(plan.data).toMatchObject({
      title: '桐乡市市场监督管理局2023年法治政府建设情况',
      agency: { name: '桐乡市市场监督管理局', shortName: '桐乡市市场监督管理局' },
      published: '2024-03-01',
      source: '桐乡市市场监督管理局',
      signature: { body: '桐乡市市场监督管理局', date: '2024-03-01' },
      summary: '2023年，市市场监管局坚持依法监管、公正文明执法。',
    });
  });

  it('keeps bold, the table and the list as Markdown', () => {
    const { report, files } = importBlocks(word.blocks, {}, '段');
    expect(report.preamble).toEqual(['2023年，市市场监管局坚持依法监管、**公正文明**执法。']);
    expect(report.parts[0]!.subsections[0]!.paragraphs).toEqual([
      '全年开展联合抽查四十批次。',
      '| 指标 | 数值 |\n| --- | --- |\n| 抽查户数 | 1200 |',
      '- 开展专项检查\n- 公开抽查结果',
    ]);
    expect(files.get('s1-1.md')).toContain('| 抽查户数 | 1200 |');
  });

  it('keeps a Word-numbered list as a numbered Markdown list and counts it', () => {
    const { report } = importBlocks(word.blocks, {}, '段');
    expect(report.parts[1]!.paragraphs).toEqual([
      '继续深化信用监管。',
      '1. 完善信用修复机制\n2. 推进分级分类监管',
    ]);
    expect(word.autoNumbered).toBe(2);
  });

  it('tells the publisher what it did not import and what to check', () => {
    const { report, plan } = importBlocks(word.blocks, {}, '段');
    const summary = formatImportSummary({
      file: '报告.docx',
      report,
      plan,
      outDir: 'content/reports',
      written: true,
      notImported: word.images.map(wordNotes.image),
      notes: [wordNotes.autoNumbered(word.autoNumbered)],
    });
    expect(summary).toMatchInlineSnapshot(`
      "已读取 报告.docx
      请注意（1 条）：
        - 有 2 个段落使用 Word 自动编号，已按编号列表导入；如其中有章节标题，请在 Word 中改为手工输入的编号后重新导入
      标题：桐乡市市场监督管理局2023年法治政府建设情况（取自第 1 段）
      年度：2023（取自标题）
      机构：桐乡市市场监督管理局（取自落款）
      简称：桐乡市市场监督管理局（由标题推得）
      发布日期：2024年3月1日（取自原文“发布时间”，时刻 10:30 不保留）
      落款：桐乡市市场监督管理局 2024年3月1日（取自原文落款）
      简介：2023年，市市场监管局坚持依法监管、公正文明执法。（取自开头第一句）
      来源：桐乡市市场监督管理局（取自原文“来源”）
      章节：
        s1    一、主要举措和成效  → 主要举措和成效（推测：标题含“举措”）
            s1-1  （一）推进“双随机、一公开”监管。…
            s1-2  （二）规范行政处罚
        s2    二、下一步安排  → 下一年度主要安排（推测：标题含“下一步”）
      未导入（2 项）：
        - 第 2 段“来源：桐乡市市场监督管理局 发布时间：2024-03-01 10:30”：网页上的发布信息，已读取其中的字段
        - 图片（位于“…一公开”监管。全年开展联合抽查四十批次。”之后）：报告只导入文字
      已写入 content/reports/2023-test-agency/：report.md 和 4 个章节文件。
      下一步：核对文件中注明“请核对”的值（各部分的 item 可选 主要举措和成效、存在的不足和原因、第一责任人职责、下一年度主要安排、其他），然后运行 npm run publish-report -- 2023-test-agency：先检查，无误即发布并记录第一版，有问题则逐条列出。"
    `);
  });

  it('writes out heading numbers Word draws (一、 （一） from a numbering style), keeping 1. lists', async () => {
    const heading = (value: string, level: number) =>
      new Paragraph({
        children: [text(value, true)],
        numbering: { reference: 'headings', level },
        ...(level === 0 ? { heading: HeadingLevel.HEADING_1 } : {}),
      });
    const document = new Document({
      numbering: {
        config: [
          {
            reference: 'headings',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
            ],
          },
          { reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
        ],
      },
      sections: [
        {
          children: [
            paragraph(text('临江区司法局2023年法治政府建设年度报告')),
            paragraph(text('2023年，区司法局依法履职。')),
            heading('主要举措和成效', 0),
            heading('健全制度', 1),
            new Paragraph({ text: '修订裁量基准', numbering: { reference: 'steps', level: 0 } }),
            heading('规范执法', 1),
            paragraph(text('全面推行行政执法公示制度。')),
            heading('下一步安排', 0),
            heading('加强培训', 1),
            paragraph(text('分批轮训执法人员。')),
          ],
        },
      ],
    });
    const numbered = await readDocx(new Uint8Array(await Packer.toBuffer(document)));
    expect(numbered.numberedHeadings).toBe(5);
    const { report, plan } = importBlocks(numbered.blocks, {}, '段');
    expect(treeOf(plan)).toEqual([
      's1 一、主要举措和成效 [主要举措和成效]',
      '  s1-1 （一）健全制度',
      '  s1-2 （二）规范执法',
      's2 二、下一步安排 [下一年度主要安排]',
      '  s2-1 （一）加强培训',
    ]);
    expect(report.parts[0]!.subsections[0]!.paragraphs).toEqual(['1. 修订裁量基准']);
  });

  it('refuses a file that is not a .docx', async () => {
    await expect(readDocx(new TextEncoder().encode('不是 Word 文件'))).rejects.toThrow();
  });
});

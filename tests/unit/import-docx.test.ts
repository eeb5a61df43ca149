import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
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

  it('reports the image it did not import, and where it was', () => {
    expect(word.images).toEqual(['…一公开”监管。全年开展联合抽查四十批次。']);
  });

  it('refuses a file that is not a .docx', async () => {
    await expect(readDocx(new TextEncoder().encode('不是 Word 文件'))).rejects.toThrow();
  });
});

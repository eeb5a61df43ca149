import { describe, expect, it } from 'vitest';
import {
  blocksFromMarkdown,
  blocksFromPlainText,
  escapeMarkdown,
  spansToMarkdown,
} from '../../src/lib/import/blocks.ts';
import { readDate, readTitleYear } from '../../src/lib/import/dates.ts';
import { decodeText } from '../../src/lib/import/encoding.ts';
import { guessItem } from '../../src/lib/import/items.ts';
import { readMetadataLine } from '../../src/lib/import/metadata.ts';
import { agencyFromTitle, deriveShortName } from '../../src/lib/import/names.ts';
import { readSignatureOption } from '../../src/lib/import/options.ts';
import { importPlainText } from '../../src/lib/import/structure.ts';
import { deriveSummary } from '../../src/lib/content/summary.ts';

// GBK bytes of 法治政府 (B7A8 D6CE D5FE B8AE), from the GB2312 code table.
const FAZHI_GBK = [0xb7, 0xa8, 0xd6, 0xce, 0xd5, 0xfe, 0xb8, 0xae];

describe('decodeText', () => {
  const text = '法治政府\r\n建设　情况\r\n2023年';
  const utf16 = (le: boolean) => {
    const bytes = new Uint8Array(text.length * 2);
    [...text].forEach((char, i) => {
      const code = char.charCodeAt(0);
      bytes[2 * i + (le ? 0 : 1)] = code & 0xff;
      bytes[2 * i + (le ? 1 : 0)] = code >> 8;
    });
    return bytes;
  };

  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(text);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({
      text,
      encoding: 'UTF-8',
    });
  });

  it('reads UTF-16 in either byte order, with or without a BOM', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...utf16(true)]))).toEqual({
      text,
      encoding: 'UTF-16LE',
    });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...utf16(false)]))?.text).toBe(text);
    expect(decodeText(utf16(true))?.encoding).toBe('UTF-16LE');
    expect(decodeText(utf16(false))?.encoding).toBe('UTF-16BE');
  });

  it('reads GBK', () => {
    expect(decodeText(new Uint8Array([...FAZHI_GBK, 0x0a, 0x32, 0x30]))).toEqual({
      text: '法治政府\n20',
      encoding: 'GB18030',
    });
  });

  it('refuses bytes that are none of them instead of returning mojibake', () => {
    // 法治政府 in Big5 (AA6B AA76 ACF6 A9B2): valid GBK byte pairs that decode to nonsense.
    expect(decodeText(new Uint8Array([0xaa, 0x6b, 0xaa, 0x76, 0xac, 0xf6, 0xa9, 0xb2]))).toBe(
      undefined,
    );
    // Latin-1 text (café résumé).
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x72, 0xe9, 0x73]))).toBe(
      undefined,
    );
  });
});

describe('readMetadataLine', () => {
  it('reads 来源 and 发布时间 with a time, in any order and spacing', () => {
    expect(readMetadataLine('来源:XX区人民政府办公室 发布时间:2024-03-28 09:18')).toEqual({
      source: 'XX区人民政府办公室',
      published: '2024-03-28',
      publishedTime: '09:18',
      publishedLabel: '发布时间',
      sourceLabel: '来源',
      other: [],
    });
    expect(readMetadataLine('发布日期：2024年3月28日　|　信息来源： 区司法局')).toMatchObject({
      source: '区司法局',
      published: '2024-03-28',
    });
  });

  it('reads 索引号, 文号 and 发布机构, and reports labels that are not report metadata', () => {
    expect(
      readMetadataLine('索引号：QF-2024-00031 发布机构：区政府 文号：区府〔2024〕1号 浏览次数：35'),
    ).toEqual({
      indexNumber: 'QF-2024-00031',
      publisher: '区政府',
      documentNumber: '区府〔2024〕1号',
      other: ['浏览次数:35'],
    });
  });

  it('is not fooled by a sentence', () => {
    expect(readMetadataLine('2023年，全区来源于群众的意见：')).toBeUndefined();
    expect(readMetadataLine('时间：紧、任务：重')).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads the ways releases write a date', () => {
    expect(readDate('2024-03-28')).toEqual({ date: '2024-03-28' });
    expect(readDate('2024/3/8 9:05:00')).toEqual({ date: '2024-03-08', time: '9:05:00' });
    expect(readDate('2024年3月28日')).toEqual({ date: '2024-03-28' });
    expect(readDate('二〇二四年十二月三十一日')).toEqual({ date: '2024-12-31' });
    expect(readDate('二○二四年二月二十日')).toEqual({ date: '2024-02-20' });
  });

  it('refuses days that do not exist and text that is not a date', () => {
    expect(readDate('2023-02-30')).toBeUndefined();
    expect(readDate('2024年3月28日上午')).toBeUndefined();
  });

  it('reads the year a title reports on', () => {
    expect(readTitleYear('XX关于2023年度法治政府建设情况的报告')).toBe(2023);
    expect(readTitleYear('XX区二〇二三年法治政府建设情况')).toBe(2023);
    expect(readTitleYear('XX区法治政府建设情况')).toBeUndefined();
  });
});

describe('names from the title', () => {
  it('cuts the agency at 关于 and keeps 人民政府', () => {
    expect(agencyFromTitle('湖北省人民政府关于2023年度法治政府建设情况的报告')).toBe(
      '湖北省人民政府',
    );
    expect(agencyFromTitle('《青枫区人民政府关于青枫区2023年法治政府建设情况的报告》')).toBe(
      '青枫区人民政府',
    );
    expect(agencyFromTitle('嘉定公安分局2023年法治政府建设情况')).toBe('嘉定公安分局');
  });

  it('falls back to the full name when the title names no agency', () => {
    expect(agencyFromTitle('关于2023年度法治政府建设情况的报告')).toBeUndefined();
    expect(deriveShortName('2023年法治政府建设情况', '某市司法局')).toBe('某市司法局');
  });
});

describe('deriveSummary', () => {
  it('takes the first sentence of the preamble', () => {
    expect(deriveSummary(['2023年，本局依法履职。现报告如下：'])).toBe('2023年，本局依法履职。');
  });

  it('cuts a long first sentence after a clause, within about 80 characters', () => {
    const clause = '持续推进依法行政工作';
    const summary = deriveSummary([`${Array(12).fill(clause).join('，')}。第二句。`])!;
    expect(summary.length).toBeLessThanOrEqual(82);
    // A single …: the content check takes …… for a placeholder.
    expect(summary).toMatch(/工作…$/);
    expect(summary).not.toContain('……');
  });

  it('keeps a first sentence of up to 120 characters whole, and passes over one holding ……', () => {
    const sentence = `${Array(10).fill('持续推进依法行政工作').join('，')}。`;
    expect(deriveSummary([`${sentence}第二句。`])).toBe(sentence);
    expect(deriveSummary(['开展“进机关、进乡村……”活动。全年依法履职。'])).toBe('全年依法履职。');
  });

  it('skips a salutation line and says nothing when there is no text', () => {
    expect(deriveSummary(['市政府：', '今年工作顺利。'])).toBe('今年工作顺利。');
    expect(deriveSummary([])).toBeUndefined();
  });
});

describe('guessItem', () => {
  it('guesses from the words of a part title', () => {
    expect(guessItem('2023年工作成效', 2023)).toEqual({ item: '主要举措和成效', basis: '成效' });
    expect(guessItem('存在的问题和下一步打算', 2023).item).toBe('存在的不足和原因');
    expect(guessItem('履行推进法治建设第一责任人职责情况', 2023).item).toBe('第一责任人职责');
    expect(guessItem('2024年重点任务', 2023)).toEqual({
      item: '下一年度主要安排',
      basis: '2024年',
    });
  });

  it('says when it cannot guess', () => {
    expect(guessItem('其他需要报告的事项', 2023)).toEqual({ item: '其他' });
  });
});

describe('blocks', () => {
  it('trims CRLF, no-break and full-width spaces, and skips blank lines', () => {
    expect(blocksFromPlainText('　　第一段。\u00a0\r\n\r\n \t\r\n第二段')).toEqual([
      { kind: 'paragraph', spans: [{ text: '第一段。' }], line: 1 },
      { kind: 'paragraph', spans: [{ text: '第二段' }], line: 4 },
    ]);
  });

  it('reads Markdown headings, bold, lists and tables', () => {
    const blocks = blocksFromMarkdown(
      '## 一、成效\n\n**加粗**正文\n接续\n\n- 甲\n- 乙\n\n|a|b|\n|-|-|\n|1|2|\n',
    );
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'list', 'table']);
    expect(blocks[1]).toMatchObject({
      spans: [{ text: '加粗', bold: true }, { text: '正文接续' }],
    });
  });

  it('escapes what Markdown would not show as written', () => {
    expect(escapeMarkdown('1. 项目<2>*注*')).toBe('1\\. 项目\\<2>\\*注\\*');
    expect(escapeMarkdown('2023年,公安分局')).toBe('2023年,公安分局');
    expect(spansToMarkdown([{ text: '甲 ' }, { text: ' 乙 ', bold: true }, { text: '丙' }])).toBe(
      '甲  **乙** 丙',
    );
  });
});

describe('importPlainText on other shapes', () => {
  it('takes a title split over two lines and a 落款 on one line', () => {
    const report = importPlainText(
      'XX市人民政府\n关于2023年度法治政府建设情况的报告\n开头。\n一、成效\n正文。\nXX市人民政府 2024年3月5日',
    );
    expect(report.title).toBe('XX市人民政府关于2023年度法治政府建设情况的报告');
    expect(report.signature).toEqual({ body: 'XX市人民政府', date: '2024-03-05' });
  });

  it('keeps a numbering out of sequence as text and says so', () => {
    const report = importPlainText(
      '某局2023年法治政府建设情况\n一、成效\n正文。\n三、打算\n二、不足\n正文。',
    );
    expect(report.parts.map((part) => part.numbering)).toEqual(['一、', '二、']);
    expect(report.parts[0]!.paragraphs).toEqual(['正文。', '三、打算']);
    expect(report.notes).toEqual([
      '第 4 行“三、”编号不连续（此处应为“二、”），已按正文导入，请核对原文',
    ]);
  });

  it('takes the next short line as the title of a bare 第一部分', () => {
    const report = importPlainText(
      '某局2023年法治政府建设情况\n第一部分\n工作成效\n正文。\n第二部分\n打算\n正文。',
    );
    expect(report.parts.map((part) => [part.numbering, part.title])).toEqual([
      ['第一部分', '工作成效'],
      ['第二部分', '打算'],
    ]);
  });

  it('leaves fields it cannot find undefined instead of guessing', () => {
    const report = importPlainText('没有年份的标题\n正文。');
    expect(report.year).toBeUndefined();
    expect(report.metadata.published).toBeUndefined();
    expect(report.signature).toBeUndefined();
    expect(report.preamble).toEqual(['正文。']);
  });
});

describe('readSignatureOption', () => {
  it('reads a body, a date, or both', () => {
    expect(readSignatureOption('上海市公安局嘉定分局 2024年3月22日')).toEqual({
      body: '上海市公安局嘉定分局',
      date: '2024-03-22',
    });
    expect(readSignatureOption('2024-03-22')).toEqual({ date: '2024-03-22' });
    expect(readSignatureOption('某区人民政府')).toEqual({ body: '某区人民政府' });
  });

  it('refuses a date that does not exist rather than taking it for a name', () => {
    expect(readSignatureOption('某区人民政府 2024年2月30日')).toBeUndefined();
  });
});

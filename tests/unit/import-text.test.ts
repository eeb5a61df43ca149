import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPlainText } from '../../src/lib/import-text.ts';
import { splitFrontmatter } from '../../src/data/content-files.ts';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE = path.join(ROOT, 'content/sources/2023-jiading-police-rule-of-law.txt');
const CONTENT = path.join(ROOT, 'content/reports/2023-jiading-police');

const readContent = (name: string) => {
  const parts = splitFrontmatter(readFileSync(path.join(CONTENT, name), 'utf8'))!;
  return {
    data: parse(parts.frontmatter) as Record<string, unknown>,
    paragraphs: parts.body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
};

describe('importPlainText on the 2023 source', () => {
  const report = importPlainText(readFileSync(SOURCE, 'utf8'));

  it('reads title, publication date, year and signature', () => {
    expect(report.title).toBe('嘉定公安分局2023年法治政府建设情况');
    expect(report.published).toBe('2024-03-22');
    expect(report.year).toBe(2023);
    expect(report.signature).toEqual({ body: '上海市公安局嘉定分局', date: '2024-03-22' });
  });

  it('drops the QR-code caption and nothing else', () => {
    expect(report.dropped).toEqual(['扫一扫在手机打开当前页']);
  });

  it('finds three parts with four, zero and four subsections', () => {
    expect(report.parts.map((part) => part.numbering)).toEqual(['一、', '二、', '三、']);
    expect(report.parts.map((part) => part.subsections.length)).toEqual([4, 0, 4]);
  });

  it('splits run-in headings at the first full stop', () => {
    const first = report.parts[2]!.subsections[0]!;
    expect(first).toMatchObject({ numbering: '(一)', title: '狠抓法治理念教育', runIn: true });
    expect(first.paragraphs[0]).toMatch(/^坚持不懈用习近平法治思想武装全警/);
  });

  it('does not take 一是/二是 inside a paragraph for numbering', () => {
    expect(report.parts[1]!.paragraphs).toHaveLength(1);
    expect(report.parts[1]!.paragraphs[0]).toMatch(/^一是.*二是/);
  });

  it('agrees with the committed content, file by file', () => {
    expect(readContent('report.md').paragraphs).toEqual(report.preamble);
    report.parts.forEach((part, i) => {
      const file = readContent(`s${i + 1}.md`);
      expect(file.data).toMatchObject({
        numbering: part.numbering,
        title: part.title,
        order: i + 1,
      });
      expect(file.paragraphs).toEqual(part.paragraphs);
      part.subsections.forEach((sub, j) => {
        const subFile = readContent(`s${i + 1}-${j + 1}.md`);
        expect(subFile.data).toMatchObject({
          numbering: sub.numbering,
          title: sub.title,
          order: j + 1,
          parent: `s${i + 1}`,
        });
        expect(Boolean(subFile.data['runIn'])).toBe(sub.runIn);
        expect(subFile.paragraphs).toEqual(sub.paragraphs);
      });
    });
  });
});

describe('importPlainText on other shapes', () => {
  it('reads full-width parentheses and colons', () => {
    const report = importPlainText(
      '某局2024年法治政府建设情况\n发布日期：2025-1-5\n\n开头。\n一、成效\n（一）第一项\n正文。\n某局\n2025年1月5日\n',
    );
    expect(report.published).toBe('2025-01-05');
    expect(report.parts[0]!.subsections[0]).toMatchObject({
      numbering: '（一）',
      title: '第一项',
      paragraphs: ['正文。'],
    });
    expect(report.signature).toEqual({ body: '某局', date: '2025-01-05' });
  });

  it('leaves fields it cannot find undefined instead of guessing', () => {
    const report = importPlainText('没有年份的标题\n正文。');
    expect(report.year).toBeUndefined();
    expect(report.published).toBeUndefined();
    expect(report.signature).toBeUndefined();
    expect(report.preamble).toEqual(['正文。']);
  });
});

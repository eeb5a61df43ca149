import { describe, expect, it } from 'vitest';
import { paragraphOfLine, placeIssue, reportFieldAnchor } from '../../src/lib/desk/issue-place.ts';

const sections = [
  { id: 's1', numbering: '一、', title: '主要举措和成效', bodyStart: 7 },
  { id: 's1-1', numbering: '（一）', title: '健全机制', bodyStart: 7 },
];
const noParagraph = () => undefined;
const dir = 'content/reports/2023-x';

describe('desk issue places', () => {
  it('names a report field in words and links its form control', () => {
    expect(
      placeIssue({ file: `${dir}/report.md`, field: 'published' }, sections, noParagraph),
    ).toEqual({
      words: '发布日期（published）',
      anchor: 'f-published',
    });
    expect(
      placeIssue({ file: `${dir}/report.md`, field: 'agency.shortName' }, sections, noParagraph),
    ).toEqual({ words: '机构简称（agency.shortName）', anchor: 'f-agency-short-name' });
    expect(
      placeIssue({ file: `${dir}/report.md`, field: 'signature.date' }, sections, noParagraph)
        .anchor,
    ).toBe('f-signature-date');
  });

  it("sends a statutory item no part covers to the first part's item control", () => {
    expect(placeIssue({ file: `${dir}/report.md`, field: 'item' }, sections, noParagraph)).toEqual({
      words: '各部分的法定报告事项（item）',
      anchor: 's-s1-item',
    });
  });

  it('names a section by its heading and links its title, item or level control', () => {
    expect(placeIssue({ file: `${dir}/s1-1.md`, field: 'title' }, sections, noParagraph)).toEqual({
      words: '“（一）健全机制”的标题（title）',
      anchor: 's-s1-1-title',
    });
    expect(placeIssue({ file: `${dir}/s1.md`, field: 'item' }, sections, noParagraph).anchor).toBe(
      's-s1-item',
    );
    expect(
      placeIssue({ file: `${dir}/s1-1.md`, field: 'numbering' }, sections, noParagraph).anchor,
    ).toBe('s-s1-1-level');
  });

  it('names a body line as a paragraph of the section', () => {
    expect(
      placeIssue({ file: `${dir}/s1.md`, field: '（正文第 12 行）' }, sections, () => 3),
    ).toEqual({ words: '“一、主要举措和成效”的正文第 3 段', anchor: 's-s1-body' });
    expect(
      placeIssue({ file: `${dir}/report.md`, field: '（正文）', line: 9 }, sections, () => 1, 6),
    ).toEqual({ words: '导言（第一部分之前的文字）第 1 段', anchor: 'f-preamble' });
  });

  it('counts paragraphs after the frontmatter, blank lines between them', () => {
    const source = '---\nid: s1\n---\n\n甲。\n\n乙，\n续。\n\n丙。\n';
    expect(paragraphOfLine(source, 2)).toBeUndefined();
    expect(paragraphOfLine(source, 5)).toBe(1);
    expect(paragraphOfLine(source, 8)).toBe(2);
    expect(paragraphOfLine(source, 10)).toBe(3);
  });

  it('makes form ids from dotted camel-case fields', () => {
    expect(reportFieldAnchor('indexNumber')).toBe('f-index-number');
  });
});

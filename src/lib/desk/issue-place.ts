import { joinHeading } from '../content/numbering.ts';

/**
 * Where a content problem is, for the desk's check view: the words that name it ("报告标题",
 * "第二部分“存在的不足”的正文第 3 段") and the id of the form field that fixes it. Issues arrive
 * as the content check reports them: a file, a dotted field path or （正文第 N 行）, a line.
 */

export interface IssuePlace {
  /** In Chinese: which field or line, as the publisher sees it in the form. */
  words: string;
  /** The id of the form control to fix it in (an anchor in the report form). */
  anchor: string;
}

const REPORT_FIELD_WORDS: Record<string, string> = {
  title: '报告标题',
  'agency.name': '机构全称',
  'agency.shortName': '机构简称',
  'agency.id': '机构标识',
  year: '年度',
  published: '发布日期',
  signature: '落款',
  'signature.body': '落款单位',
  'signature.date': '落款日期',
  summary: '简介',
  source: '来源',
  sourceUrl: '原文网址',
  indexNumber: '索引号',
  documentNumber: '文号',
  draft: '草稿标记',
};

const SECTION_FIELD_WORDS: Record<string, string> = {
  title: '标题',
  item: '法定报告事项',
  numbering: '编号',
  order: '顺序',
  parent: '所属部分',
  id: '标识',
  runIn: '标题与正文同段',
  aliases: '旧标识',
};

/** The form control id of a report field (title → f-title, agency.name → f-agency-name). */
export const reportFieldAnchor = (field: string) =>
  `f-${field.replace(/\./g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The form control id of a section's field (s1-2, title → s-s1-2-title). */
export const sectionFieldAnchor = (id: string, field: string) => `s-${id}-${field}`;

export interface SectionHeading {
  id: string;
  numbering: string;
  title: string;
  /** Lines of the file before the body starts (frontmatter and its --- lines). */
  bodyStart: number;
}

/**
 * The place of an issue in `file` (report.md or a section file of the report), given the
 * report's sections. A body line becomes a paragraph number, counted as the form shows them.
 */
export function placeIssue(
  issue: { file: string; field: string; line?: number },
  sections: readonly SectionHeading[],
  paragraphOfLine: (fileName: string, line: number) => number | undefined,
  reportBodyStart = 0,
): IssuePlace {
  const name = issue.file.split('/').pop() ?? issue.file;
  const bodyLine = /正文第 (\d+) 行/.exec(issue.field);
  const line = bodyLine ? Number(bodyLine[1]) : issue.line;
  if (name === 'report.md') {
    if (bodyLine || (issue.field.startsWith('（') && line && line > reportBodyStart)) {
      const paragraph = line ? paragraphOfLine(name, line) : undefined;
      return {
        words: `导言（第一部分之前的文字）${paragraph ? `第 ${paragraph} 段` : ''}`,
        anchor: reportFieldAnchor('preamble'),
      };
    }
    const top = issue.field.split(' / ')[0]!.replace(/\.\d+$/, '');
    // "No part covers this statutory item": chosen in the parts' item controls.
    if (top === 'item')
      return {
        words: `各部分的法定报告事项（item）`,
        anchor: sectionFieldAnchor(sections[0]?.id ?? 's1', 'item'),
      };
    const words = REPORT_FIELD_WORDS[top] ?? REPORT_FIELD_WORDS[top.split('.')[0]!];
    return {
      words: words ? `${words}（${issue.field}）` : `报告信息（${issue.field}）`,
      anchor: reportFieldAnchor(REPORT_FIELD_WORDS[top] ? top : top.split('.')[0]!),
    };
  }
  const id = name.replace(/\.mdx?$/, '');
  const section = sections.find((each) => each.id === id);
  const heading = section ? `“${joinHeading(section.numbering, section.title)}”` : `章节 ${id}`;
  if (bodyLine || issue.field.startsWith('（')) {
    const paragraph = line ? paragraphOfLine(name, line) : undefined;
    return {
      words: `${heading}的正文${paragraph ? `第 ${paragraph} 段` : ''}`,
      anchor: sectionFieldAnchor(id, 'body'),
    };
  }
  const field = issue.field.split('.')[0]!;
  const structural = ['numbering', 'order', 'parent', 'id'].includes(field);
  return {
    words: `${heading}的${SECTION_FIELD_WORDS[field] ?? '信息'}（${issue.field}）`,
    anchor: sectionFieldAnchor(id, structural ? 'level' : field === 'item' ? 'item' : 'title'),
  };
}

/**
 * Which paragraph (from 1) of a Markdown file a line is in, given the file's text: paragraphs are
 * blocks separated by blank lines after the frontmatter. Undefined for a frontmatter line.
 */
export function paragraphOfLine(source: string, line: number): number | undefined {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    start = end === -1 ? 0 : end + 1;
  }
  if (line <= start) return undefined;
  let paragraph = 0;
  let inParagraph = false;
  for (let i = start; i < Math.min(line, lines.length); i++) {
    const blank = lines[i]!.trim() === '';
    if (!blank && !inParagraph) paragraph += 1;
    inParagraph = !blank;
  }
  return paragraph || undefined;
}

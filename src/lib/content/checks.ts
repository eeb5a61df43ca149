import type { ReportData } from '../../schemas/report.ts';
import type { SectionData } from '../../schemas/section.ts';
import { type ContentIssue, showValue } from './errors.ts';
import {
  formatNumbering,
  NUMBERING_STYLES,
  type NumberingStyle,
  parseNumbering,
  styleRank,
} from './numbering.ts';
import { parseParagraphId, PREAMBLE_PREFIX } from '../addresses/ids.ts';

/** A report's metadata with where it came from. `folder` is its folder under content/reports/. */
export interface ReportInput {
  folder: string;
  file: string;
  data: ReportData;
}

/** A section's frontmatter with where it came from. `folder` is the report folder it sits in. */
export interface SectionInput {
  folder: string;
  file: string;
  data: SectionData;
}

/**
 * The checks that need more than one file: membership, unique ids and orders, numbering that
 * follows the order, and dates that fit the year reported on. Returns every issue found.
 */
export function checkContent(
  reports: readonly ReportInput[],
  sections: readonly SectionInput[],
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const folders = new Set(reports.map((report) => report.folder));

  for (const report of reports) issues.push(...checkReport(report));

  for (const section of sections) {
    if (!folders.has(section.folder)) {
      issues.push({
        file: section.file,
        field: '（文件位置）',
        found: `所在文件夹 ${section.folder} 中没有 report.md`,
        expected: '章节文件放在某个报告的文件夹里，与该报告的 report.md 同级',
      });
    }
  }
  for (const folder of folders) {
    issues.push(...checkSections(sections.filter((section) => section.folder === folder)));
  }
  return issues;
}

/** Folder name and dates of one report. */
export function checkReport({ folder, file, data }: ReportInput): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const expectedFolder = `${data.year}-${data.agency.id}`;
  if (folder !== expectedFolder) {
    issues.push({
      file,
      field: 'year / agency.id',
      found: `文件夹名 ${folder}`,
      expected: `文件夹名由 year 和 agency.id 组成：${expectedFolder}（文件夹名就是报告网址的一部分，确定后不要再改）`,
    });
  }
  const yearEnd = `${data.year}-12-31`;
  if (data.published !== undefined && data.published < yearEnd) {
    issues.push({
      file,
      field: 'published',
      found: showValue(data.published),
      expected: `不早于报告年度结束日 ${yearEnd}（year 为 ${data.year}）`,
    });
  }
  const signed = data.signature?.date;
  if (signed !== undefined && signed < yearEnd) {
    issues.push({
      file,
      field: 'signature.date',
      found: showValue(signed),
      expected: `不早于报告年度结束日 ${yearEnd}（year 为 ${data.year}）`,
    });
  }
  return issues;
}

/** Ids, parents, orders and numbering of the sections of one report. */
export function checkSections(sections: readonly SectionInput[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const byId = new Map<string, SectionInput>();
  for (const section of sections) {
    const other = byId.get(section.data.id);
    if (other) {
      issues.push({
        file: section.file,
        field: 'id',
        found: `${showValue(section.data.id)}，与 ${other.file} 重复`,
        expected: '同一报告内每个章节的 id 各不相同',
      });
    } else {
      byId.set(section.data.id, section);
    }
  }

  for (const section of sections) {
    const { parent } = section.data;
    if (parent === undefined) continue;
    const parentSection = byId.get(parent);
    if (!parentSection) {
      issues.push({
        file: section.file,
        field: 'parent',
        found: showValue(parent),
        expected: `本报告中某个顶级部分的 id（${topLevelIds(sections)}）`,
      });
    } else if (parentSection.data.parent !== undefined) {
      issues.push({
        file: section.file,
        field: 'parent',
        found: `${showValue(parent)}，它本身是子部分`,
        expected: `顶级部分的 id（${topLevelIds(sections)}）；章节只分两级`,
      });
    }
  }

  const siblingGroups = new Map<string, SectionInput[]>();
  for (const section of sections) {
    const key = section.data.parent ?? '';
    siblingGroups.set(key, [...(siblingGroups.get(key) ?? []), section]);
  }
  const partStyle = firstStyle(siblingGroups.get('') ?? []) ?? 'ordinal';
  for (const [parent, siblings] of siblingGroups) {
    if (parent === '') {
      issues.push(...checkSiblings(siblings, partStyle, 'part'));
      continue;
    }
    const parentSection = byId.get(parent);
    // A missing or nested parent is reported above; numbering against it would only add noise.
    if (parentSection === undefined || parentSection.data.parent !== undefined) {
      issues.push(...checkSiblings(siblings, undefined, 'subsection'));
      continue;
    }
    const parentStyle = parseNumbering(parentSection.data.numbering)?.style ?? partStyle;
    const own = firstStyle(siblings);
    const below = NUMBERING_STYLES[styleRank(parentStyle) + 1] ?? parentStyle;
    const style = own !== undefined && styleRank(own) > styleRank(parentStyle) ? own : below;
    issues.push(...checkSiblings(siblings, style, 'subsection'));
  }
  issues.push(...checkAliases(sections));
  return issues;
}

/**
 * Former ids (aliases) stay anchors and paths of their own, so each must name one section
 * only: not a live id, not another section's alias, and not the id of a live paragraph.
 */
export function checkAliases(sections: readonly SectionInput[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const live = new Map(sections.map((section) => [section.data.id, section]));
  const claimed = new Map<string, SectionInput>();
  for (const section of sections) {
    for (const alias of section.data.aliases ?? []) {
      const owner = live.get(alias);
      const other = claimed.get(alias);
      const paragraphOf = parseParagraphId(alias)?.prefix;
      let found: string | undefined;
      if (alias === PREAMBLE_PREFIX)
        found = `${showValue(alias)}，这是报告导言段落编号（intro-p1 等）的前缀`;
      else if (owner && owner !== section)
        found = `${showValue(alias)}，与 ${owner.file} 现在的 id 相同`;
      else if (other && other !== section)
        found = `${showValue(alias)}，已列在 ${other.file} 的 aliases 中`;
      else if (other === section) found = `${showValue(alias)}，重复列出`;
      else if (
        paragraphOf !== undefined &&
        (live.has(paragraphOf) || paragraphOf === PREAMBLE_PREFIX)
      )
        found = `${showValue(alias)}，与现有段落的编号相同`;
      if (found) {
        issues.push({
          file: section.file,
          field: 'aliases',
          found,
          expected: '本节以前用过、现在不属于任何章节或段落的 id；旧链接会跳转到本节',
        });
      }
      claimed.set(alias, section);
    }
  }
  return issues;
}

function topLevelIds(sections: readonly SectionInput[]): string {
  const ids = sections
    .filter((section) => section.data.parent === undefined)
    .map((section) => section.data.id);
  return ids.length ? ids.join('、') : '本报告还没有顶级部分';
}

/** The numbering style of the first of some siblings, which the others must follow. */
function firstStyle(siblings: readonly SectionInput[]): NumberingStyle | undefined {
  const first = [...siblings].sort((a, b) => a.data.order - b.data.order)[0];
  return first ? parseNumbering(first.data.numbering)?.style : undefined;
}

const STYLE_NAMES: Record<NumberingStyle, string> = {
  chapter: '“第一部分”式',
  ordinal: '“一、”式',
  paren: '“（一）”式',
  arabic: '“1.”式',
  arabicParen: '“（1）”式',
};

/**
 * Orders of siblings are unique and run 1, 2, 3 …, and each numbering says its order in the
 * style its siblings share. Reports number parts 一、 or 第一部分 and subsections one level
 * below, as released; the style is read from the first sibling rather than fixed.
 */
function checkSiblings(
  siblings: readonly SectionInput[],
  style: NumberingStyle | undefined,
  level: 'part' | 'subsection',
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const sorted = [...siblings].sort((a, b) => a.data.order - b.data.order);
  const seen = new Map<number, SectionInput>();
  sorted.forEach((section, index) => {
    const { order, numbering } = section.data;
    const other = seen.get(order);
    if (other) {
      issues.push({
        file: section.file,
        field: 'order',
        found: `${order}，与 ${other.file} 重复`,
        expected: '同级章节的 order 各不相同，依次为 1、2、3……',
      });
      return;
    }
    seen.set(order, section);
    if (order !== index + 1) {
      issues.push({
        file: section.file,
        field: 'order',
        found: String(order),
        expected: `${index + 1}（同级章节的 order 从 1 起连续编号，不跳号）`,
      });
    }
    if (style === undefined) return;
    const parsed = parseNumbering(numbering);
    const expected = formatNumbering(style, order);
    if (!parsed || parsed.style !== style || parsed.n !== order) {
      const shape =
        level === 'part'
          ? `顶级部分用${STYLE_NAMES[style]}编号`
          : `子部分用${STYLE_NAMES[style]}编号，比所属部分低一级`;
      issues.push({
        file: section.file,
        field: 'numbering',
        found: showValue(numbering),
        expected: `${showValue(expected)}（order 为 ${order}；${shape}）`,
      });
    }
  });
  return issues;
}

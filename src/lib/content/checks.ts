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
import {
  aliasParagraphId,
  fragmentId,
  LAYOUT_IDS,
  paragraphId,
  parseParagraphId,
  PREAMBLE_PREFIX,
  reportFolder,
} from '../addresses/ids.ts';
import type { BodyFacts } from './body.ts';

/** A report's metadata with where it came from. `folder` is its folder under content/reports/. */
export interface ReportInput {
  folder: string;
  file: string;
  data: ReportData;
  /** The preamble's facts, when the body was read (links and paragraphs are checked then). */
  body?: BodyFacts;
  /**
   * The preamble's paragraph ids from the report's edition record (a published report's ids
   * never shift), with those of paragraphs corrections removed; positional when absent.
   */
  paragraphIds?: readonly string[];
  /** Line of each frontmatter field in the file (agency.id, published …), when known. */
  lines?: Readonly<Record<string, number>>;
}

/** A section's frontmatter with where it came from. `folder` is the report folder it sits in. */
export interface SectionInput {
  folder: string;
  file: string;
  data: SectionData;
  /** The section text's facts, when the body was read. */
  body?: BodyFacts;
  /** As ReportInput's: the section's paragraph ids from the edition record, when it has one. */
  paragraphIds?: readonly string[];
  /** Line of each frontmatter field in the file (id, order …), when known. */
  lines?: Readonly<Record<string, number>>;
}

/** `{ line }` of a field, to spread into an issue, or nothing when the line is unknown. */
function lineOf(input: { lines?: Readonly<Record<string, number>> }, field: string) {
  const line = input.lines?.[field];
  return line ? { line } : {};
}

export interface CheckOptions {
  /**
   * Report folders where some file failed to parse: checks that a missing file would make
   * wrong (gaps in order, unknown parents, links, empty reports) are left out there.
   */
  incomplete?: ReadonlySet<string>;
  /** Folders whose report.md failed its schema (folder → file): their sections are still checked. */
  failedReports?: ReadonlyMap<string, string>;
}

/**
 * The checks that need more than one file: membership, unique ids and orders, numbering that
 * follows the order, and dates that fit the year reported on. Returns every issue found.
 */
export function checkContent(
  reports: readonly ReportInput[],
  sections: readonly SectionInput[],
  options: CheckOptions = {},
): ContentIssue[] {
  const incomplete = options.incomplete ?? new Set<string>();
  const failedReports = options.failedReports ?? new Map<string, string>();
  const issues: ContentIssue[] = [];
  const folders = new Set([...reports.map((report) => report.folder), ...failedReports.keys()]);

  for (const report of reports) issues.push(...checkReport(report));

  for (const section of sections) {
    if (!folders.has(section.folder) && !incomplete.has(section.folder)) {
      issues.push({
        file: section.file,
        field: '（文件位置）',
        found: `所在文件夹 ${section.folder} 中没有 report.md`,
        expected: '章节文件放在某个报告的文件夹里，与该报告的 report.md 同级',
      });
    }
  }
  // Grouped once: filtering every section per folder is quadratic in the number of reports.
  const sectionsByFolder = Map.groupBy(sections, (section) => section.folder);
  const reportFiles = new Map(reports.map((report) => [report.folder, report.file]));
  for (const folder of [...folders].sort()) {
    const own = sectionsByFolder.get(folder) ?? [];
    const complete = !incomplete.has(folder);
    issues.push(...checkSections(own, { complete }));
    const file = reportFiles.get(folder) ?? failedReports.get(folder)!;
    if (complete) issues.push(...checkStructure(file, own));
  }
  const complete = reports.filter((report) => !incomplete.has(report.folder));
  issues.push(...checkLinks(complete, sections));
  return issues;
}

/** A report has sections, and every section without subsections has text. */
export function checkStructure(
  reportFile: string,
  sections: readonly SectionInput[],
): ContentIssue[] {
  if (!sections.length)
    return [
      {
        file: reportFile,
        field: '（章节文件）',
        found: '报告文件夹中没有任何章节文件',
        expected:
          '每个部分（一、二、……）和子部分（（一）（二）……）各写一个 .md 文件，放在 report.md 旁边',
      },
    ];
  const parents = new Set(sections.map((section) => section.data.parent));
  return sections
    .filter((section) => section.body && !section.body.hasText && !parents.has(section.data.id))
    .map((section) => ({
      file: section.file,
      field: '（正文）',
      found: '正文为空',
      expected:
        '在字段区下方写入本节正文；不需要的章节请删除该文件，并调整其后章节的 order 和 numbering',
    }));
}

/**
 * Every link to a place in the site resolves: `#id` to a section, alias or paragraph of the same
 * report, `/reports/<folder>/[<section>/][#id]` to a report, section and id that exist.
 */
export function checkLinks(
  reports: readonly ReportInput[],
  sections: readonly SectionInput[],
): ContentIssue[] {
  const anchors = new Map<string, Set<string>>();
  const pages = new Map<string, Set<string>>();
  const sectionsByFolder = Map.groupBy(sections, (section) => section.folder);
  for (const report of reports) {
    const ids = new Set<string>(LAYOUT_IDS);
    for (const id of paragraphIdsOf(report, undefined)) ids.add(id);
    const pageIds = new Set<string>();
    for (const section of sectionsByFolder.get(report.folder) ?? []) {
      const names = [section.data.id, ...section.data.aliases];
      for (const name of names) {
        ids.add(name);
        pageIds.add(name);
        for (const id of paragraphIdsOf(section, section.data.id))
          ids.add(name === section.data.id ? id : aliasParagraphId(name, id)!);
      }
    }
    anchors.set(report.folder, ids);
    pages.set(report.folder, pageIds);
  }
  const issues: ContentIssue[] = [];
  const files: { folder: string; file: string; body?: BodyFacts | undefined }[] = [
    ...reports,
    ...sections,
  ];
  for (const { folder, file, body } of files) {
    if (!anchors.has(folder)) continue;
    for (const link of body?.links ?? []) {
      const problem = linkProblem(link.url, folder, anchors, pages);
      if (problem)
        issues.push({
          file,
          ...(link.line ? { line: link.line } : {}),
          field: '（正文中的链接）',
          found: `链接 ${link.url}：${problem}`,
          expected:
            '链接到存在的报告、章节或段落，例如 #s1-2、#s1-2-p3、/reports/2023-jiading-police/s1/；请核对编号',
        });
    }
  }
  return issues;
}

/** A body's paragraph ids: recorded ones for a published report, by position otherwise. */
function paragraphIdsOf(
  input: { body?: BodyFacts | undefined; paragraphIds?: readonly string[] | undefined },
  sectionId: string | undefined,
): readonly string[] {
  if (input.paragraphIds) return input.paragraphIds;
  return Array.from({ length: input.body?.paragraphs ?? 0 }, (_, n) => paragraphId(sectionId, n + 1));
}

function linkProblem(
  url: string,
  folder: string,
  anchors: ReadonlyMap<string, Set<string>>,
  pages: ReadonlyMap<string, Set<string>>,
): string | undefined {
  const hashAt = url.indexOf('#');
  const path = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : fragmentId(url.slice(hashAt));
  let target = folder;
  if (path) {
    const match = /^\/reports\/([^/?#]+)\/(?:([^/?#]+)\/)?$/.exec(path);
    if (!match) return '站内报告地址应形如 /reports/文件夹/ 或 /reports/文件夹/章节id/';
    target = match[1]!;
    if (!pages.has(target)) return `没有名为 ${target} 的报告`;
    if (match[2] && !pages.get(target)!.has(match[2]))
      return `报告 ${target} 中没有 id 为 ${match[2]} 的章节`;
  }
  if (fragment && !anchors.get(target)!.has(fragment))
    return `${target === folder ? '本报告' : `报告 ${target} `}中没有 id 为 ${fragment} 的章节或段落`;
  return undefined;
}

/** Folder name and dates of one report. */
export function checkReport(report: ReportInput): ContentIssue[] {
  const { folder, file, data } = report;
  const issues: ContentIssue[] = [];
  const expectedFolder = reportFolder(data.year, data.agency.id);
  if (folder !== expectedFolder) {
    issues.push({
      file,
      ...lineOf(report, 'agency.id'),
      field: 'year / agency.id',
      found: `文件夹名 ${folder}`,
      expected: `文件夹名由 year 和 agency.id 组成：${expectedFolder}（文件夹名就是报告网址的一部分，确定后不要再改）`,
    });
  }
  const yearEnd = `${data.year}-12-31`;
  if (data.published !== undefined && data.published < yearEnd) {
    issues.push({
      file,
      ...lineOf(report, 'published'),
      field: 'published',
      found: showValue(data.published),
      expected: `不早于报告年度结束日 ${yearEnd}（year 为 ${data.year}）`,
    });
  }
  const signed = data.signature?.date;
  if (signed !== undefined && signed < yearEnd) {
    issues.push({
      file,
      ...lineOf(report, 'signature.date'),
      field: 'signature.date',
      found: showValue(signed),
      expected: `不早于报告年度结束日 ${yearEnd}（year 为 ${data.year}）`,
    });
  }
  return issues;
}

/** Ids, parents, orders and numbering of the sections of one report. */
export function checkSections(
  sections: readonly SectionInput[],
  { complete = true }: { complete?: boolean } = {},
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const byId = new Map<string, SectionInput>();
  for (const section of sections) {
    const other = byId.get(section.data.id);
    if (other) {
      issues.push({
        file: section.file,
        ...lineOf(section, 'id'),
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
    if (!parentSection && !complete) continue;
    if (!parentSection) {
      issues.push({
        file: section.file,
        ...lineOf(section, 'parent'),
        field: 'parent',
        found: showValue(parent),
        expected: `本报告中某个顶级部分的 id（${topLevelIds(sections)}）`,
      });
    } else if (parentSection.data.parent !== undefined) {
      issues.push({
        file: section.file,
        ...lineOf(section, 'parent'),
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
      issues.push(...checkSiblings(siblings, partStyle, 'part', complete));
      continue;
    }
    const parentSection = byId.get(parent);
    // A missing or nested parent is reported above; numbering against it would only add noise.
    if (parentSection === undefined || parentSection.data.parent !== undefined) {
      issues.push(...checkSiblings(siblings, undefined, 'subsection', complete));
      continue;
    }
    const parentStyle = parseNumbering(parentSection.data.numbering)?.style ?? partStyle;
    const own = firstStyle(siblings);
    const below = NUMBERING_STYLES[styleRank(parentStyle) + 1] ?? parentStyle;
    const style = own !== undefined && styleRank(own) > styleRank(parentStyle) ? own : below;
    issues.push(...checkSiblings(siblings, style, 'subsection', complete));
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
          ...lineOf(section, 'aliases'),
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
 * Siblings whose order was changed, leaving a gap: the numbering still names the place the gap
 * is at (一、 with order 4 while no sibling has order 1). The gap is theirs, not the next file's.
 */
function movedOrders(
  siblings: readonly SectionInput[],
  style: NumberingStyle | undefined,
): Map<SectionInput, number> {
  const moved = new Map<SectionInput, number>();
  if (style === undefined) return moved;
  const count = siblings.length;
  for (const section of siblings) {
    const { order } = section.data;
    const others = siblings.filter((other) => other !== section).map((other) => other.data.order);
    // Only an order out of place: past the end of the run, or taken by another sibling.
    if (order <= count && !others.includes(order)) continue;
    const parsed = parseNumbering(section.data.numbering);
    if (!parsed || parsed.style !== style || parsed.n > count) continue;
    if (others.includes(parsed.n) || [...moved.values()].includes(parsed.n)) continue;
    moved.set(section, parsed.n);
  }
  return moved;
}

/**
 * Orders of siblings are unique and run 1, 2, 3 …, and each numbering says its order in the
 * style its siblings share. Reports number parts 一、 or 第一部分 and subsections one level
 * below, as released; the style is read from the first sibling rather than fixed.
 */
function checkSiblings(
  siblings: readonly SectionInput[],
  style: NumberingStyle | undefined,
  level: 'part' | 'subsection',
  complete: boolean,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const moved = complete ? movedOrders(siblings, style) : new Map<SectionInput, number>();
  // A moved section is checked at the place its numbering keeps, so the gap it left is its own.
  const place = (section: SectionInput) => moved.get(section) ?? section.data.order;
  const sorted = [...siblings].sort((a, b) => place(a) - place(b));
  const seen = new Map<number, SectionInput>();
  let next = 1;
  sorted.forEach((section) => {
    const { order, numbering } = section.data;
    const kept = moved.get(section);
    if (kept !== undefined) {
      issues.push({
        file: section.file,
        ...lineOf(section, 'order'),
        field: 'order',
        found: `${order}，但 numbering 是 ${showValue(numbering)}，同级章节中缺少 order 为 ${kept} 的一节`,
        expected: `order: ${kept}，与 numbering 一致；若要移动本节，请同时改 numbering 和其他同级章节的 order`,
      });
      next = kept + 1;
      return;
    }
    const other = seen.get(order);
    if (other) {
      issues.push({
        file: section.file,
        ...lineOf(section, 'order'),
        field: 'order',
        found: `${order}，与 ${other.file} 重复`,
        expected: '同级章节的 order 各不相同，依次为 1、2、3……',
      });
      return;
    }
    seen.set(order, section);
    // A gap is reported once, on the first section after it: the ones that follow are right.
    if (order > next && complete) {
      const missing = Array.from({ length: order - next }, (_, i) => next + i);
      issues.push({
        file: section.file,
        ...lineOf(section, 'order'),
        field: 'order',
        found: `${order}，前面缺少 order 为 ${missing.join('、')} 的同级章节`,
        expected: `同级章节的 order 从 1 起连续编号：补上缺少的章节，或把本节及其后各节的 order 依次改小`,
      });
    }
    next = order + 1;
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
        ...lineOf(section, 'numbering'),
        field: 'numbering',
        found: showValue(numbering),
        expected: `${showValue(expected)}（order 为 ${order}；${shape}）`,
      });
    }
  });
  return issues;
}

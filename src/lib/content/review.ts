import type { ReportData } from '../../schemas/report.ts';
import type { SectionData } from '../../schemas/section.ts';
import { type ContentIssue, showValue } from './errors.ts';
import { statutoryFacts } from './statutory.ts';

/**
 * The editorial review `npm run check:content` adds to validation: things a valid file can still
 * get wrong before it is published. Placeholders are errors for a report that is not a draft (a
 * normal build refuses them); the rest are warnings.
 */
export interface ReviewIssue extends ContentIssue {
  severity: 'error' | 'warning';
}

/** Where things are in a file, from its YAML parser and its frontmatter split. */
interface Placement {
  /** The line of the body's first line in the file (1 when not given). */
  bodyLine?: number;
  /** The line of each field, by dotted path (agency.id, aliases.0). */
  lines?: Readonly<Record<string, number>>;
  /** Comments after fields, so a 待补充 left in one (npm run new writes some) counts. */
  comments?: readonly { field: string; line: number; text: string }[];
}

export interface ReviewReport extends Placement {
  folder: string;
  file: string;
  data: ReportData;
  /** The preamble. */
  body: string;
}

export interface ReviewSection extends Placement {
  folder: string;
  file: string;
  data: SectionData;
  body: string;
}

/** `{ line }` of a field, to spread into an issue, or nothing when it is not written. */
function lineOf({ lines }: Placement, field: string) {
  const line = lines?.[field];
  return line ? { line } : {};
}

/** What `npm run new` writes where the publisher has to write: one word, easy to search for. */
export const SCAFFOLD_PLACEHOLDER = '待补充';

/**
 * Text that marks an unfinished file: the ellipsis used as "fill in here", the scaffold's word,
 * and the sample lines of the content guide's templates (content/README.md).
 */
export const PLACEHOLDERS: readonly string[] = [
  '……',
  SCAFFOLD_PLACEHOLDER,
  '待填写',
  '（正文第一部分之前的开头段落，按原文照录。）',
  '（本节正文，按原文照录，段落之间空一行。）',
];

/**
 * Released reports use …… too, inside sentences (“进机关、进乡村……”活动); as a placeholder it
 * stands (nearly) alone: `summary: ……`, `https://……`, a body line `（……）`. So it counts only where
 * fewer than this many characters or digits remain beside it.
 */
const ELLIPSIS_ALONE = 4;

/** The placeholders found in `text`, each once, in the order of PLACEHOLDERS. */
export function findPlaceholders(text: string): string[] {
  return PLACEHOLDERS.filter((placeholder) => {
    if (!text.includes(placeholder)) return false;
    if (placeholder !== '……') return true;
    const rest = PLACEHOLDERS.reduce((left, each) => left.replaceAll(each, ''), text);
    const words = rest.replace(/…/g, '').match(/[\p{Script=Han}0-9]/gu) ?? [];
    return words.length < ELLIPSIS_ALONE;
  });
}

/** Every string in a frontmatter value, with its dotted field path. */
function strings(value: unknown, field = ''): { field: string; text: string }[] {
  if (typeof value === 'string') return [{ field, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${field}.${index}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      strings(item, field ? `${field}.${key}` : key),
    );
  return [];
}

function placeholderIssues(item: ReviewReport | ReviewSection, draft: boolean): ReviewIssue[] {
  const { file, data, body } = item;
  const severity = draft ? 'warning' : 'error';
  const expected = draft
    ? '按原文填写；草稿转为正式报告（删除 draft: true）前必须改完'
    : '按原文填写。含占位内容的报告不能正式生成；尚未写完时，可在 report.md 中加 draft: true 作为草稿';
  const issues: ReviewIssue[] = [];
  for (const { field, text } of strings(data)) {
    const found = findPlaceholders(text);
    if (found.length)
      issues.push({
        file,
        ...lineOf(item, field),
        field,
        found: `占位内容 ${found.map((each) => `“${each}”`).join('、')}：${showValue(text)}`,
        expected,
        severity,
      });
  }
  for (const comment of item.comments ?? [])
    if (findPlaceholders(comment.text).length)
      issues.push({
        file,
        line: comment.line,
        field: comment.field,
        found: `注释仍写着“${comment.text}”`,
        expected: `${expected}；填好后删去该注释`,
        severity,
      });
  const bodyLine = item.bodyLine ?? 1;
  body.split(/\r?\n/).forEach((line, index) => {
    const found = findPlaceholders(line);
    if (found.length)
      issues.push({
        file,
        line: bodyLine + index,
        field: '（正文）',
        found: `占位内容 ${found.map((each) => `“${each}”`).join('、')}`,
        expected,
        severity,
      });
  });
  return issues;
}

/** Reviews reports that passed validation, each problem with its line when it has one. */
export function reviewContent(
  reports: readonly ReviewReport[],
  sections: readonly ReviewSection[],
): ReviewIssue[] {
  const issues: ReviewIssue[] = [];
  const sectionsByFolder = Map.groupBy(sections, (section) => section.folder);
  for (const report of reports) {
    const draft = report.data.draft;
    const own = sectionsByFolder.get(report.folder) ?? [];
    issues.push(...placeholderIssues(report, draft));
    for (const section of own) issues.push(...placeholderIssues(section, draft));

    const parts = own
      .filter((section) => section.data.parent === undefined && section.data.item)
      .map((section) => ({ id: section.data.id, item: section.data.item! }));
    const facts = statutoryFacts(report.data, parts);
    for (const item of facts.missing.filter((each) => each !== '其他'))
      issues.push({
        file: report.file,
        field: 'item',
        found: `没有哪个顶级部分的 item 是“${item}”`,
        expected: `年度报告应包含“${item}”（《法治政府建设与责任落实督察工作规定》第二十五条）；若原文确有此部分，请在对应章节文件中填写 item: ${item}`,
        severity: 'warning',
      });
    if (facts.onTime === false)
      issues.push({
        file: report.file,
        ...lineOf(report, 'published'),
        field: 'published',
        found: `${showValue(report.data.published)}，晚于 ${facts.deadline}`,
        expected: `年度报告应于次年 4 月 1 日前公开（规定第二十四条），即不晚于 ${facts.deadline}；请核对发布日期是否填错`,
        severity: 'warning',
      });
    for (const section of own) {
      const hasChildren = own.some((other) => other.data.parent === section.data.id);
      if (!section.body.trim() && !hasChildren)
        issues.push({
          file: section.file,
          field: '（正文）',
          found: '本节没有正文',
          expected: '在字段区（--- 之间）下面写上本节正文，按原文照录',
          severity: 'warning',
        });
    }
  }
  return issues;
}

/** One issue on one line: `文件:行  字段  发现  应为`. */
export function formatReviewLine(issue: ContentIssue & { line?: number }): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return `${where}  ${issue.field}  发现：${issue.found}  应为：${issue.expected}`;
}

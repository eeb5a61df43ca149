/**
 * One problem found in the content: which file, which field, what was found, what was expected.
 * Messages are for publishers, so they are in Chinese; field names stay literal so they match the file.
 */
export interface ContentIssue {
  /** Path of the file, relative to the project root, e.g. content/reports/2023-jiading-police/s1-2.md. */
  file: string;
  /** Field path in the frontmatter, e.g. numbering or agency.id. */
  field: string;
  /** What the file holds. */
  found: string;
  /** What it should hold. */
  expected: string;
}

export function formatContentIssue(issue: ContentIssue): string {
  return `${issue.file}\n  字段：${issue.field}\n  发现：${issue.found}\n  应为：${issue.expected}`;
}

/** The error that stops a build, listing every issue so a publisher can fix them in one pass. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    super(
      `内容检查发现 ${issues.length} 处问题。请按下列提示修改后重新生成：\n\n${issues.map(formatContentIssue).join('\n\n')}\n`,
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}

/** Shows a value as publishers typed it: strings quoted, missing values named. */
export function showValue(value: unknown): string {
  if (value === undefined) return '（未填写）';
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}

/** Turns a zod issue on a frontmatter value into a content issue. */
export function fromSchemaIssue(
  file: string,
  data: unknown,
  issue: { path: readonly PropertyKey[]; message: string },
): ContentIssue {
  const field = issue.path.length ? issue.path.map(String).join('.') : '（frontmatter）';
  let value: unknown = data;
  for (const key of issue.path)
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined;
  return { file, field, found: showValue(value), expected: issue.message };
}

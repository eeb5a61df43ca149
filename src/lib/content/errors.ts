/**
 * One problem found in the content: which file (and line), which field, what was found, what was
 * expected. Messages are for publishers, so they are in Chinese; field names stay literal so they
 * match the file.
 */
export interface ContentIssue {
  /** Path of the file, relative to the project root, e.g. content/reports/2023-jiading-police/s1-2.md. */
  file: string;
  /** Line in the file, from 1, when the problem sits on one line. */
  line?: number;
  /** Field path in the frontmatter, e.g. numbering or agency.id; a description in （） otherwise. */
  field: string;
  /** What the file holds. */
  found: string;
  /** What it should hold, and what to do. */
  expected: string;
}

export function formatContentIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return `${where}\n  字段：${issue.field}\n  发现：${issue.found}\n  应为：${issue.expected}`;
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

// Characters a publisher cannot see in an editor but that change an id or a title: zero-width
// marks, direction controls, byte order marks, non-breaking and other unusual spaces, controls.
const INVISIBLE: Record<string, string> = {
  '\u200b': '零宽空格',
  '\u200c': '零宽非连接符',
  '\u200d': '零宽连接符',
  '\u2060': '零宽不换行符',
  '\ufeff': '字节顺序标记 BOM',
  '\u00a0': '不换行空格',
  '\u3000': '全角空格',
  '\u00ad': '软连字符',
  '\u200e': '从左到右标记',
  '\u200f': '从右到左标记',
  '\t': '制表符',
};
// eslint-disable-next-line no-control-regex -- control characters are exactly what is shown
const INVISIBLE_RE = /[\u0000-\u0008\u000b-\u001f\u007f\u00a0\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u3000\ufeff\t]/g;

/** Shows invisible characters as 〔名称 U+XXXX〕 so a publisher can find and delete them. */
export function makeVisible(text: string): string {
  return text.replace(INVISIBLE_RE, (char) => {
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `〔${INVISIBLE[char] ?? '不可见字符'} ${code}〕`;
  });
}

const SHOWN_LENGTH = 40;

/** Shows a value as publishers typed it: strings quoted, invisible characters named, long text cut. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '（未填写）';
  if (typeof value === 'string') {
    const chars = [...value];
    const shown =
      chars.length > SHOWN_LENGTH
        ? `“${makeVisible(chars.slice(0, SHOWN_LENGTH).join(''))}……”（共 ${chars.length} 个字）`
        : `“${makeVisible(value)}”`;
    return /^\s|\s$/.test(value) && chars.length <= SHOWN_LENGTH
      ? `${shown}（首尾有空格）`
      : shown;
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return `列表 [${value.map(showValue).join('，')}]`;
  if (typeof value === 'object') return `一组下级字段（${Object.keys(value).join('、')}）`;
  return String(value);
}

/** agency.id, aliases（第 2 项）: a field path as a publisher finds it in the file. */
export function formatFieldPath(path: readonly PropertyKey[], unit = '项'): string {
  let out = '';
  path.forEach((key, i) => {
    if (typeof key === 'number') out += i === 0 ? `第 ${key + 1} ${unit}` : `（第 ${key + 1} 项）`;
    else if (i === 0) out = String(key);
    else out += typeof path[i - 1] === 'number' && i === 1 ? ` ${String(key)}` : `.${String(key)}`;
  });
  return out;
}

/**
 * The distance between two short strings, for "did you mean" on misspelt field names: edits,
 * case ignored, with two swapped letters (titel for title) counting as one.
 */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[x.length]![y.length]!;
}

/** The known name closest to `name`, when it is close enough to be a misspelling of it. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  const allowed = Math.max(1, Math.floor(name.length / 3));
  if (best && best.distance <= allowed) return best.name;
  // A field cut short or run on (alias for aliases) is a near miss too.
  const lower = name.toLowerCase();
  return known.find(
    (candidate) =>
      lower.length >= 3 &&
      Math.abs(candidate.length - lower.length) <= 3 &&
      (candidate.toLowerCase().startsWith(lower) || lower.startsWith(candidate.toLowerCase())),
  );
}

/** A zod issue, as much of it as the messages need (zod 4 issue shape). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

export interface SchemaIssueOptions {
  /** Fields allowed at a path, for "did you mean" on unknown fields. */
  knownKeys?: (path: readonly PropertyKey[]) => readonly string[];
  /** The line of a field in the file, when known. */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
  /** What a top-level list item is called (synonym groups are 组). */
  unit?: string;
  /** The field label for a problem with the whole file. */
  rootLabel?: string;
}

/** Turns a zod issue on a frontmatter value into content issues (one per unknown field). */
export function fromSchemaIssue(
  file: string,
  data: unknown,
  issue: SchemaIssue,
  options: SchemaIssueOptions = {},
): ContentIssue[] {
  const { knownKeys, lineOf, unit, rootLabel = '（文件开头的字段区）' } = options;
  const at = (path: readonly PropertyKey[]) => {
    const line = lineOf?.(path);
    return line ? { line } : {};
  };
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const known = knownKeys?.(issue.path) ?? [];
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const near = nearestName(key, known);
      return {
        file,
        ...at(path),
        field: formatFieldPath(path, unit),
        found: `不认识的字段 ${makeVisible(key)}`,
        expected: near
          ? `是不是 ${near}？请把字段名改为 ${near}`
          : `删除此字段，或改为以下字段之一：${known.join('、')}`,
      };
    });
  }
  let value: unknown = data;
  for (const key of issue.path)
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined;
  return [
    {
      file,
      ...at(issue.path),
      field: issue.path.length ? formatFieldPath(issue.path, unit) : rootLabel,
      found: showValue(value),
      expected: issue.message,
    },
  ];
}

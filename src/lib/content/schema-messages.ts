/**
 * Chinese wording for every problem a schema can report, installed as zod's error map in
 * src/schemas/common.ts. zod's own Chinese locale still leaks its type names (`期望 数字，实际接收
 * string`, `无效URL`, `"a"|"b"`); these say what to write instead, in the words of the file.
 * A message a schema sets itself (a regex or a refinement) takes precedence over this map.
 */

/** The parts of a zod 4 issue the wording needs. */
export interface RawSchemaIssue {
  code: string;
  input?: unknown;
  expected?: string;
  values?: readonly unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: '一段文字',
  number: '数字（不加引号），例如 2024',
  int: '整数（不加引号），例如 2024',
  boolean: 'true 或 false（不加引号）',
  array: '列表：每项单独一行，以“- ”开头；或写成 [甲, 乙]',
  object: '一组下级字段：下一行起缩进两个空格，每行“字段: 值”',
  date: '日期，格式 YYYY-MM-DD',
};

/** The Chinese message for a schema issue. */
export function schemaMessage(issue: RawSchemaIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const what = TYPE_WORDS[issue.expected ?? ''] ?? '正确格式的值';
      return issue.input === undefined || issue.input === null ? `必须填写：${what}` : what;
    }
    case 'invalid_value':
      return issue.values?.length === 1
        ? `只能是 ${String(issue.values[0])}`
        : `以下之一（照原样填写）：${(issue.values ?? []).map(String).join(' / ')}`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? '不能为空，请填写' : `至少 ${n} 个字`;
      if (issue.origin === 'array') return `至少 ${n} 项`;
      return issue.inclusive === false ? `大于 ${n} 的数` : `不小于 ${n} 的数`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `不超过 ${n} 个字；请缩短`;
      if (issue.origin === 'array') return `不超过 ${n} 项`;
      return issue.inclusive === false ? `小于 ${n} 的数` : `不大于 ${n} 的数`;
    }
    case 'invalid_format':
      if (issue.format === 'url')
        return '以 http:// 或 https:// 开头的完整网址，例如 https://www.example.gov.cn/art/2024/3/28/art_1.html';
      return '符合格式要求的值';
    case 'unrecognized_keys':
      return '只写本文件可用的字段';
    default:
      return '符合格式要求的值';
  }
}

interface SchemaLike {
  _zod?: { def?: Record<string, unknown> };
  shape?: Record<string, SchemaLike>;
}

/** The fields an object schema allows at `path` (into nested objects and arrays), for "did you mean". */
export function schemaKeys(schema: unknown, path: readonly PropertyKey[]): string[] {
  let current = unwrap(schema as SchemaLike);
  for (const key of path) {
    if (!current) return [];
    const def = current._zod?.def;
    if (typeof key === 'number' && def?.['type'] === 'array')
      current = unwrap(def['element'] as SchemaLike);
    else current = current.shape ? unwrap(current.shape[String(key)]) : undefined;
  }
  return current?.shape ? Object.keys(current.shape) : [];
}

function unwrap(schema: SchemaLike | undefined): SchemaLike | undefined {
  let current = schema;
  for (let i = 0; i < 10 && current; i++) {
    const def = current._zod?.def;
    if (!def) return current;
    if (def['type'] === 'optional' || def['type'] === 'default' || def['type'] === 'nullable')
      current = def['innerType'] as SchemaLike;
    else if (def['type'] === 'pipe') current = def['out'] as SchemaLike;
    else return current;
  }
  return current;
}

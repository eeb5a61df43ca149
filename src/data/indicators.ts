import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeUtf8 } from '../lib/content/encoding.ts';
import { type ContentIssue, fromSchemaIssue } from '../lib/content/errors.ts';
import { schemaKeys } from '../lib/content/schema-messages.ts';
import { parseContent } from '../schemas/common.ts';
import { type Indicator, indicatorsSchema } from '../schemas/indicator.ts';
import { readYaml } from './yaml-positions.ts';

/**
 * Reads and validates content/indicators.yml. A missing file means no indicators (and then any
 * figure a report names is unknown); a broken one is reported like any content problem, with
 * the file, the entry, the field and the line.
 */
export function readIndicators(
  file: string,
  cwd = process.cwd(),
): { list: Indicator[]; issues: ContentIssue[] } {
  const shown = path.relative(cwd, path.resolve(cwd, file)) || file;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.resolve(cwd, file));
  } catch {
    return { list: [], issues: [] };
  }
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded))
    return { list: [], issues: [{ file: shown, field: '（文件编码）', ...decoded }] };
  const yaml = readYaml(decoded.text);
  const [error] = yaml.errors;
  if (error)
    return {
      list: [],
      issues: [
        {
          file: shown,
          line: error.line,
          field: '（整个文件）',
          found: error.code === 'DUPLICATE_KEY' ? '同一项中同一个字段写了两次' : '无法读取这一行',
          expected:
            '每个指标写成“- id: 英文标识”，下面缩进两个空格写 name、unit、synonyms、definition，缩进用空格',
        },
      ],
    };
  const data: unknown = yaml.doc.toJS() ?? [];
  const result = parseContent(indicatorsSchema, data);
  if (result.success) return { list: result.data, issues: [] };
  return {
    list: [],
    issues: result.error.issues.flatMap((issue) =>
      fromSchemaIssue(shown, data, issue, {
        unit: '项',
        rootLabel: '（整个文件）',
        lineOf: yaml.lineOf,
        knownKeys: (at) => schemaKeys(indicatorsSchema, at),
      }),
    ),
  };
}

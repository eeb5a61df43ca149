import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseContent } from '../schemas/common.ts';
import { type SynonymGroups, synonymsSchema } from '../schemas/synonyms.ts';
import { decodeUtf8 } from '../lib/content/encoding.ts';
import { type ContentIssue, fromSchemaIssue } from '../lib/content/errors.ts';
import { schemaKeys } from '../lib/content/schema-messages.ts';
import { readYaml } from './yaml-positions.ts';

/**
 * Reads and validates the search's synonym list. A missing file means no synonyms; a broken
 * one is reported like any other content problem, naming the file, the line, the group and the
 * field.
 */
export async function readSynonyms(
  file: string,
  cwd = process.cwd(),
): Promise<{ groups: SynonymGroups; issues: ContentIssue[] }> {
  const shown = path.relative(cwd, path.resolve(cwd, file)) || file;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.resolve(cwd, file));
  } catch {
    return { groups: [], issues: [] };
  }
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded))
    return { groups: [], issues: [{ file: shown, field: '（文件编码）', ...decoded }] };
  const yaml = readYaml(decoded.text);
  const [error] = yaml.errors;
  if (error)
    return {
      groups: [],
      issues: [
        {
          file: shown,
          line: error.line,
          field: '（整个文件）',
          found: error.code === 'DUPLICATE_KEY' ? '同一组中同一个字段写了两次' : '无法读取这一行',
          expected: '每组写成“- term: 用语”，下一行“  aliases: [别称一, 别称二]”，缩进用空格',
        },
      ],
    };
  const data: unknown = yaml.doc.toJS() ?? [];
  const result = parseContent(synonymsSchema, data);
  if (!result.success)
    return {
      groups: [],
      issues: result.error.issues.flatMap((issue) =>
        fromSchemaIssue(shown, data, issue, {
          unit: '组',
          rootLabel: '（整个文件）',
          lineOf: yaml.lineOf,
          knownKeys: (at) => schemaKeys(synonymsSchema, at),
        }),
      ),
    };
  return { groups: result.data, issues: [] };
}

import { schemaKeys } from '../lib/content/schema-messages.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ContentIssue, fromSchemaIssue } from '../lib/content/errors.ts';
import { parseContent } from '../schemas/common.ts';
import { type SiteConfig, siteConfigSchema } from '../schemas/site.ts';
import { readYaml } from './yaml-positions.ts';

/**
 * Reads and validates the site's identity file. A missing file means the defaults (a site
 * name and column, nothing else); a broken one is reported like any other content problem.
 */
export function readSiteConfig(
  file: string,
  cwd = process.cwd(),
): { config: SiteConfig; issues: ContentIssue[] } {
  const shown = path.relative(cwd, path.resolve(cwd, file)) || file;
  const defaults = siteConfigSchema.parse({});
  let source: string;
  try {
    source = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch {
    return { config: defaults, issues: [] };
  }
  const yaml = readYaml(source);
  const [error] = yaml.errors;
  if (error)
    return {
      config: defaults,
      issues: [
        {
          file: shown,
          line: error.line,
          field: '（整个文件）',
          found: `YAML 格式错误：${error.code === 'DUPLICATE_KEY' ? '同一个字段写了两次' : '无法读取这一行'}`,
          expected: '每行写成“字段: 值”，缩进用空格',
        },
      ],
    };
  const data: unknown = yaml.doc.toJS() ?? {};
  const result = parseContent(siteConfigSchema, data);
  if (!result.success)
    return {
      config: defaults,
      issues: result.error.issues.flatMap((issue) =>
        fromSchemaIssue(shown, data, issue, {
          knownKeys: (at) => schemaKeys(siteConfigSchema, at),
          lineOf: yaml.lineOf,
          rootLabel: '（文件中的字段）',
        }),
      ),
    };
  return { config: result.data, issues: [] };
}

import { schemaKeys } from '../lib/content/schema-messages.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError, type ContentIssue, fromSchemaIssue } from '../lib/content/errors.ts';
import { type SiteConfig, siteConfigSchema } from '../schemas/site.ts';
import { SITE_CONFIG_FILE } from './paths.ts';

/**
 * Reads and validates the site's identity file. A missing file means the defaults (a site
 * name and column, nothing else); a broken one is reported like any other content problem.
 */
export function readSiteConfig(
  file: string = SITE_CONFIG_FILE,
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
  let data: unknown;
  try {
    data = parseYaml(source) ?? {};
  } catch (error) {
    return {
      config: defaults,
      issues: [
        {
          file: shown,
          field: '（整个文件）',
          found: `YAML 格式错误：${(error as Error).message.split('\n')[0]}`,
          expected: '每行写成“字段: 值”，缩进用空格',
        },
      ],
    };
  }
  const result = siteConfigSchema.safeParse(data);
  if (!result.success)
    return {
      config: defaults,
      issues: result.error.issues.flatMap((issue) =>
        fromSchemaIssue(shown, data, issue, {
          knownKeys: (at) => schemaKeys(siteConfigSchema, at),
          rootLabel: '（文件中的字段）',
        }),
      ),
    };
  return { config: result.data, issues: [] };
}

let cached: SiteConfig | undefined;

/** The validated site identity, read once per build; a broken file stops the build. */
export function loadSiteConfig(): SiteConfig {
  if (cached) return cached;
  const { config, issues } = readSiteConfig();
  if (issues.length) throw new ContentError(issues);
  cached = config;
  return config;
}

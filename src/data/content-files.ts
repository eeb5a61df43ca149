import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import remarkSafeContent from '../markdown/remark-safe-content.ts';
import { reportSchema } from '../schemas/report.ts';
import { sectionSchema } from '../schemas/section.ts';
import { type SynonymGroups, synonymsSchema } from '../schemas/synonyms.ts';
import { checkContent, type ReportInput, type SectionInput } from '../lib/content/checks.ts';
import type { ContentIssue } from '../lib/content/errors.ts';
import { fromSchemaIssue } from '../lib/content/errors.ts';

const REPORT_FILE = /^report\.mdx?$/;
const CONTENT_FILE = /\.mdx?$/;

/** Splits `---` YAML frontmatter from a Markdown file; undefined when the file has none. */
export function splitFrontmatter(
  source: string,
): { frontmatter: string; body: string } | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return match ? { frontmatter: match[1]!, body: match[2]! } : undefined;
}

/**
 * Runs the content-safety rules on a Markdown or MDX body. The same plugin runs inside Astro's
 * pipeline; running it here too means a refusal stops the build instead of being logged
 * by the content loader and skipped.
 */
export function checkBody(file: string, body: string, bodyStartLine: number): ContentIssue[] {
  const processor = unified().use(remarkParse);
  if (file.endsWith('.mdx')) processor.use(remarkMdx);
  processor.use(remarkSafeContent);
  const vfile = new VFile({ path: file, value: body });
  try {
    processor.runSync(processor.parse(vfile), vfile);
    return [];
  } catch (error) {
    const { reason, line } = error as { reason?: string; line?: number; message: string };
    const where = line ? `正文第 ${line + bodyStartLine - 1} 行` : '正文';
    return [
      {
        file,
        field: `（${where}）`,
        found: reason ?? (error as Error).message,
        expected: '只用 Markdown 书写正文，不含可执行代码',
      },
    ];
  }
}

/** Every report folder's files, parsed: what passed the schemas, and what did not. */
export interface LoadedContent {
  reports: ReportInput[];
  sections: SectionInput[];
  /** Schema, frontmatter and body problems, one or more per failing file. */
  issues: ContentIssue[];
}

/**
 * Reads every report folder under `reportsDir`: frontmatter checked against the schemas and
 * bodies against the content-safety rules. Paths are relative to `cwd`.
 */
export async function loadContent(reportsDir: string, cwd = process.cwd()): Promise<LoadedContent> {
  const issues: ContentIssue[] = [];
  const reports: ReportInput[] = [];
  const sections: SectionInput[] = [];
  let folders: string[];
  try {
    folders = (await readdir(reportsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    issues.push({
      file: path.relative(cwd, reportsDir) || reportsDir,
      field: '（文件夹）',
      found: '文件夹不存在',
      expected: '存放各报告文件夹的目录，例如 content/reports',
    });
    return { reports, sections, issues };
  }
  for (const folder of folders) {
    const names = (await readdir(path.join(reportsDir, folder)))
      .filter((name) => CONTENT_FILE.test(name))
      .sort();
    for (const name of names) {
      const file = path.relative(cwd, path.join(reportsDir, folder, name));
      const parts = splitFrontmatter(await readFile(path.join(reportsDir, folder, name), 'utf8'));
      if (!parts) {
        issues.push({
          file,
          field: '（frontmatter）',
          found: '文件开头没有 --- 包围的字段区',
          expected: '文件以 --- 开始，写完字段后再以 --- 结束，然后是正文',
        });
        continue;
      }
      let data: unknown;
      try {
        data = parseYaml(parts.frontmatter);
      } catch (error) {
        issues.push({
          file,
          field: '（frontmatter）',
          found: `YAML 格式错误：${(error as Error).message.split('\n')[0]}`,
          expected: '每行写成“字段: 值”，缩进用空格',
        });
        continue;
      }
      const bodyStartLine = parts.frontmatter.split('\n').length + 3;
      issues.push(...checkBody(file, parts.body, bodyStartLine));
      if (REPORT_FILE.test(name)) {
        const result = reportSchema.safeParse(data);
        if (result.success) reports.push({ folder, file, data: result.data });
        else issues.push(...result.error.issues.map((issue) => fromSchemaIssue(file, data, issue)));
      } else {
        const result = sectionSchema.safeParse(data);
        if (result.success) sections.push({ folder, file, data: result.data });
        else issues.push(...result.error.issues.map((issue) => fromSchemaIssue(file, data, issue)));
      }
    }
  }
  return { reports, sections, issues };
}

/**
 * Validates every report folder under `reportsDir` before anything is built: frontmatter
 * against the schemas, bodies against the safety rules, then the checks across files.
 */
export async function validateReports(
  reportsDir: string,
  cwd = process.cwd(),
): Promise<ContentIssue[]> {
  const { reports, sections, issues } = await loadContent(reportsDir, cwd);
  // A folder with a file the schema rejected would only add confusing follow-on issues
  // (a missing order looks like a gap), so cross-file checks run on clean folders only.
  const broken = new Set(issues.map((issue) => path.basename(path.dirname(issue.file))));
  const clean = <T extends { folder: string }>(list: T[]) =>
    list.filter((item) => !broken.has(item.folder));
  return [...issues, ...checkContent(clean(reports), clean(sections))];
}

/**
 * Reads and validates the search's synonym list. A missing file means no synonyms; a broken
 * one is reported like any other content problem, naming the file and the field.
 */
export async function readSynonyms(
  file: string,
  cwd = process.cwd(),
): Promise<{ groups: SynonymGroups; issues: ContentIssue[] }> {
  const shown = path.relative(cwd, file) || file;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    return { groups: [], issues: [] };
  }
  let data: unknown;
  try {
    data = parseYaml(source) ?? [];
  } catch (error) {
    return {
      groups: [],
      issues: [
        {
          file: shown,
          field: '（整个文件）',
          found: `YAML 格式错误：${(error as Error).message.split('\n')[0]}`,
          expected: '每组写成“- term: 用语”，下一行“  aliases: [别称一, 别称二]”',
        },
      ],
    };
  }
  const result = synonymsSchema.safeParse(data);
  if (!result.success)
    return {
      groups: [],
      issues: result.error.issues.map((issue) => fromSchemaIssue(shown, data, issue)),
    };
  return { groups: result.data, issues: [] };
}

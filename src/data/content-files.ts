import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
import { buildCache, sourceVersion } from '../node/build-cache.ts';

const REPORT_FILE = /^report\.mdx?$/;
const CONTENT_FILE = /\.mdx?$/;

// Results of each file's own checks, kept between builds. Versioned by the code that checks
// (schemas, Markdown plugins, content library, this folder) and the installed packages, so a
// change to a rule or a library never reuses an old verdict. Only the current files' results
// are written back.
const checkedFiles = buildCache<CheckedFile>(
  'content-checks',
  () =>
    sourceVersion(new URL('..', import.meta.url), ['data', 'schemas', 'markdown', 'lib', 'node']),
  { keepOnlyUsed: true },
);

/** Splits `---` YAML frontmatter from a Markdown file; undefined when the file has none. */
export function splitFrontmatter(
  source: string,
): { frontmatter: string; body: string } | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return match ? { frontmatter: match[1]!, body: match[2]! } : undefined;
}

// Made once: setting up a processor (combining micromark's syntax extensions) costs more
// than parsing a short section.
const markdownChecker = unified().use(remarkParse).use(remarkSafeContent).freeze();
const mdxChecker = unified().use(remarkParse).use(remarkMdx).use(remarkSafeContent).freeze();

/**
 * Runs the content-safety rules on a Markdown or MDX body. The same plugin runs inside Astro's
 * pipeline; running it here too means a refusal stops the build instead of being logged
 * by the content loader and skipped.
 */
export function checkBody(file: string, body: string, bodyStartLine: number): ContentIssue[] {
  const processor = file.endsWith('.mdx') ? mdxChecker : markdownChecker;
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
    // Synchronous reads: thousands of small files, each awaited in turn, spent more time
    // waiting for the thread pool than reading.
    folders = readdirSync(reportsDir, { withFileTypes: true })
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
    const names = readdirSync(path.join(reportsDir, folder))
      .filter((name) => CONTENT_FILE.test(name))
      .sort();
    for (const name of names) {
      const file = path.relative(cwd, path.join(reportsDir, folder, name));
      const text = readFileSync(path.join(reportsDir, folder, name), 'utf8');
      // A file's own checks depend only on its name and text (and the checking code, which
      // versions the cache): an unchanged file is not parsed again on the next build.
      const key = createHash('sha256').update(file).update('\0').update(text).digest('base64url');
      let checked = checkedFiles.get(key);
      if (!checked) {
        checked = checkFile(file, REPORT_FILE.test(name) ? 'report' : 'section', text);
        checkedFiles.set(key, checked);
      }
      issues.push(...checked.issues);
      if (checked.report) reports.push({ folder, file, data: checked.report });
      if (checked.section) sections.push({ folder, file, data: checked.section });
    }
  }
  return { reports, sections, issues };
}

/** What one file's own checks found: its parsed frontmatter if valid, and its problems. */
interface CheckedFile {
  report?: ReportInput['data'];
  section?: SectionInput['data'];
  issues: ContentIssue[];
}

/** One file's own checks: frontmatter present, YAML valid, schema satisfied, body safe. */
function checkFile(file: string, kind: 'report' | 'section', text: string): CheckedFile {
  const parts = splitFrontmatter(text);
  if (!parts)
    return {
      issues: [
        {
          file,
          field: '（frontmatter）',
          found: '文件开头没有 --- 包围的字段区',
          expected: '文件以 --- 开始，写完字段后再以 --- 结束，然后是正文',
        },
      ],
    };
  let data: unknown;
  try {
    data = parseYaml(parts.frontmatter);
  } catch (error) {
    return {
      issues: [
        {
          file,
          field: '（frontmatter）',
          found: `YAML 格式错误：${(error as Error).message.split('\n')[0]}`,
          expected: '每行写成“字段: 值”，缩进用空格',
        },
      ],
    };
  }
  const bodyStartLine = parts.frontmatter.split('\n').length + 3;
  const issues = checkBody(file, parts.body, bodyStartLine);
  if (kind === 'report') {
    const result = reportSchema.safeParse(data);
    if (result.success) return { report: result.data, issues };
    return {
      issues: [
        ...issues,
        ...result.error.issues.map((issue) => fromSchemaIssue(file, data, issue)),
      ],
    };
  }
  const result = sectionSchema.safeParse(data);
  if (result.success) return { section: result.data, issues };
  return {
    issues: [...issues, ...result.error.issues.map((issue) => fromSchemaIssue(file, data, issue))],
  };
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

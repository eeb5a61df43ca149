import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFrontmatter, parseFrontmatter } from '@astrojs/markdown-remark';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { findUnsafeContent } from '../markdown/remark-safe-content.ts';
import { reportSchema } from '../schemas/report.ts';
import { sectionSchema } from '../schemas/section.ts';
import { type SynonymGroups, synonymsSchema } from '../schemas/synonyms.ts';
import { type BodyFacts, inspectBody } from '../lib/content/body.ts';
import { checkContent, type ReportInput, type SectionInput } from '../lib/content/checks.ts';
import { decodeUtf8 } from '../lib/content/encoding.ts';
import type { ContentIssue } from '../lib/content/errors.ts';
import { fromSchemaIssue, makeVisible } from '../lib/content/errors.ts';
import { schemaKeys } from '../lib/content/schema-messages.ts';
import { buildCache, sourceVersion } from '../node/build-cache.ts';
import { type BodyUnit, bodyUnits } from '../lib/editions/shown.ts';
import { editionIssues } from './editions.ts';

/**
 * The one reader of content/: every file is read, decoded, split and validated here, with the
 * same frontmatter parser Astro's loader uses, so what passes the checks is what Astro publishes.
 * The checks see exactly the files Astro's glob loader will (src/content.config.ts); anything the
 * loader would silently skip or read differently (a `.MD` file, a second report file, a symlink,
 * another encoding) is refused by name instead.
 */

const REPORT_FILES = ['report.md', 'report.mdx'];
/** Fields the cross-file checks name, whose lines they report. */
const LINE_FIELDS = [
  'id',
  'order',
  'numbering',
  'parent',
  'aliases',
  'published',
  'signature.date',
  'agency.id',
];
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
const CONTENT_FILE_ANY_CASE = /\.mdx?$/i;

/**
 * Splits `---` YAML frontmatter from a Markdown file with Astro's own splitter (the one its
 * loader uses); undefined when the file has none. The YAML is returned as text, unparsed.
 */
export function splitFrontmatter(
  source: string,
): { frontmatter: string; body: string } | undefined {
  const raw = extractFrontmatter(source);
  if (raw === undefined) return undefined;
  const end = source.indexOf(raw) + raw.length + 3;
  return {
    frontmatter: raw.replace(/^\r?\n/, '').replace(/\r?\n$/, ''),
    body: source.slice(end).replace(/^\r?\n/, ''),
  };
}

/**
 * A body's problems (safety rules, structure) with their lines in the file, given the line the
 * body starts on.
 */
export function checkBody(file: string, body: string, firstLine: number): ContentIssue[] {
  return readBody(file, body, firstLine).issues;
}

function readBody(
  file: string,
  body: string,
  firstLine: number,
): { issues: ContentIssue[]; facts?: BodyFacts; units?: BodyUnit[] } {
  const issues: ContentIssue[] = [];
  const processor = unified().use(remarkParse);
  if (file.endsWith('.mdx')) processor.use(remarkMdx);
  const at = (line: number | undefined) =>
    line === undefined ? {} : { line: line + firstLine - 1 };
  let tree: Node;
  try {
    tree = processor.parse(body);
  } catch (error) {
    const { line } = error as { line?: number };
    issues.push({
      file,
      ...at(line),
      field: '（正文）',
      found: 'MDX 语法无法解析：花括号 { } 或尖括号 < > 没有配对',
      expected:
        'MDX 中 { } 和 < > 有特殊含义；报告正文请改存为 .md 文件，或删除这些符号。MDX 中不能写代码',
    });
    return { issues };
  }
  for (const unsafe of findUnsafeContent(tree))
    issues.push({
      file,
      ...at(unsafe.line),
      field: '（正文）',
      found: unsafe.message,
      expected: '只用 Markdown 书写正文，不含可执行代码',
    });
  const facts = inspectBody(tree);
  for (const problem of facts.problems)
    issues.push({
      file,
      ...at(problem.line),
      field: '（正文）',
      found: problem.message,
      expected: '正文只含段落、列表、加粗和链接',
    });
  // What readers see of the body, unit by unit, for the edition record's change detection.
  return { issues, facts, units: bodyUnits(tree, body) };
}

/** Every report folder's files, parsed: what passed the schemas, and what did not. */
export interface LoadedContent {
  reports: ReportInput[];
  sections: SectionInput[];
  /** Schema, frontmatter and body problems, one or more per failing file. */
  issues: ContentIssue[];
  /** Folders where a section file could not be read, so some cross-file checks would mislead. */
  incomplete: Set<string>;
  /** Folders whose report file failed (folder → file); their sections are still checked. */
  failedReports: Map<string, string>;
  /** The text of every file read as UTF-8 (path as shown → text), for locating issues. */
  sources: Map<string, string>;
  /** Each valid file's body as readers see it, unit by unit (path as shown → units). */
  units: Map<string, BodyUnit[]>;
}

/**
 * Reads every report folder under `reportsDir`: frontmatter checked against the schemas and
 * bodies against the content-safety and structure rules. Paths are relative to `cwd`.
 */
export async function loadContent(reportsDir: string, cwd = process.cwd()): Promise<LoadedContent> {
  const loaded: LoadedContent = {
    reports: [],
    sections: [],
    issues: [],
    incomplete: new Set(),
    failedReports: new Map(),
    sources: new Map(),
    units: new Map(),
  };
  const { issues } = loaded;
  const shown = (...parts: string[]) => path.relative(cwd, path.join(reportsDir, ...parts));
  let entries;
  try {
    entries = readdirSync(reportsDir, { withFileTypes: true });
  } catch {
    issues.push({
      file: path.relative(cwd, reportsDir) || reportsDir,
      field: '（文件夹）',
      found: '文件夹不存在',
      expected: '存放各报告文件夹的目录，例如 content/reports',
    });
    return loaded;
  }
  const folders: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // Astro's loader skips hidden entries; so do the checks.
    if (entry.name.startsWith('.')) continue;
    if (entry.isSymbolicLink()) issues.push(symlinkIssue(shown(entry.name), '文件夹'));
    else if (entry.isDirectory()) folders.push(entry.name);
    else if (CONTENT_FILE_ANY_CASE.test(entry.name))
      issues.push({
        file: shown(entry.name),
        field: '（文件位置）',
        found: '文件直接放在报告总目录中，不属于任何报告',
        expected: '放进某个报告的文件夹（如 2024-jiading-police/）中，与 report.md 同级',
      });
  }
  for (const folder of folders) loadFolder(reportsDir, folder, cwd, loaded);
  return loaded;
}

function loadFolder(reportsDir: string, folder: string, cwd: string, loaded: LoadedContent) {
  const dir = path.join(reportsDir, folder);
  const shown = (name: string) => path.relative(cwd, path.join(dir, name));
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const reportFiles = entries.filter((entry) => REPORT_FILES.includes(entry.name));
  for (const entry of entries) {
    const { name } = entry;
    if (name.startsWith('.')) continue;
    const file = shown(name);
    if (entry.isSymbolicLink()) {
      if (CONTENT_FILE_ANY_CASE.test(name) || lstatSync(path.join(dir, name)).isSymbolicLink())
        loaded.issues.push(symlinkIssue(file, '文件'));
      continue;
    }
    if (entry.isDirectory()) {
      loaded.issues.push({
        file,
        field: '（文件位置）',
        found: '报告文件夹里有子文件夹，其中的文件不会发布',
        expected: '章节文件直接放在报告文件夹中；请把文件移出并删除该子文件夹',
      });
      continue;
    }
    if (!CONTENT_FILE_ANY_CASE.test(name)) continue;
    if (!CONTENT_FILE.test(name)) {
      const fixed = name.replace(CONTENT_FILE_ANY_CASE, (ext) => ext.toLowerCase());
      loaded.issues.push({
        file,
        field: '（文件名）',
        found: `扩展名大小写不对：${name}，这样的文件不会发布`,
        expected: `把文件改名为 ${fixed}（扩展名用小写 .md 或 .mdx）`,
      });
      loaded.incomplete.add(folder);
      continue;
    }
    const isReport = REPORT_FILES.includes(name);
    if (!isReport && /^report\./i.test(name)) {
      loaded.issues.push({
        file,
        field: '（文件名）',
        found: `文件名 ${name}`,
        expected: '报告信息文件名应为小写的 report.md',
      });
      loaded.incomplete.add(folder);
      continue;
    }
    if (isReport && reportFiles.length > 1 && reportFiles[0]!.name !== name) {
      loaded.issues.push({
        file,
        field: '（文件名）',
        found: `同一文件夹中已有 ${reportFiles[0]!.name}，每个报告只能有一个报告信息文件`,
        expected: `保留一个：删除 ${name} 或 ${reportFiles[0]!.name}`,
      });
      continue;
    }
    loadFile(path.join(dir, name), file, folder, isReport, loaded);
  }
}

function symlinkIssue(file: string, what: string): ContentIssue {
  return {
    file,
    field: '（文件位置）',
    found: `这个${what}是符号链接（快捷方式），检查和发布看到的内容会不一致`,
    expected: `把真正的${what}复制到这里，删除符号链接`,
  };
}

function loadFile(
  absolute: string,
  file: string,
  folder: string,
  isReport: boolean,
  loaded: LoadedContent,
) {
  // Synchronous on purpose: thousands of small files read one after another through
  // fs/promises spend most of their time in the thread pool's round trips (1.5 s against
  // 0.05 s for 3,900 files here).
  const bytes = readFileSync(absolute);
  loaded.sources.set(file, bytes.toString('utf8'));
  // A file's own checks depend only on its name and bytes (and the checking code, which
  // versions the cache): an unchanged file is not parsed again on the next build.
  const key = createHash('sha256').update(file).update('\0').update(bytes).digest('base64url');
  let checked = checkedFiles.get(key);
  if (!checked) {
    checked = checkFile(bytes, file, folder, isReport);
    checkedFiles.set(key, checked);
  }
  loaded.issues.push(...checked.issues);
  if (checked.failed) {
    if (isReport) loaded.failedReports.set(folder, file);
    else loaded.incomplete.add(folder);
  }
  if (checked.units) loaded.units.set(file, checked.units);
  if (checked.report) loaded.reports.push(checked.report);
  if (checked.section) loaded.sections.push(checked.section);
}

/** What one file's own checks found: its entry if valid, and its problems. */
interface CheckedFile {
  issues: ContentIssue[];
  failed: boolean;
  report?: ReportInput;
  section?: SectionInput;
  units?: BodyUnit[];
}

/** One file's own checks: encoding, frontmatter, schema, body. */
function checkFile(
  bytes: Uint8Array,
  file: string,
  folder: string,
  isReport: boolean,
): CheckedFile {
  const checked: CheckedFile = { issues: [], failed: false };
  const fail = (issue: Omit<ContentIssue, 'file'>): CheckedFile => {
    checked.issues.push({ file, ...issue });
    checked.failed = true;
    return checked;
  };
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) return fail({ field: '（文件编码）', ...decoded });
  const source = decoded.text;
  let parsed: { frontmatter: Record<string, unknown>; rawFrontmatter: string; content: string };
  try {
    // 'empty-with-lines' keeps the body's line numbers those of the file.
    parsed = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
  } catch (error) {
    return fail(yamlIssue(error, source));
  }
  if (!parsed.rawFrontmatter.trim())
    return fail({
      line: 1,
      field: '（字段区）',
      found: '文件开头没有 --- 包围的字段区',
      expected: '文件第一行写 ---，接着每行一个“字段: 值”，再以一行 --- 结束，然后是正文',
    });
  const linesBefore = source.slice(0, source.indexOf('---')).split('\n').length - 1;
  const { lineOf, rawValue } = fieldLines(parsed.rawFrontmatter, linesBefore);
  const { issues: bodyIssues, facts: body, units } = readBody(file, parsed.content, 1);
  if (units) checked.units = units;
  checked.issues.push(...bodyIssues);
  const schema = isReport ? reportSchema : sectionSchema;
  const data = withDatesAsWritten(parsed.frontmatter, [], rawValue);
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues)
      checked.issues.push(
        ...fromSchemaIssue(file, data, issue, {
          lineOf,
          knownKeys: (at) => schemaKeys(schema, at),
        }),
      );
    checked.failed = true;
    return checked;
  }
  const lines: Record<string, number> = {};
  for (const field of LINE_FIELDS) {
    const line = lineOf(field.split('.'));
    if (line) lines[field] = line;
  }
  if (isReport)
    checked.report = {
      folder,
      file,
      data: result.data as ReportInput['data'],
      lines,
      ...(body ? { body } : {}),
    };
  else
    checked.section = {
      folder,
      file,
      data: result.data as SectionInput['data'],
      lines,
      ...(body ? { body } : {}),
    };
  return checked;
}

/**
 * Dates as the publisher wrote them. Astro's YAML parser turns 2024-02-30 into 1 March without a
 * word, so each date it produced is replaced by its text in the file and checked as written.
 */
function withDatesAsWritten(
  value: Record<string, unknown>,
  at: PropertyKey[],
  rawValue: (at: readonly PropertyKey[]) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const here = [...at, key];
    if (inner instanceof Date) {
      const raw = rawValue(here);
      out[key] = typeof raw === 'string' ? raw : inner;
    } else if (inner && typeof inner === 'object' && !Array.isArray(inner))
      out[key] = withDatesAsWritten(inner as Record<string, unknown>, here, rawValue);
    else out[key] = inner;
  }
  return out;
}

/** The line of each frontmatter field in the file, for messages, and its text as written. */
function fieldLines(raw: string, linesBefore: number) {
  const counter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter: counter });
  const rawValue = (at: readonly PropertyKey[]) => doc.getIn(at as PropertyKey[]);
  const lineOf = (at: readonly PropertyKey[]): number | undefined => {
    for (let n = at.length; n > 0; n--) {
      const line = exactLine(at.slice(0, n));
      if (line) return line;
    }
    return undefined;
  };
  const exactLine = (at: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (const key of at) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (!pair) return undefined;
        offset = (pair.key as { range?: [number] }).range?.[0];
        node = pair.value;
      } else if (node && typeof key === 'number' && 'items' in (node as object)) {
        node = (node as { items: unknown[] }).items[key];
        offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? offset;
      } else return undefined;
    }
    // raw starts right after the opening ---, so its first line is that line.
    return offset === undefined ? undefined : counter.linePos(offset).line + linesBefore;
  };
  return { lineOf, rawValue };
}

const YAML_REASONS: [RegExp, string][] = [
  [/duplicated mapping key/, '同一个字段写了两次'],
  [/bad indentation|indentation/, '缩进不对'],
  [/unexpected end of the stream/, '引号或括号没有结束'],
  [/can not read a block mapping entry|multiline key/, '一行中有多余的冒号，或冒号后少了空格'],
  [/tab/, '用了制表符（Tab）缩进'],
];

/** A frontmatter that YAML cannot read, in Chinese, with the line in the file. */
function yamlIssue(error: unknown, source: string): Omit<ContentIssue, 'file'> {
  const { reason, mark } = error as { reason?: string; mark?: { line?: number } };
  const what = YAML_REASONS.find(([pattern]) => pattern.test(reason ?? ''))?.[1];
  const linesBefore = source.slice(0, source.indexOf('---')).split('\n').length - 1;
  const line = mark?.line === undefined ? undefined : mark.line + 1 + linesBefore;
  const lineText = line === undefined ? undefined : source.split(/\r?\n/)[line - 1];
  return {
    ...(line ? { line } : {}),
    field: '（字段区）',
    found: `无法读取${what ? `：${what}` : ''}${lineText?.trim() && lineText.trim() !== '---' ? `（该行为 ${makeVisible(lineText.trim())}）` : ''}`,
    expected:
      '每行写成“字段: 值”（冒号后加一个空格），下级字段缩进两个空格，每个字段只写一次；值里有冒号或 # 时用引号括起来',
  };
}

/**
 * Validates every report folder under `reportsDir` before anything is built: frontmatter
 * against the schemas, bodies against the safety and structure rules, then the checks across
 * files, all in one pass.
 */
export async function validateReports(
  reportsDir: string,
  cwd = process.cwd(),
): Promise<ContentIssue[]> {
  return validateContent(await loadContent(reportsDir, cwd), reportsDir, cwd);
}

/** validateReports for content already loaded, so callers that also review it read it once. */
export function validateContent(
  loaded: LoadedContent,
  reportsDir: string,
  cwd = process.cwd(),
): ContentIssue[] {
  const all = validateFiles(loaded, reportsDir, cwd);
  // Published text is compared with its edition record only in folders without other errors:
  // a file being fixed is not also reported as changed.
  const failing = new Set(all.map((issue) => folderOfIssue(issue, reportsDir, cwd)));
  return [...all, ...editionIssues(loaded, reportsDir, cwd, failing)];
}

/** The report folder an issue's file is in. */
export function folderOfIssue(issue: ContentIssue, reportsDir: string, cwd = process.cwd()) {
  return path.relative(reportsDir, path.resolve(cwd, issue.file)).split(path.sep)[0];
}

/** validateContent without the edition records: the files' own checks and the cross-file ones. */
export function validateFiles(
  loaded: LoadedContent,
  reportsDir: string,
  cwd = process.cwd(),
): ContentIssue[] {
  const { reports, sections, issues, incomplete, failedReports } = loaded;
  const cross = checkContent(reports, sections, { incomplete, failedReports });
  const all = [...issues, ...cross];
  if (!all.length && !reports.length)
    all.push({
      file: path.relative(cwd, reportsDir) || reportsDir,
      field: '（报告）',
      found: '没有任何报告',
      expected: '至少一个报告文件夹（如 2024-jiading-police/），其中有 report.md 和各章节文件',
    });
  return all;
}

/**
 * Reads and validates the search's synonym list. A missing file means no synonyms; a broken
 * one is reported like any other content problem, naming the file, the group and the field.
 */
export async function readSynonyms(
  file: string,
  cwd = process.cwd(),
): Promise<{ groups: SynonymGroups; issues: ContentIssue[] }> {
  const shown = path.relative(cwd, file) || file;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { groups: [], issues: [] };
  }
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded))
    return { groups: [], issues: [{ file: shown, field: '（文件编码）', ...decoded }] };
  const counter = new LineCounter();
  const doc = parseDocument(decoded.text, { lineCounter: counter, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const line = counter.linePos(error.pos[0]).line;
    return {
      groups: [],
      issues: [
        {
          file: shown,
          line,
          field: '（整个文件）',
          found: error.code === 'DUPLICATE_KEY' ? '同一组中同一个字段写了两次' : '无法读取这一行',
          expected: '每组写成“- term: 用语”，下一行“  aliases: [别称一, 别称二]”，缩进用空格',
        },
      ],
    };
  }
  const data: unknown = doc.toJS() ?? [];
  const result = synonymsSchema.safeParse(data);
  if (!result.success) {
    const lineOf = (at: readonly PropertyKey[]) => {
      for (let n = at.length; n > 0; n--) {
        const node = doc.getIn(at.slice(0, n) as PropertyKey[], true) as
          { range?: [number] } | undefined;
        if (node?.range) return counter.linePos(node.range[0]).line;
      }
      return undefined;
    };
    return {
      groups: [],
      issues: result.error.issues.flatMap((issue) =>
        fromSchemaIssue(shown, data, issue, {
          unit: '组',
          rootLabel: '（整个文件）',
          lineOf,
          knownKeys: (at) => schemaKeys(synonymsSchema, at),
        }),
      ),
    };
  }
  return { groups: result.data, issues: [] };
}

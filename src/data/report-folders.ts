import { createHash } from 'node:crypto';
import { type Dirent, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseContent } from '../schemas/common.ts';
import { reportSchema } from '../schemas/report.ts';
import { sectionSchema } from '../schemas/section.ts';
import { checkContent, type ReportInput, type SectionInput } from '../lib/content/checks.ts';
import { decodeUtf8 } from '../lib/content/encoding.ts';
import { type ContentIssue, fromSchemaIssue } from '../lib/content/errors.ts';
import { schemaKeys } from '../lib/content/schema-messages.ts';
import { entryCache, sourceVersion } from '../node/build-cache.ts';
import { readBody } from './body-check.ts';
import { fieldLines, readFrontmatter } from './frontmatter.ts';
import { type BodyUnit } from '../lib/editions/shown.ts';
import { editionIssues, withRecordedIds } from './editions.ts';

/**
 * The one reader of content/: every file is read, decoded, split and validated here, with the
 * same frontmatter parser Astro's loader uses, so what passes the checks is what Astro publishes.
 * The checks see exactly the files Astro's glob loader will (src/content.config.ts); anything the
 * loader would silently skip or read differently (a `.MD` file, a second report file, a symlink,
 * another encoding) is refused by name instead.
 */

const REPORT_FILES = ['report.md', 'report.mdx'];
const CONTENT_FILE = /\.mdx?$/;

// Results of each file's own checks, kept between builds one report folder to an entry, keyed by
// the folder's files (names and bytes), so a build reads one small entry per unchanged folder
// and writes only the folders that changed. Versioned by the code that checks (schemas,
// Markdown plugins, content library, this folder) and the installed packages, so a change to a
// rule or a library never reuses an old verdict. Entries of folders no longer read are dropped
// when the process ends.
const folderChecks = entryCache<Record<string, CheckedFile>>(
  'content-checks',
  () =>
    sourceVersion(new URL('..', import.meta.url), ['data', 'schemas', 'markdown', 'lib', 'node']),
  { pruneOnExit: true },
);
const CONTENT_FILE_ANY_CASE = /\.mdx?$/i;

/** Where a file's frontmatter comments and body are, for the editorial review. */
export interface Placed {
  /** The line the body starts on. */
  bodyLine: number;
  /** Comments after a field's value, with their field and line. */
  comments: { field: string; line: number; text: string }[];
  /** The line of every field. */
  lines: Record<string, number>;
}
export type LoadedReport = ReportInput & Placed;
export type LoadedSection = SectionInput & Placed;

/** Every report folder's files, parsed: what passed the schemas, and what did not. */
export interface LoadedContent {
  reports: LoadedReport[];
  sections: LoadedSection[];
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
export async function loadContent(
  reportsDir: string,
  cwd = process.cwd(),
  {
    parallelMin = PARALLEL_MIN,
    read: readBefore,
  }: {
    parallelMin?: number;
    /** Files' bytes already read (absolute path → bytes), by the build's input fingerprint. */
    read?: ReadonlyMap<string, Buffer>;
  } = {},
): Promise<LoadedContent> {
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
    issues.push(
      folderIssue(
        reportsDir,
        cwd,
        '（文件夹）',
        '文件夹不存在',
        '存放各报告文件夹的目录，例如 content/reports',
      ),
    );
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
  const read = readAhead(reportsDir, folders, cwd, readBefore);
  await checkAhead(read.unchecked, parallelMin, read.checked);
  for (const folder of folders) loadFolder(reportsDir, folder, cwd, loaded, read);
  // A folder with a file checked just now gets a new entry with all its files' results.
  for (const { key, files, cached } of read.folders.values()) {
    if (cached) continue;
    const entry = files.flatMap((file) => {
      const checked = read.checked.get(file);
      return checked ? [[file, checked] as const] : [];
    });
    folderChecks.set(key, Object.fromEntries(entry));
  }
  return loaded;
}

/** What the first pass read: each folder's entries and each content file's bytes. */
interface ReadAhead {
  entries: Map<string, Dirent[]>;
  bytes: Map<string, Buffer>;
  /** The files whose checks are not in the cache, in order. */
  unchecked: FileToCheck[];
  /** Each file's checks by its key (fileKey), from the cache or checked in this run. */
  checked: Map<string, CheckedFile>;
  /** Each folder's cache key, its files' keys, and whether its entry held all of them. */
  folders: Map<string, { key: string; files: string[]; cached: boolean }>;
}

/** One file's own checks to run: what checkFile takes, and the cache key of the result. */
export interface FileToCheck {
  bytes: Uint8Array;
  file: string;
  folder: string;
  isReport: boolean;
  key: string;
}

/**
 * Reads every folder's entries and content files once, and finds the files whose checks are not
 * cached, so that those can be checked side by side (checkAhead) before the folders are walked.
 * The walk then takes the bytes read here: the checks and the cache key see the same bytes.
 */
function readAhead(
  reportsDir: string,
  folders: readonly string[],
  cwd: string,
  readBefore: ReadonlyMap<string, Buffer> | undefined,
): ReadAhead {
  const read: ReadAhead = {
    entries: new Map(),
    bytes: new Map(),
    unchecked: [],
    checked: new Map(),
    folders: new Map(),
  };
  for (const folder of folders) {
    const dir = path.join(reportsDir, folder);
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    read.entries.set(dir, entries);
    // path.relative once a folder, not once a file: thousands of calls add up.
    const shownDir = path.relative(cwd, dir);
    const files: FileToCheck[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.') || !entry.isFile() || !CONTENT_FILE.test(entry.name)) continue;
      const absolute = path.join(dir, entry.name);
      // Synchronous on purpose: thousands of small files read one after another through
      // fs/promises spend most of their time in the thread pool's round trips (1.5 s against
      // 0.05 s for 3,900 files here).
      const bytes = readBefore?.get(absolute) ?? readFileSync(absolute);
      read.bytes.set(absolute, bytes);
      const file = path.join(shownDir, entry.name);
      files.push({
        bytes,
        file,
        folder,
        isReport: REPORT_FILES.includes(entry.name),
        key: fileKey(file, bytes),
      });
    }
    // Each file's key already holds its name and bytes: the folder's key is those keys in order.
    const key = createHash('sha256')
      .update(files.map((each) => each.key).join('\0'))
      .digest('base64url');
    const cached = folderChecks.get(key);
    let complete = cached !== undefined;
    for (const each of files) {
      // An entry is used only for the very files it was made from (each by its own key).
      const hit = cached && Object.hasOwn(cached, each.key) ? cached[each.key] : undefined;
      if (hit) read.checked.set(each.key, hit);
      else {
        read.unchecked.push(each);
        complete = false;
      }
    }
    read.folders.set(folder, { key, files: files.map((each) => each.key), cached: complete });
  }
  return read;
}

/**
 * Below this many files to check, starting a worker costs more than it saves: it loads the
 * checking code again (about a second of CPU), which 300 reports' 3,900 files do not repay.
 */
const PARALLEL_MIN = 8000;

/**
 * Checks `files` and caches the results: on a clean build of a few thousand reports that is
 * tens of thousands of files, shared between this thread and workers (one per further core).
 * A worker that fails leaves its files to this thread, which then fails as it would have.
 */
async function checkAhead(
  files: readonly FileToCheck[],
  minimum: number,
  checkedFiles: Map<string, CheckedFile>,
): Promise<void> {
  const workers = Math.min(availableParallelism() - 1, 3);
  if (files.length < minimum || workers < 1) return;
  const share = Math.ceil(files.length / (workers + 1));
  const shares = Array.from({ length: workers }, (_, index) =>
    files.slice(share * (index + 1), share * (index + 2)),
  ).filter((each) => each.length);
  const running = shares.map((jobs) => checkInWorker(jobs));
  for (const job of files.slice(0, share)) checkedFiles.set(job.key, checkJob(job));
  const results = await Promise.all(running);
  shares.forEach((jobs, index) => {
    const checked = results[index];
    jobs.forEach((job, at) => checkedFiles.set(job.key, checked?.[at] ?? checkJob(job)));
  });
}

/** One file's own checks, as a worker runs them (src/data/check-worker.ts). */
export function checkJob({ bytes, file, folder, isReport }: FileToCheck): CheckedFile {
  return checkFile(bytes, file, folder, isReport);
}

function checkInWorker(jobs: readonly FileToCheck[]): Promise<CheckedFile[] | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: jobs });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once('message', (checked: CheckedFile[]) => resolve(checked));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

function fileKey(file: string, bytes: Uint8Array): string {
  return createHash('sha256').update(file).update('\0').update(bytes).digest('base64url');
}

function loadFolder(
  reportsDir: string,
  folder: string,
  cwd: string,
  loaded: LoadedContent,
  read: ReadAhead,
) {
  const dir = path.join(reportsDir, folder);
  const shownDir = path.relative(cwd, dir);
  const shown = (name: string) => path.join(shownDir, name);
  const entries =
    read.entries.get(dir) ??
    readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
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
    loadFile(path.join(dir, name), file, folder, isReport, loaded, read);
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
  read: ReadAhead,
) {
  const bytes = read.bytes.get(absolute) ?? readFileSync(absolute);
  loaded.sources.set(file, bytes.toString('utf8'));
  // A file's own checks depend only on its name and bytes (and the checking code, which
  // versions the cache): an unchanged file is not parsed again on the next build.
  const key = fileKey(file, bytes);
  let checked = read.checked.get(key);
  if (!checked) {
    checked = checkFile(bytes, file, folder, isReport);
    read.checked.set(key, checked);
  }
  loaded.issues.push(...checked.issues);
  if (checked.failed) {
    if (isReport) loaded.failedReports.set(folder, file);
    else loaded.incomplete.add(folder);
  }
  if (checked.units) loaded.units.set(file, checked.units);
  // A field's line is wanted only for a message: found from the text when one asks for it.
  const source = loaded.sources.get(file)!;
  if (checked.report) loaded.reports.push({ ...checked.report, lines: fieldLines(source) });
  if (checked.section) loaded.sections.push({ ...checked.section, lines: fieldLines(source) });
}

/** What one file's own checks found: its entry if valid, and its problems. */
export interface CheckedFile {
  issues: ContentIssue[];
  failed: boolean;
  // Without the fields' lines, which loadFile finds in the text only if a message needs one:
  // they would cost a second YAML parse of every file, and a place in the cache.
  report?: Omit<LoadedReport, 'lines'>;
  section?: Omit<LoadedSection, 'lines'>;
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
  const read = readFrontmatter(decoded.text);
  if (read === undefined)
    return fail({
      line: 1,
      field: '（字段区）',
      found: '文件开头没有 --- 包围的字段区',
      expected: '文件第一行写 ---，接着每行一个“字段: 值”，再以一行 --- 结束，然后是正文',
    });
  if (!('yaml' in read)) return fail(read);
  const { issues: bodyIssues, facts: body, units } = readBody(file, read.body, 1);
  if (units) checked.units = units;
  checked.issues.push(...bodyIssues);
  const schema = isReport ? reportSchema : sectionSchema;
  const result = parseContent(schema, read.data);
  if (!result.success) {
    for (const issue of result.error.issues)
      checked.issues.push(
        ...fromSchemaIssue(file, read.data, issue, {
          lineOf: read.yaml.lineOf,
          knownKeys: (at) => schemaKeys(schema, at),
        }),
      );
    checked.failed = true;
    return checked;
  }
  const placed = {
    folder,
    file,
    bodyLine: read.bodyLine,
    comments: read.yaml.comments(),
    ...(body ? { body } : {}),
  };
  if (isReport) checked.report = { ...placed, data: result.data as ReportInput['data'] };
  else checked.section = { ...placed, data: result.data as SectionInput['data'] };
  return checked;
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
  const { issues, incomplete, failedReports } = loaded;
  // A published report's paragraph ids come from its edition record: links are checked
  // against those.
  const reports = withRecordedIds(loaded.reports, reportsDir);
  const sections = withRecordedIds(loaded.sections, reportsDir);
  const cross = checkContent(reports, sections, { incomplete, failedReports });
  const all = [...issues, ...cross];
  if (!all.length && !reports.length)
    all.push(
      folderIssue(
        reportsDir,
        cwd,
        '（报告）',
        '没有任何报告',
        '至少一个报告文件夹（如 2024-jiading-police/），其中有 report.md 和各章节文件',
      ),
    );
  return all;
}

/** A problem with the reports folder as a whole. */
function folderIssue(
  reportsDir: string,
  cwd: string,
  field: string,
  found: string,
  expected: string,
): ContentIssue {
  return { file: path.relative(cwd, reportsDir) || reportsDir, field, found, expected };
}

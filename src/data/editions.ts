import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lentBytes } from './content-bytes.ts';
import type { ContentIssue } from '../lib/content/errors.ts';
import { buildOutline, flattenOutline } from '../lib/content/outline.ts';
import { compareText, type CurrentText, type Difference } from '../lib/editions/compare.ts';
import { excerpt, shortenChange } from '../lib/editions/diff.ts';
import {
  allChanges,
  type ParagraphHistory,
  paragraphHistories,
  type RemovedParagraph,
} from '../lib/editions/record.ts';
import {
  isHeadUnit,
  PREAMBLE_KEY,
  SHOWN_REPORT_FIELDS,
  SHOWN_SECTION_FIELDS,
  shownFields,
} from '../lib/editions/shown.ts';
import { type EditionRecord, editionRecordSchema } from '../schemas/editions.ts';
import type { LoadedContent } from './report-folders.ts';
import { siteOptions } from './options.ts';

/**
 * Edition records (content/reports/<folder>/editions.json) as the checks, the pages and the
 * Markdown plugins read them. Only src/node/editions.ts writes them, through the commands
 * publish-report, correct and withdraw.
 */

export const EDITIONS_FILE = 'editions.json';

/** The field an edition record's own problems name (missing, unreadable). */
export const RECORD_FIELD = '（版本记录）';

type ReadRecord = { record?: EditionRecord; problem?: string };
const records = new Map<string, { stamp: string; read: ReadRecord }>();

/**
 * Set by a build (tools/build.ts) for itself and its threads: content stays as the build found it
 * until it ends, so a record once read is not looked at on disk again. Every rendered file asks
 * for its report's record, and a look costs a system call: half a second of a clean build's
 * content sync at 3,000 reports. Everything else (the live preview, the desk, tests) looks each
 * time, and sees an edit at once.
 */
export const RECORDS_FIXED_ENV = 'FZZF_RECORDS_FIXED';

/** The record in a report folder: none when the report was never published, or why it cannot be read. */
export function readRecord(folderPath: string): ReadRecord {
  const file = path.join(folderPath, EDITIONS_FILE);
  if (process.env[RECORDS_FIXED_ENV] === '1') {
    const known = records.get(file);
    if (known) return known.read;
  }
  const lent = lentBytes(file);
  if (lent) {
    const read = parseRecord(lent.toString('utf8'));
    records.set(file, { stamp: LENT_STAMP, read });
    return read;
  }
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    records.set(file, { stamp: '', read: {} });
    return {};
  }
  const known = records.get(file);
  if (known?.stamp === stamp) return known.read;
  const read = parseRecord(readFileSync(file, 'utf8'));
  records.set(file, { stamp, read });
  return read;
}

/** What a record read from lent bytes is stamped with: no file's stamp is ever equal to it. */
const LENT_STAMP = 'lent';

function parseRecord(text: string): ReadRecord {
  try {
    const result = editionRecordSchema.safeParse(JSON.parse(text));
    return result.success
      ? { record: result.data }
      : { problem: `内容不符合格式（${result.error.issues[0]?.path.join('.') || '整个文件'}）` };
  } catch {
    return { problem: '不是有效的 JSON' };
  }
}

/** The record of a report folder under the site's reports directory, for pages. */
export function reportRecord(folder: string): EditionRecord | undefined {
  return readRecord(path.resolve(siteOptions().paths.reportsDir, folder)).record;
}

/** A report's files as readers see them now, in reading order; undefined when a file failed. */
export function currentText(loaded: LoadedContent, folder: string): CurrentText | undefined {
  const { report, sections = [] } = byFolder(loaded).get(folder) ?? {};
  if (!report) return undefined;
  const ordered = flattenOutline(
    buildOutline(sections.map((section) => ({ data: section.data, entry: section }))),
  );
  const unitsOf = (file: string) => loaded.units.get(file) ?? [];
  return {
    fields: shownFields(report.data as unknown as Record<string, unknown>, SHOWN_REPORT_FIELDS),
    sections: [
      {
        id: PREAMBLE_KEY,
        file: path.basename(report.file),
        heading: {},
        units: unitsOf(report.file),
      },
      ...ordered.map(({ entry }) => ({
        id: entry.data.id,
        file: path.basename(entry.file),
        heading: shownFields(
          entry.data as unknown as Record<string, unknown>,
          SHOWN_SECTION_FIELDS,
        ),
        units: unitsOf(entry.file),
      })),
    ],
  };
}

// The content's files grouped by folder, once per load: every folder's text is compared, and
// searching all sections for each folder is quadratic in the number of reports.
const folderIndex = new WeakMap<
  LoadedContent,
  { counts: [number, number]; folders: Map<string, FolderFiles> }
>();
interface FolderFiles {
  report?: LoadedContent['reports'][number];
  sections?: LoadedContent['sections'];
}

function byFolder(loaded: LoadedContent): Map<string, FolderFiles> {
  const counts: [number, number] = [loaded.reports.length, loaded.sections.length];
  const known = folderIndex.get(loaded);
  if (known && known.counts[0] === counts[0] && known.counts[1] === counts[1]) return known.folders;
  const folders = new Map<string, FolderFiles>();
  const of = (folder: string) => {
    let files = folders.get(folder);
    if (!files) folders.set(folder, (files = {}));
    return files;
  };
  // The first report file of a folder, as a search in order would find it.
  for (const report of loaded.reports) of(report.folder).report ??= report;
  for (const section of loaded.sections) (of(section.folder).sections ??= []).push(section);
  folderIndex.set(loaded, { counts, folders });
  return folders;
}

/** The command that records a correction, as the messages print it. */
export const correctCommand = (folder: string) => `npm run correct -- ${folder} --note "更正说明"`;

/**
 * Problems with edition records: a published report without one, a draft with one, a record
 * that cannot be read, and published text changed without a recorded correction. Folders in
 * `skip` have other errors and are compared once those are fixed.
 */
export function editionIssues(
  loaded: LoadedContent,
  reportsDir: string,
  cwd: string,
  skip: ReadonlySet<string | undefined> = new Set(),
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const report of loaded.reports) {
    const { folder } = report;
    if (skip.has(folder)) continue;
    const folderPath = path.join(reportsDir, folder);
    const recordFile = path.relative(cwd, path.join(folderPath, EDITIONS_FILE));
    const { record, problem } = readRecord(folderPath);
    if (problem) {
      issues.push({
        file: recordFile,
        field: RECORD_FIELD,
        found: `无法读取：${problem}`,
        expected:
          'editions.json 由 npm run publish-report、npm run correct 和 npm run withdraw 写入，不能手工修改；请从备份或版本库恢复原文件',
      });
      continue;
    }
    if (report.data.draft) {
      if (record)
        issues.push({
          file: report.file,
          field: 'draft',
          found: 'true，但这份报告已经发布（文件夹中有版本记录 editions.json）',
          expected: `已发布的报告不能改回草稿：删去 draft: true。要更正，改好后运行 ${correctCommand(folder)}；要撤回，运行 npm run withdraw -- ${folder} --note "撤回原因"`,
        });
      continue;
    }
    if (!record) {
      issues.push({
        file: report.file,
        field: RECORD_FIELD,
        found: NO_RECORD,
        expected: `运行 npm run publish-report -- ${folder} 记录它的第一版；草稿请在 report.md 中写 draft: true`,
      });
      continue;
    }
    const current = currentText(loaded, folder);
    if (!current) continue;
    const { differences } = compareText(record.current, current, allChanges(record));
    for (const difference of differences)
      issues.push(changeIssue(difference, folder, path.relative(cwd, folderPath)));
  }
  return issues;
}

function changeIssue(difference: Difference, folder: string, folderShown: string): ContentIssue {
  const { before, after } = difference;
  const found = (() => {
    if (difference.kind === 'section')
      return before === undefined
        ? '已发布的报告中新增了这一节'
        : `已发布的报告中删去了这一节（${difference.where}）`;
    if (difference.kind === 'order') return '已发布的报告中章节的顺序变了';
    if (before !== undefined && after !== undefined) {
      const short = shortenChange(before, after);
      return `已发布的${difference.kind === 'unit' ? '文字' : '内容'}有改动：“${short.before}” → “${short.after}”`;
    }
    if (after !== undefined)
      return difference.kind === 'unit'
        ? `已发布的报告中新增了一段：“${excerpt(after)}”`
        : `已发布的报告中新增了内容：“${excerpt(after)}”`;
    return difference.kind === 'unit'
      ? `已发布的报告中删去了一段（原 ${difference.where}）：“${excerpt(before ?? '')}”`
      : `已发布的内容被删去：“${excerpt(before ?? '')}”`;
  })();
  const field =
    difference.kind === 'unit'
      ? isHeadUnit(difference.where)
        ? '（正文开头）'
        : `（正文 ${difference.where}）`
      : difference.kind === 'section' || difference.kind === 'order'
        ? '（章节）'
        : difference.where;
  return {
    file: path.join(folderShown, difference.file),
    ...(difference.bodyLine ? { line: difference.bodyLine } : {}),
    field,
    found,
    expected: `${CHANGE_EXPECTED}运行 ${correctCommand(folder)}（日期默认今天，可加 --date YYYY-MM-DD）；不是有意改动的，请改回原文`,
  };
}

const CHANGE_EXPECTED = '已发布的报告改动后须记录更正：';
const NO_RECORD = '正式报告没有版本记录（editions.json）';

/**
 * Whether an issue asks for a step of publishing rather than a fix: a change to published text
 * not yet recorded, or a finished report not yet published. npm run dev previews both (a
 * publisher reads a correction or a new report before recording it); check:content and the
 * build stop.
 */
export function isUnrecordedChange(issue: { expected: string; found: string }): boolean {
  return issue.expected.startsWith(CHANGE_EXPECTED) || issue.found === NO_RECORD;
}

/** What the Markdown plugins need to know about one content file's paragraphs. */
export interface ParagraphPlan {
  /** The stable id of each paragraph, in order. */
  ids: string[];
  changed: Map<string, ParagraphHistory>;
  /** Paragraphs removed from this section, with the paragraph each followed. */
  removed: RemovedParagraph[];
}

const histories = new WeakMap<EditionRecord, ReturnType<typeof paragraphHistories>>();

/**
 * The paragraph ids and histories of a content file, from its report's edition record;
 * undefined for a draft or a file the record does not know (ids then come from position).
 */
export function paragraphPlan(file: string | URL | undefined): ParagraphPlan | undefined {
  if (!file) return undefined;
  const absolute = file instanceof URL || file.startsWith('file:') ? fileURLToPath(file) : file;
  const { record } = readRecord(path.dirname(absolute));
  if (!record) return undefined;
  const name = path.basename(absolute);
  const section = record.current.sections.find((each) => each.file === name);
  if (!section) return undefined;
  let known = histories.get(record);
  if (!known) histories.set(record, (known = paragraphHistories(record)));
  return {
    ids: section.units.map(([id]) => id).filter((id) => !isHeadUnit(id)),
    changed: known.changed,
    removed: [...known.removed.values()].filter((each) => each.section === section.id),
  };
}

/**
 * Gives the inputs of published reports their recorded paragraph ids (and the ids of removed
 * paragraphs, which stay anchors on the page), so links to them are checked against the ids the
 * page will have, not against positions.
 */
export function withRecordedIds<
  T extends { folder: string; file: string; paragraphIds?: readonly string[] },
>(inputs: readonly T[], reportsDir: string): T[] {
  return inputs.map((input) => {
    const { record } = readRecord(path.join(reportsDir, input.folder));
    if (!record) return input;
    const name = path.basename(input.file);
    const section = record.current.sections.find((each) => each.file === name);
    if (!section) return input;
    let known = histories.get(record);
    if (!known) histories.set(record, (known = paragraphHistories(record)));
    const removed = [...known.removed.values()].filter((each) => each.section === section.id);
    return {
      ...input,
      paragraphIds: [
        ...section.units.map(([id]) => id).filter((id) => !isHeadUnit(id)),
        ...removed.map((each) => each.id),
      ],
    };
  });
}

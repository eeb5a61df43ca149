import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  folderOfIssue,
  type LoadedContent,
  loadContent,
  validateFiles,
} from '../data/report-folders.ts';
import { type ContentProblem, review } from '../data/content-check.ts';
import { currentText, EDITIONS_FILE, readRecord } from '../data/editions.ts';
import { formatReviewLine } from '../lib/content/review.ts';
import { formatChineseDate } from '../lib/content/dates.ts';
import { compareText } from '../lib/editions/compare.ts';
import { allChanges, latestEdition, lastEventDate, withdrawalOf } from '../lib/editions/record.ts';
import type { EditionRecord } from '../schemas/editions.ts';
import { isoDateInChina } from '../lib/editions/citation.ts';
import { replaceFileSync } from './new-file.ts';

/**
 * The logic of `npm run publish-report`, `npm run correct` and `npm run withdraw`, importable by
 * any tool that publishes: each function checks what it is asked, refuses in Chinese with an
 * EditionCommandError, and otherwise writes the report's edition record (and, when publishing,
 * report.md's draft and published lines).
 */

export class EditionCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditionCommandError';
  }
}

export interface CommandOptions {
  reportsDir: string;
  cwd?: string;
  /** YYYY-MM-DD; defaults to today in China. */
  date?: string | undefined;
  /** Today's date, for tests; defaults to the date in China now. */
  today?: string;
}

/** Today's date in China (UTC+8), as YYYY-MM-DD. */
export const todayInChina = isoDateInChina;

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function checkDate(date: string, today: string, after?: { date: string; what: string }) {
  if (!isIsoDate(date))
    throw new EditionCommandError(
      `日期“${date}”不对：请写成 YYYY-MM-DD 格式的真实日期，例如 --date 2024-04-10。`,
    );
  if (date > today)
    throw new EditionCommandError(
      `日期 ${date} 晚于今天（${today}）：只能记录已经发生的事，请写实际的日期。`,
    );
  if (after && date < after.date)
    throw new EditionCommandError(
      `日期 ${date} 早于${after.what}（${after.date}）：版本按时间先后记录，日期不能早于上一次记录。`,
    );
}

function folderPath(options: CommandOptions, folder: string): string {
  if (!folder || folder.includes('/') || folder.includes('\\') || folder.startsWith('.'))
    throw new EditionCommandError(
      `报告标识“${folder}”不对：请写报告文件夹名，例如 2024-jiading-police。`,
    );
  const dir = path.join(options.reportsDir, folder);
  if (!existsSync(path.join(dir, 'report.md')) && !existsSync(path.join(dir, 'report.mdx')))
    throw new EditionCommandError(
      `没有这份报告：${path.relative(options.cwd ?? process.cwd(), options.reportsDir) || options.reportsDir} 下没有文件夹 ${folder}（或其中没有 report.md）。报告标识就是报告文件夹名，例如 2024-jiading-police。`,
    );
  return dir;
}

function writeRecord(dir: string, record: EditionRecord) {
  const file = path.join(dir, EDITIONS_FILE);
  // Written whole, then renamed over the old file, so a record is never half written.
  replaceFileSync(file, `${JSON.stringify(record, null, 1)}\n`);
}

/**
 * What stops a report from being published or corrected: its files' errors, and placeholders
 * counted as in a finished report even while it is still a draft.
 */
function publishingIssues(
  loaded: LoadedContent,
  folder: string,
  reportsDir: string,
  cwd: string,
): (ContentProblem & { line: number })[] {
  const asPublished: LoadedContent = {
    ...loaded,
    reports: loaded.reports.map((report) =>
      report.folder === folder ? { ...report, data: { ...report.data, draft: false } } : report,
    ),
  };
  const lines = new Map(
    [...loaded.reports, ...loaded.sections].map((each) => [each.file, each.lines]),
  );
  return [
    ...validateFiles(loaded, reportsDir, cwd).map((issue): ContentProblem => ({
      ...issue,
      severity: 'error',
    })),
    ...review(asPublished),
  ]
    .filter(
      (issue) => issue.severity === 'error' && folderOfIssue(issue, reportsDir, cwd) === folder,
    )
    .map((issue) => ({ ...issue, line: issue.line ?? lines.get(issue.file)?.[issue.field] ?? 1 }));
}

/** What keeps published reports from getting a first edition: their errors and placeholders. */
function publishedReportErrors(loaded: LoadedContent, reportsDir: string, cwd: string) {
  return [
    ...validateFiles(loaded, reportsDir, cwd),
    ...review(loaded).filter((issue) => issue.severity === 'error'),
  ];
}

function refuseProblems(
  problems: {
    file: string;
    line: number;
    field: string;
    found: string;
    expected: string;
    severity: 'error' | 'warning';
  }[],
  what: string,
) {
  if (!problems.length) return;
  throw new EditionCommandError(
    `${what}：报告还有 ${problems.length} 处问题，请先改好（也可运行 npm run check:content 查看）：\n${problems.map(formatReviewLine).join('\n')}`,
  );
}

function reportOf(loaded: LoadedContent, folder: string) {
  return loaded.reports.find((report) => report.folder === folder);
}

const PUBLISH_NOTE = '首次发布';

/** The first edition's record from the files as they are. */
function firstEdition(loaded: LoadedContent, folder: string, date: string): EditionRecord {
  const current = currentText(loaded, folder)!;
  const { text } = compareText({ fields: {}, sections: [] }, current);
  return {
    version: 1,
    events: [{ kind: 'publish', edition: 1, date, note: PUBLISH_NOTE }],
    current: text,
  };
}

/**
 * Turns a checked draft into a published report (removes `draft: true`, writes `published`
 * when --date gives it) and records its first edition. Returns the publication date.
 */
export async function publishReport(
  folder: string,
  options: CommandOptions,
): Promise<{ date: string; wasDraft: boolean }> {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? todayInChina();
  const dir = folderPath(options, folder);
  const existing = readRecord(dir);
  if (existing.record)
    throw new EditionCommandError(
      `${folder} 已经发布（第一版 ${existing.record.events[0]!.date}）。要更正，改好文件后运行 npm run correct -- ${folder} --note "更正说明"。`,
    );
  if (existing.problem)
    throw new EditionCommandError(
      `${folder} 的版本记录 editions.json 无法读取（${existing.problem}）：请从备份或版本库恢复。`,
    );
  let loaded = await loadContent(options.reportsDir, cwd);
  let report = reportOf(loaded, folder);
  refuseProblems(publishingIssues(loaded, folder, options.reportsDir, cwd), `${folder} 还不能发布`);
  if (!report)
    throw new EditionCommandError(
      `${folder} 的 report.md 无法读取，请运行 npm run check:content 查看。`,
    );
  const written = report.data.published;
  if (options.date !== undefined) checkDate(options.date, today);
  if (written && options.date && written !== options.date)
    throw new EditionCommandError(
      `report.md 中的发布日期（published）是 ${written}，与 --date ${options.date} 不一致：发布日期按原文，请改 report.md 或去掉 --date。`,
    );
  const date = written ?? options.date;
  if (!date)
    throw new EditionCommandError(
      `report.md 中没有发布日期（published）：请按原文在 report.md 中写 published: YYYY-MM-DD，或加 --date YYYY-MM-DD。`,
    );
  checkDate(date, today);
  const wasDraft = report.data.draft;
  if (wasDraft || !written) {
    const file = path.resolve(cwd, report.file);
    replaceFileSync(file, withPublished(readFileSync(file, 'utf8'), written ? undefined : date));
    loaded = await loadContent(options.reportsDir, cwd);
    report = reportOf(loaded, folder);
    const left = validateFiles(loaded, options.reportsDir, cwd).filter((issue) =>
      issue.file.startsWith(path.relative(cwd, dir)),
    );
    if (!report || left.length)
      throw new EditionCommandError(
        `${folder} 的 report.md 改写后没有通过检查，请运行 npm run check:content 查看。`,
      );
  }
  writeRecord(dir, firstEdition(loaded, folder, date));
  return { date, wasDraft };
}

/** report.md's frontmatter without `draft: true`, and with `published` when given. */
export function withPublished(source: string, published?: string): string {
  const end = source.indexOf('\n---', 3);
  let head = source.slice(0, end);
  const rest = source.slice(end);
  head = head.replace(/\n[ \t]*draft:[ \t]*true[ \t]*(#[^\n]*)?(?=\n|$)/, '');
  if (published) {
    if (/\npublished:/.test(head))
      head = head.replace(/\npublished:[^\n]*/, `\npublished: ${published}`);
    else if (/\nyear:[^\n]*/.test(head))
      head = head.replace(/(\nyear:[^\n]*)/, `$1\npublished: ${published}`);
    else head = `${head}\npublished: ${published}`;
  }
  return head + rest;
}

/**
 * Records a first edition for every published report that has none (existing sites, generated
 * corpora), dated by its `published`. Returns the folders recorded and those refused, with why.
 */
export async function publishAll(
  options: CommandOptions,
): Promise<{ recorded: string[]; refused: { folder: string; reason: string }[] }> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadContent(options.reportsDir, cwd);
  const recorded: string[] = [];
  const refused: { folder: string; reason: string }[] = [];
  const failing = new Map<string, number>();
  for (const issue of publishedReportErrors(loaded, options.reportsDir, cwd)) {
    const folder = folderOfIssue(issue, options.reportsDir, cwd)!;
    failing.set(folder, (failing.get(folder) ?? 0) + 1);
  }
  for (const report of loaded.reports) {
    if (report.data.draft) continue;
    const dir = path.join(options.reportsDir, report.folder);
    const { record, problem } = readRecord(dir);
    if (record) continue;
    if (problem) {
      refused.push({ folder: report.folder, reason: `版本记录无法读取（${problem}）` });
      continue;
    }
    if (failing.has(report.folder)) {
      refused.push({
        folder: report.folder,
        reason: `有 ${failing.get(report.folder)} 处内容问题（运行 npm run check:content 查看）`,
      });
      continue;
    }
    if (!report.data.published) {
      refused.push({ folder: report.folder, reason: 'report.md 中没有发布日期（published）' });
      continue;
    }
    writeRecord(dir, firstEdition(loaded, report.folder, report.data.published));
    recorded.push(report.folder);
  }
  return { recorded, refused };
}

function publishedRecord(
  dir: string,
  folder: string,
  loaded: LoadedContent,
  doing: string,
): EditionRecord {
  const report = reportOf(loaded, folder);
  const { record, problem } = readRecord(dir);
  if (problem)
    throw new EditionCommandError(
      `${folder} 的版本记录 editions.json 无法读取（${problem}）：请从备份或版本库恢复。`,
    );
  if (report?.data.draft && !record)
    throw new EditionCommandError(
      `${folder} 是草稿（draft: true），还没有发布，不能${doing}：草稿可以直接修改；定稿后运行 npm run publish-report -- ${folder} 发布。`,
    );
  if (!record)
    throw new EditionCommandError(
      `${folder} 还没有版本记录，不能${doing}：先运行 npm run publish-report -- ${folder} 记录第一版。`,
    );
  const withdrawn = withdrawalOf(record);
  if (withdrawn)
    throw new EditionCommandError(
      `${folder} 已于 ${formatChineseDate(withdrawn.date)}撤回，不能再${doing}。`,
    );
  return record;
}

function requireNote(note: string | undefined, what: string): string {
  const text = note?.trim();
  if (!text)
    throw new EditionCommandError(`请用 --note "${what}" 写明${what}：读者会在修订记录中看到它。`);
  if (text.length > 200)
    throw new EditionCommandError(`${what}太长（${text.length} 字）：请控制在 200 字以内。`);
  return text;
}

/** Records a correction: what changed since the latest edition, with its date and note. */
export async function correctReport(
  folder: string,
  note: string | undefined,
  options: CommandOptions,
): Promise<{ edition: number; date: string; changed: number }> {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? todayInChina();
  const dir = folderPath(options, folder);
  const loaded = await loadContent(options.reportsDir, cwd);
  const record = publishedRecord(dir, folder, loaded, '更正');
  if (reportOf(loaded, folder)?.data.draft)
    throw new EditionCommandError(
      `${folder} 已发布，report.md 中却写了 draft: true：请删去这一行再更正。`,
    );
  const text = requireNote(note, '更正说明');
  const date = options.date ?? today;
  const latest = latestEdition(record);
  checkDate(date, today, {
    date: lastEventDate(record),
    what: `上一版（第 ${latest.edition} 版）的日期`,
  });
  refuseProblems(
    publishingIssues(loaded, folder, options.reportsDir, cwd),
    `${folder} 还不能记录更正`,
  );
  const current = currentText(loaded, folder);
  if (!current)
    throw new EditionCommandError(`${folder} 的文件无法读取，请运行 npm run check:content 查看。`);
  const comparison = compareText(record.current, current, allChanges(record));
  if (!comparison.changes.length)
    throw new EditionCommandError(
      `${folder} 与第 ${latest.edition} 版相比没有读者看得到的改动：先修改报告文件，再运行本命令。`,
    );
  const edition = latest.edition + 1;
  writeRecord(dir, {
    ...record,
    events: [
      ...record.events,
      { kind: 'correct', edition, date, note: text, changes: comparison.changes },
    ],
    current: comparison.text,
  });
  return { edition, date, changed: comparison.differences.length };
}

/** Withdraws a published report: its pages stay, as a notice with the last edition below. */
export async function withdrawReport(
  folder: string,
  note: string | undefined,
  options: CommandOptions,
): Promise<{ date: string }> {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? todayInChina();
  const dir = folderPath(options, folder);
  const loaded = await loadContent(options.reportsDir, cwd);
  const record = publishedRecord(dir, folder, loaded, '撤回');
  const text = requireNote(note, '撤回原因');
  const date = options.date ?? today;
  checkDate(date, today, { date: lastEventDate(record), what: '上一次记录的日期' });
  const current = currentText(loaded, folder);
  if (current && compareText(record.current, current, allChanges(record)).changes.length)
    throw new EditionCommandError(
      `${folder} 有尚未记录的改动：先运行 npm run correct -- ${folder} --note "更正说明" 记录更正，或把文件改回原文，再撤回。`,
    );
  writeRecord(dir, {
    ...record,
    events: [...record.events, { kind: 'withdraw', date, note: text }],
  });
  return { date };
}

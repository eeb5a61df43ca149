import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentIssue } from '../lib/content/errors.ts';
import { fieldLine } from '../lib/content/locate.ts';
import { type ReviewIssue, reviewContent } from '../lib/content/review.ts';
import { loadContent, splitFrontmatter, validateReports } from './content-files.ts';

/** A problem with the line it is on, for `文件:行` messages. */
export type LocatedIssue = ReviewIssue & { line: number };

/**
 * Everything `npm run check:content` reports, in one pass: validation (schemas, bodies, checks
 * across files) as errors, then the editorial review (placeholders, statutory items, publication
 * date, empty sections), each with the line it points at.
 */
export async function reviewReports(
  reportsDir: string,
  cwd = process.cwd(),
): Promise<LocatedIssue[]> {
  const validation = await validateReports(reportsDir, cwd);
  const { issues: review, sources } = await reviewFiles(reportsDir, cwd, () => true);
  const read = async (file: string) =>
    sources.get(file) ?? (await readFile(path.resolve(cwd, file), 'utf8').catch(() => ''));
  const located: LocatedIssue[] = [];
  for (const issue of [
    ...validation.map((each): ReviewIssue => ({ ...each, severity: 'error' })),
    ...review,
  ])
    // The checks know the line of what they found (a body problem, a field); only issues without
    // one are placed by their field.
    located.push({ ...issue, line: issue.line ?? fieldLine(await read(issue.file), issue.field) });
  return located;
}

/**
 * The errors a normal build adds to validation: placeholders in a report that is not a draft.
 * (Drafts are left out of a normal build, so theirs do not stop it.)
 */
export async function publishingErrors(
  reportsDir: string,
  cwd = process.cwd(),
): Promise<ContentIssue[]> {
  const { issues } = await reviewFiles(reportsDir, cwd, (report) => !report.data.draft);
  return issues
    .filter((issue) => issue.severity === 'error')
    .map(({ severity: _severity, ...issue }) => issue);
}

/** Reviews the valid reports `include` accepts; body lines are counted in the whole file. */
async function reviewFiles(
  reportsDir: string,
  cwd: string,
  include: (report: { data: { draft: boolean } }) => boolean,
): Promise<{ issues: ReviewIssue[]; sources: Map<string, string> }> {
  const { reports, sections, sources: read } = await loadContent(reportsDir, cwd);
  const folders = new Set(reports.filter(include).map((report) => report.folder));
  const sources = new Map<string, string>();
  const offsets = new Map<string, number>();
  const withBody = <T extends { file: string }>(item: T) => {
    const source = read.get(item.file) ?? '';
    sources.set(item.file, source);
    const parts = splitFrontmatter(source);
    // Two --- lines around the frontmatter.
    offsets.set(item.file, parts ? parts.frontmatter.split('\n').length + 2 : 0);
    return { ...item, body: parts?.body ?? '', frontmatter: parts?.frontmatter ?? '' };
  };
  const issues = reviewContent(
    reports.filter((each) => folders.has(each.folder)).map(withBody),
    sections.filter((each) => folders.has(each.folder)).map(withBody),
  ).map((issue) => {
    const body = /^（正文第 (\d+) 行）$/.exec(issue.field);
    return body
      ? { ...issue, field: `（正文第 ${Number(body[1]) + (offsets.get(issue.file) ?? 0)} 行）` }
      : issue;
  });
  return { issues, sources };
}

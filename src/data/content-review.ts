import type { ContentIssue } from '../lib/content/errors.ts';
import { fieldLine } from '../lib/content/locate.ts';
import { type ReviewIssue, reviewContent } from '../lib/content/review.ts';
import {
  type LoadedContent,
  loadContent,
  folderOfIssue,
  splitFrontmatter,
  validateContent,
  validateFiles,
} from './content-files.ts';

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
  const loaded = await loadContent(reportsDir, cwd);
  const validation = validateContent(loaded, reportsDir, cwd);
  const review = reviewLoaded(loaded, () => true);
  // The checks know the line of what they found (a body problem, a field); only issues without
  // one are placed by their field.
  return [
    ...validation.map((each): ReviewIssue => ({ ...each, severity: 'error' })),
    ...review,
  ].map((issue) => ({
    ...issue,
    line: issue.line ?? fieldLine(loaded.sources.get(issue.file) ?? '', issue.field),
  }));
}

/**
 * What stops a normal build: validation, then placeholders in a report that is not a draft
 * (drafts are left out of a normal build, so theirs do not stop it). The files are read once.
 */
export async function buildErrors(
  reportsDir: string,
  cwd = process.cwd(),
): Promise<ContentIssue[]> {
  const loaded = await loadContent(reportsDir, cwd);
  return [
    ...validateContent(loaded, reportsDir, cwd),
    ...reviewLoaded(loaded, (report) => !report.data.draft)
      .filter((issue) => issue.severity === 'error')
      .map(({ severity: _severity, ...issue }) => issue),
  ];
}

/**
 * What stops a report from being published (npm run publish-report) or corrected: its files'
 * errors, and placeholders counted as in a finished report even while it is still a draft.
 */
export function publishingIssues(
  loaded: LoadedContent,
  folder: string,
  reportsDir: string,
  cwd = process.cwd(),
): LocatedIssue[] {
  const asPublished: LoadedContent = {
    ...loaded,
    reports: loaded.reports.map((report) =>
      report.folder === folder ? { ...report, data: { ...report.data, draft: false } } : report,
    ),
  };
  return [
    ...validateFiles(loaded, reportsDir, cwd)
      .filter((issue) => folderOfIssue(issue, reportsDir, cwd) === folder)
      .map((each): ReviewIssue => ({ ...each, severity: 'error' })),
    ...reviewLoaded(asPublished, () => true),
  ]
    .filter(
      (issue) => issue.severity === 'error' && folderOfIssue(issue, reportsDir, cwd) === folder,
    )
    .map((issue) => ({
      ...issue,
      line: issue.line ?? fieldLine(loaded.sources.get(issue.file) ?? '', issue.field),
    }));
}

/** What keeps published reports from getting a first edition: their errors and placeholders. */
export function publishedReportErrors(
  loaded: LoadedContent,
  reportsDir: string,
  cwd = process.cwd(),
): ContentIssue[] {
  return [
    ...validateFiles(loaded, reportsDir, cwd),
    ...reviewLoaded(loaded, (report) => !report.data.draft).filter(
      (issue) => issue.severity === 'error',
    ),
  ];
}

/** Reviews the valid reports `include` accepts; body lines are counted in the whole file. */
function reviewLoaded(
  { reports, sections, sources }: LoadedContent,
  include: (report: { data: { draft: boolean } }) => boolean,
): ReviewIssue[] {
  const folders = new Set(reports.filter(include).map((report) => report.folder));
  const offsets = new Map<string, number>();
  const withBody = <T extends { file: string }>(item: T) => {
    const parts = splitFrontmatter(sources.get(item.file) ?? '');
    // Two --- lines around the frontmatter.
    offsets.set(item.file, parts ? parts.frontmatter.split('\n').length + 2 : 0);
    return { ...item, body: parts?.body ?? '', frontmatter: parts?.frontmatter ?? '' };
  };
  return reviewContent(
    reports.filter((each) => folders.has(each.folder)).map(withBody),
    sections.filter((each) => folders.has(each.folder)).map(withBody),
  ).map((issue) => {
    const body = /^（正文第 (\d+) 行）$/.exec(issue.field);
    return body
      ? { ...issue, field: `（正文第 ${Number(body[1]) + (offsets.get(issue.file) ?? 0)} 行）` }
      : issue;
  });
}

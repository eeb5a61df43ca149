import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ContentIssue } from '../lib/content/errors.ts';
import { reviewContent } from '../lib/content/review.ts';
import type { SiteConfig } from '../schemas/site.ts';
import type { SynonymGroups } from '../schemas/synonyms.ts';
import type { ContentPaths } from './paths.ts';
import { type LoadedContent, loadContent, validateContent } from './report-folders.ts';
import { readSiteConfig } from './site.ts';
import { readSynonyms } from './synonyms.ts';
import { RECORD_FIELD } from './editions.ts';
import { readIndicators } from './indicators.ts';
import { checkFigures } from '../lib/figures/check.ts';

/**
 * The one door for content problems. It knows every content file the site is made from (the
 * report folders, the synonym list, the site identity, the indicators), reads each once, and returns every
 * problem as data: file, line, field, found, expected, severity. `npm run build`,
 * `npm run check:content` and `npm run dev` only format this result, so they always agree.
 * A new check is a function that returns ContentIssues, called from here.
 */

/** A content problem: an error stops the build, a warning is for the publisher to look at. */
export interface ContentProblem extends ContentIssue {
  severity: 'error' | 'warning';
}

export interface ContentCheck {
  /** Every problem, errors and warnings, in the order the checks found them. */
  problems: ContentProblem[];
  /** The reports as read, for tools that go on to use them (npm run new). */
  content: LoadedContent;
  synonyms: SynonymGroups;
  site: SiteConfig;
}

/**
 * Checks all content: each file on its own (encoding, frontmatter, schema, body), the checks
 * across files, the editorial review (placeholders are errors in a finished report, warnings in
 * a draft; statutory items, the deadline and empty sections are warnings), the synonym list and
 * site.yml. Paths shown in messages are relative to `cwd`.
 */
export async function checkContentFiles(
  paths: ContentPaths,
  cwd = process.cwd(),
  /** Report files already read (absolute path → bytes): the build's fingerprint read them. */
  read?: ReadonlyMap<string, Buffer>,
  {
    parallel = true,
    warnings = true,
  }: {
    /**
     * Whether a large check may take further cores (worker threads); not when it runs beside a
     * build that needs them (src/node/background-check.ts).
     */
    parallel?: boolean;
    /**
     * Whether warnings are returned: a build only wants what stops it, and placing a warning
     * (finding its field's line) reads that file's YAML again.
     */
    warnings?: boolean;
  } = {},
): Promise<ContentCheck> {
  const reportsDir = path.resolve(cwd, paths.reportsDir);
  const content = await loadContent(reportsDir, cwd, {
    ...(read ? { read } : {}),
    ...(parallel ? {} : { parallelMin: Infinity }),
  });
  const synonyms = await readSynonyms(path.resolve(cwd, paths.synonymsFile), cwd);
  const site = readSiteConfig(path.resolve(cwd, paths.siteFile), cwd);
  const indicators = readIndicators(path.resolve(cwd, paths.indicatorsFile), cwd);
  const errors = (issues: readonly ContentIssue[]) =>
    issues.map((issue): ContentProblem => ({ ...issue, severity: 'error' }));
  const problems = [
    ...errors(validateContent(content, reportsDir, cwd)),
    ...review(content),
    ...errors(synonyms.issues),
    ...errors(site.issues),
    ...errors(indicators.issues),
    // A broken indicators file is reported above; the figures' indicators are not judged by it.
    ...errors(
      checkFigures(
        content.reports,
        content.sections,
        indicators.issues.length ? undefined : indicators.list,
      ),
    ),
  ];
  return {
    problems: placed(warnings ? problems : errorsOf(problems), content),
    content,
    synonyms: synonyms.groups,
    site: site.config,
  };
}

/**
 * The door for a report folder not yet written (the importer's): `files` (name → text) are
 * checked exactly as the build will check them once written as `folder` under `outDir`, and the
 * problems name them there.
 */
export async function checkReportFolder(
  outDir: string,
  folder: string,
  files: ReadonlyMap<string, string>,
): Promise<ContentProblem[]> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'fzzf-check-'));
  try {
    mkdirSync(path.join(scratch, folder));
    for (const [name, text] of files) writeFileSync(path.join(scratch, folder, name), text);
    const none = path.join(scratch, 'none.yml');
    const { problems } = await checkContentFiles(
      { reportsDir: '.', synonymsFile: none, siteFile: none, indicatorsFile: none },
      scratch,
    );
    // A folder not yet written has no edition record: it gets one when it is published.
    return problems
      .filter((problem) => problem.field !== RECORD_FIELD)
      .map((problem) => ({
        ...problem,
        file: `${outDir}/${problem.file.split(path.sep).join('/')}`,
      }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Only the problems that stop a build. */
export function errorsOf<T extends ContentProblem>(problems: readonly T[]): T[] {
  return problems.filter((problem) => problem.severity === 'error');
}

/** The review of every valid report, its body as read from the file (lines those of the file). */
export function review({ reports, sections, sources }: LoadedContent): ContentProblem[] {
  const withBody = <T extends { file: string; bodyLine: number }>(item: T) => ({
    ...item,
    body: (sources.get(item.file) ?? '')
      .split('\n')
      .slice(item.bodyLine - 1)
      .join('\n'),
  });
  return reviewContent(reports.map(withBody), sections.map(withBody));
}

/** A problem a check left without a line gets the line of its field, when the field is written. */
function placed(problems: ContentProblem[], { reports, sections }: LoadedContent) {
  const lines = new Map([...reports, ...sections].map((each) => [each.file, each.lines]));
  return problems.map((problem) => {
    if (problem.line) return problem;
    const line = lines.get(problem.file)?.[problem.field];
    return line ? { ...problem, line } : problem;
  });
}

import { type CollectionEntry, getCollection } from 'astro:content';
import { checkContent } from '../lib/content/checks.ts';
import { ContentError } from '../lib/content/errors.ts';
import { buildOutline, type OutlineSection } from '../lib/content/outline.ts';
import { REPORTS_DIR, SYNONYMS_FILE } from './paths.ts';
import type { SynonymGroups } from '../schemas/synonyms.ts';
import { readSynonyms } from './content-files.ts';
import type { ReportData } from '../schemas/report.ts';
import { publishedReports } from './drafts.ts';
import { reportRecord } from './editions.ts';
import type { EditionRecord } from '../schemas/editions.ts';
import { withdrawalOf } from '../lib/editions/record.ts';

export type SectionEntry = CollectionEntry<'sections'>;

export interface Report {
  /** Folder under content/reports/, the report's stable identity and URL segment. */
  folder: string;
  data: ReportData;
  entry: CollectionEntry<'reports'>;
  outline: OutlineSection<SectionEntry>[];
  /** Its edition record; absent only from a draft. */
  record?: EditionRecord | undefined;
}

const folderOf = (id: string) => id.split('/')[0]!;
const fileOf = (entry: { filePath?: string | undefined; id: string }) =>
  entry.filePath ?? `${REPORTS_DIR}/${entry.id}.md`;

let loaded: Promise<Report[]> | undefined;

/**
 * All reports, newest first, with their sections in order. Runs the cross-file checks once per
 * build and throws a ContentError naming every problem, which stops the build.
 */
export function loadReports(): Promise<Report[]> {
  loaded ??= (async () => {
    const [reportEntries, sectionEntries] = await Promise.all([
      getCollection('reports'),
      getCollection('sections'),
    ]);
    const issues = checkContent(
      reportEntries.map((entry) => ({
        folder: folderOf(entry.id),
        file: fileOf(entry),
        data: entry.data,
      })),
      sectionEntries.map((entry) => ({
        folder: folderOf(entry.id),
        file: fileOf(entry),
        data: entry.data,
      })),
    );
    if (issues.length) throw new ContentError(issues);

    // Grouped in one pass: filtering every section for every report grows with the square of
    // the number of reports (a million comparisons at 300).
    const sectionsByFolder = Map.groupBy(sectionEntries, (section) => folderOf(section.id));
    // Drafts are checked like any report, then left out unless this build shows them.
    return publishedReports(reportEntries)
      .map((entry) => {
        const folder = folderOf(entry.id);
        const sections = (sectionsByFolder.get(folder) ?? []).map((section) => ({
          data: section.data,
          entry: section,
        }));
        return {
          folder,
          data: entry.data,
          entry,
          outline: buildOutline(sections),
          record: reportRecord(folder),
        };
      })
      .sort(
        (a, b) =>
          b.data.year - a.data.year ||
          (b.data.published ?? '').localeCompare(a.data.published ?? '') ||
          a.folder.localeCompare(b.folder),
      );
  })();
  return loaded;
}

/** Whether a report was withdrawn: its pages stay, as a notice, out of listings, search and sitemap. */
export function isWithdrawn(report: Report): boolean {
  return Boolean(report.record && withdrawalOf(report.record));
}

/** The reports listings, the sitemap and the search show: every report but the withdrawn. */
export async function listedReports(): Promise<Report[]> {
  return (await loadReports()).filter((report) => !isWithdrawn(report));
}

/** The search's synonym groups, validated before the build; the search page sends them to the browser. */
export async function loadSynonyms(): Promise<SynonymGroups> {
  return (await readSynonyms(SYNONYMS_FILE)).groups;
}

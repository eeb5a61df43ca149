import { type CollectionEntry, getCollection } from 'astro:content';
import { buildOutline, type OutlineSection } from '../lib/content/outline.ts';
import { siteOptions } from './options.ts';
import type { SynonymGroups } from '../schemas/synonyms.ts';
import { readSynonyms } from './synonyms.ts';
import type { ReportData } from '../schemas/report.ts';
import { newestFirst, type ReportRef } from '../lib/portal/index-pages.ts';
import { publishedReports } from './drafts.ts';
import { reportRecord } from './editions.ts';
import type { EditionRecord } from '../schemas/editions.ts';
import { withdrawalOf } from '../lib/editions/record.ts';

export type SectionEntry = CollectionEntry<'sections'>;

/**
 * One report as every page, feed, sitemap and open-data file reads it: the facts derived from its
 * frontmatter are computed here once, and formatted only where they are shown.
 */
export interface Report extends ReportRef {
  /** Folder under content/reports/, the report's stable identity and URL segment. */
  folder: string;
  /** The year reported on. */
  year: number;
  /** Publication date, YYYY-MM-DD, as the frontmatter gives it; undefined for an undated draft. */
  published: string | undefined;
  agency: ReportData['agency'];
  data: ReportData;
  entry: CollectionEntry<'reports'>;
  outline: OutlineSection<SectionEntry>[];
  /** Its edition record; absent only from a draft. */
  record?: EditionRecord | undefined;
}

const folderOf = (id: string) => id.split('/')[0]!;
let loaded: Promise<Report[]> | undefined;

/**
 * All reports, newest first, with their sections in order. The content was checked before Astro
 * started (src/data/content-check.ts). Kept for the run: under npm run dev this module is loaded
 * again when the content changes, so an edit shows on the next reload.
 */
export function loadReports(): Promise<Report[]> {
  loaded ??= (async () => {
    const [reportEntries, sectionEntries] = await Promise.all([
      getCollection('reports'),
      getCollection('sections'),
    ]);
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
        const { year, published, agency } = entry.data;
        return {
          folder,
          year,
          published,
          agency,
          data: entry.data,
          entry,
          outline: buildOutline(sections),
          record: reportRecord(folder),
        };
      })
      .sort(newestFirst);
  })();
  return loaded;
}

/** Whether a report was withdrawn: its pages stay, as a notice, out of listings, search and sitemap. */
export function isWithdrawn(report: Report): boolean {
  return Boolean(report.record && withdrawalOf(report.record));
}

let listed: Promise<Report[]> | undefined;

/** The reports listings, the sitemap and the search show: every report but the withdrawn. */
export function listedReports(): Promise<Report[]> {
  // One list for the run, as loadReports: every report page asks for it.
  listed ??= loadReports().then((reports) => reports.filter((report) => !isWithdrawn(report)));
  return listed;
}

/** The search's synonym groups, validated before the build; the search page sends them to the browser. */
export async function loadSynonyms(): Promise<SynonymGroups> {
  return (await readSynonyms(siteOptions().paths.synonymsFile)).groups;
}

import type { ReportDocument } from '../../schemas/open-data.ts';
import { reportPath } from '../addresses/urls.ts';
import { PART_LABELS, type SearchScopeData } from './index-contract.ts';
import { rankSections, type RankedSection, type SectionCandidate } from './rank.ts';
import type { Filters } from './scope.ts';

/**
 * A query that names one agency and one year names one report. Its sections are then ranked
 * straight from the report's open data (/reports/<folder>.json, a few KB), without the search
 * index: on a province's site the index's metadata and filter files alone weigh hundreds of KB,
 * while the answer lies in one report. Pure: the search engine fetches, this decides.
 */

/** What the search shows of a section: SectionCandidate plus the result's labels. */
export interface ReportSectionCandidate extends SectionCandidate {
  /** Report title. */
  title: string;
  /** For a subsection, its part's heading; '' otherwise. */
  part: string;
  /** Section id, '' for the preamble. */
  section: string;
  /** Position in the report's reading order: 0 for the preamble, then its sections. */
  order: number;
}

/** The part of the open data the search reads. */
export type ReportSectionsData = Pick<ReportDocument, 'id' | 'title' | 'preamble' | 'sections'>;

/**
 * The folder of the report the filters name, when they name an agency and a year it reported
 * on; undefined otherwise (the index answers then).
 */
export function namedReport(scope: SearchScopeData, filters: Filters): string | undefined {
  if (!filters.agency || !filters.year) return undefined;
  const agency = scope.agencies.find((a) => a.id === filters.agency);
  const year = Number(filters.year);
  if (!agency?.years?.includes(year)) return undefined;
  return agency.folders?.[String(year)] ?? reportFolder(year, agency.id);
}

/** The folder name content/README.md asks for; scope data lists only folders named otherwise. */
export function reportFolder(year: number, agencyId: string): string {
  return `${year}-${agencyId}`;
}

/**
 * The report's sections as the index holds them (src/node/page-records.ts): the preamble, then
 * each part and subsection with its heading and own paragraphs, leading to its anchor; only those
 * of the named part when the filters name one.
 */
export function reportSectionCandidates(
  report: ReportSectionsData,
  base: string,
  filters: Filters = {},
): ReportSectionCandidate[] {
  const page = reportPath(base, report.id);
  const headings = new Map(report.sections.map((section) => [section.id, section.heading]));
  const out: ReportSectionCandidate[] = [];
  const add = (
    order: number,
    section: string,
    heading: string,
    part: string,
    paragraphs: readonly { id: string; text: string }[],
  ) => {
    let content = heading;
    const offsets: { id: string; start: number }[] = [];
    for (const paragraph of paragraphs) {
      if (content) content += '\n';
      offsets.push({ id: paragraph.id, start: content.length });
      content += paragraph.text;
    }
    const anchor = section || paragraphs[0]?.id;
    if (!content || !anchor) return;
    out.push({
      url: `${page}#${anchor}`,
      heading,
      content,
      paragraphs: offsets,
      engineRank: out.length,
      title: report.title,
      part,
      section,
      order,
    });
  };
  if (!filters.part) add(0, '', '', '', report.preamble);
  report.sections.forEach((section, i) => {
    if (filters.part && PART_LABELS[section.item] !== filters.part) return;
    const part = section.parent ? (headings.get(section.parent) ?? '') : '';
    add(i + 1, section.id, section.heading, part, section.paragraphs);
  });
  return out;
}

/**
 * The scope file's agencies and years (SEARCH_SCOPE) from the reports the index holds: each
 * agency with the years it reported on, and its folders only where they are not named
 * <year>-<agency id>, so the file stays small at thousands of reports.
 */
export function scopeDataOf(
  reports: readonly {
    folder: string;
    year: number;
    agency: { id: string; shortName: string; name: string };
  }[],
): SearchScopeData {
  const agencies = new Map<string, SearchScopeData['agencies'][number]>();
  const years = new Set<number>();
  for (const { folder, year, agency } of reports) {
    const entry = agencies.get(agency.id) ?? { ...agency, years: [] };
    agencies.set(agency.id, entry);
    entry.years!.push(year);
    if (folder !== reportFolder(year, agency.id)) (entry.folders ??= {})[String(year)] = folder;
    years.add(year);
  }
  for (const entry of agencies.values()) entry.years!.sort((a, b) => a - b);
  return {
    agencies: [...agencies.values()].sort((a, b) => a.id.localeCompare(b.id)),
    years: [...years].sort((a, b) => b - a),
  };
}

/**
 * Ranks a report's sections for the wordings of a query (as typed first, then its synonyms and
 * spellings). Without an engine's order to break ties, a section holding the words as typed goes
 * before one that scores as well through a synonym only, then document order.
 */
export function rankReportSections<T extends SectionCandidate>(
  candidates: readonly T[],
  wordings: readonly string[],
): RankedSection<T>[] {
  const typed = rankSections(candidates, wordings.slice(0, 1));
  const order = new Map(typed.map((ranked, i) => [ranked.candidate, i]));
  const ordered = candidates.map((candidate, i) => ({
    ...candidate,
    engineRank: order.get(candidate) ?? typed.length + i,
  }));
  return rankSections(ordered, wordings);
}

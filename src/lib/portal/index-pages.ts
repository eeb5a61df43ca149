import { STATUTORY_ITEMS, type StatutoryItem } from '../../schemas/section.ts';

/**
 * Grouping reports for the home, year and agency pages. Everything here takes plain data, so
 * the pages that scale with the number of reports are tested without a build.
 */
export interface ReportRef {
  folder: string;
  year: number;
  /** YYYY-MM-DD; undefined for a draft not yet dated. */
  published: string | undefined;
  agency: { id: string; name: string; shortName: string };
}

/**
 * The one order of reports: newest year first, then latest publication (a draft not yet dated
 * is the oldest of its year), then folder name so that equal dates keep a stable order.
 */
export const newestFirst = <T extends ReportRef>(a: T, b: T) =>
  b.year - a.year ||
  (b.published ?? '').localeCompare(a.published ?? '') ||
  a.folder.localeCompare(b.folder);

/** The years that have reports, newest first, each with its reports ordered by agency name. */
export function reportsByYear<T extends ReportRef>(
  reports: readonly T[],
): { year: number; reports: T[] }[] {
  const years = [...new Set(reports.map((report) => report.year))].sort((a, b) => b - a);
  return years.map((year) => ({
    year,
    reports: reports.filter((report) => report.year === year).sort(byAgencyName),
  }));
}

// Agencies in the order of their Chinese names (pinyin order), as a portal lists them.
const collator = new Intl.Collator('zh-Hans-CN');
const byAgencyName = (a: ReportRef, b: ReportRef) =>
  collator.compare(a.agency.shortName, b.agency.shortName) || a.folder.localeCompare(b.folder);

export interface AgencyGroup<T extends ReportRef> {
  id: string;
  /** Names as the agency's newest report gives them: an agency renamed keeps one page. */
  name: string;
  shortName: string;
  /** Newest first. */
  reports: T[];
}

/** Every agency with its reports, newest first; agencies in the order of their names. */
export function reportsByAgency<T extends ReportRef>(reports: readonly T[]): AgencyGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const report of reports) {
    const list = groups.get(report.agency.id) ?? [];
    list.push(report);
    groups.set(report.agency.id, list);
  }
  return [...groups.entries()]
    .map(([id, list]) => {
      const sorted = [...list].sort(newestFirst);
      const newest = sorted[0]!;
      return { id, name: newest.agency.name, shortName: newest.agency.shortName, reports: sorted };
    })
    .sort((a, b) => collator.compare(a.shortName, b.shortName) || a.id.localeCompare(b.id));
}

/**
 * The same agency's reports for the years before and after this one: the nearest year with
 * a report, so a year without one is skipped rather than leaving a dead end.
 */
export function yearNeighbours<T extends ReportRef>(
  reports: readonly T[],
  current: ReportRef,
): { previous?: T; next?: T } {
  const same = byAgency(reports)
    .get(current.agency.id)
    ?.filter((report) => report.folder !== current.folder) as T[] | undefined;
  if (!same) return {};
  const previous = same
    .filter((report) => report.year < current.year)
    .sort((a, b) => b.year - a.year || newestFirst(a, b))[0];
  const next = same
    .filter((report) => report.year > current.year)
    .sort((a, b) => a.year - b.year || newestFirst(a, b))[0];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

// Every report page asks for its neighbours among all reports: grouped once per list, not
// searched per page (at 3,000 reports, nine million comparisons per build).
const agencyGroups = new WeakMap<
  readonly ReportRef[],
  { length: number; groups: Map<string, ReportRef[]> }
>();

function byAgency(reports: readonly ReportRef[]): Map<string, ReportRef[]> {
  const known = agencyGroups.get(reports);
  if (known && known.length === reports.length) return known.groups;
  const groups = Map.groupBy(reports, (report) => report.agency.id);
  agencyGroups.set(reports, { length: reports.length, groups });
  return groups;
}

/** The latest year that has reports, undefined for an empty site. */
export function latestYear(reports: readonly ReportRef[]): number | undefined {
  return reports.length ? Math.max(...reports.map((report) => report.year)) : undefined;
}

/** A part of a report as the comparison shows it: its heading and its subsections' headings. */
export interface ComparedPart {
  id: string;
  heading: string;
  item: StatutoryItem;
  children: { id: string; heading: string }[];
}

/**
 * For each statutory item, the matching parts of each year's report, so that this year's 不足
 * sits beside last year's 下一年度主要安排. Items no report covers are left out; a year whose
 * report does not cover an item has an empty list there, which the page says plainly.
 */
export function compareByItem<T extends ReportRef & { parts: readonly ComparedPart[] }>(
  reports: readonly T[],
): { item: StatutoryItem; years: { report: T; parts: ComparedPart[] }[] }[] {
  return STATUTORY_ITEMS.map((item) => ({
    item,
    years: reports.map((report) => ({
      report,
      parts: report.parts.filter((part) => part.item === item),
    })),
  })).filter((row) => row.years.some((year) => year.parts.length > 0));
}

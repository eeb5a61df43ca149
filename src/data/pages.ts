import {
  agencyPath,
  homePath,
  reportPath,
  sectionPath,
  statutoryRulePath,
  yearPath,
} from '../lib/addresses/site-paths.ts';
import { flattenOutline } from '../lib/content/outline.ts';
import { reportsByAgency, reportsByYear } from '../lib/portal/index-pages.ts';
import { latestEdition } from '../lib/editions/record.ts';
import { isWithdrawn, listedReports, loadReports, type Report } from './reports.ts';

/** The date a report's pages last changed: its latest edition, or its publication for a draft. */
function lastmodOf(report: Report): { lastmod?: string } {
  const date = report.record ? latestEdition(report.record).date : report.published;
  return date ? { lastmod: date } : {};
}

/**
 * The page model: which pages of each kind exist, each with the route data (params, props) its
 * getStaticPaths returns, its path under the site's base, and, for a report and its sections, the
 * date a search engine may take as the last change (lastmod). Pages and the sitemap both read it, so a
 * new page kind added here is in the sitemap without a second list to keep.
 */
// Listings leave withdrawn reports out; their own pages stay, as a notice.
export async function yearPages() {
  return reportsByYear(await listedReports()).map(({ year, reports }) => ({
    params: { year: String(year) },
    props: { year, reports },
    path: yearPath(year),
  }));
}

export async function agencyPages() {
  return reportsByAgency(await listedReports()).map((agency) => ({
    params: { agency: agency.id },
    props: { agency },
    path: agencyPath(agency.id),
  }));
}

export async function reportPages() {
  return (await loadReports()).map((report) => ({
    params: { report: report.folder },
    props: { report },
    path: reportPath(report.folder),
    withdrawn: isWithdrawn(report),
    ...lastmodOf(report),
  }));
}

export async function sectionPages() {
  return (await loadReports()).flatMap((report) =>
    flattenOutline(report.outline).map((section) => ({
      params: { report: report.folder, section: section.id },
      props: { report, section },
      path: sectionPath(report.folder, section.id),
      withdrawn: isWithdrawn(report),
      ...lastmodOf(report),
    })),
  );
}

/**
 * Every page a reader would land on, in the sitemap's order: home, years, agencies, each report
 * followed by its section pages, the statutory rule. Former addresses (alias redirects), earlier
 * editions, comparisons, withdrawn reports, search and 404 are left out; drafts never reach
 * loadReports.
 */
export async function readerPages(): Promise<{ path: string; lastmod?: string }[]> {
  const sections = Map.groupBy(await sectionPages(), (page) => page.params.report);
  return [
    { path: homePath() },
    ...(await yearPages()),
    ...(await agencyPages()),
    ...(await reportPages())
      .filter((page) => !page.withdrawn)
      .flatMap((page) => [page, ...(sections.get(page.params.report) ?? [])]),
    { path: statutoryRulePath() },
  ].map(({ path, ...rest }) => ({
    path,
    ...('lastmod' in rest && rest.lastmod ? { lastmod: rest.lastmod } : {}),
  }));
}

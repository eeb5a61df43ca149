import { sitePaths } from '../lib/addresses/site-paths.ts';
import { flattenOutline } from '../lib/content/outline.ts';
import { reportsByAgency, reportsByYear } from '../lib/portal/index-pages.ts';
import { type SitePage, sitePages } from '../lib/portal/page-model.ts';
import { indicatorList } from './figures.ts';
import { reportPagesKey } from './page-keys.ts';
import { inPart } from './part.ts';
import { recordPages } from '../lib/editions/record.ts';
import { type Report, listedReports, loadReports } from './reports.ts';

/**
 * The page model: which pages of each kind exist, each with the route data (params, props) its
 * getStaticPaths returns, and (allPages) every file the routes write with its path under the
 * site's base. Pages, the sitemap and the build test of dist/ all read it, so a new page kind
 * added here is in the sitemap without a second list to keep.
 */
// Listings leave withdrawn reports out; their own pages stay, as a notice.
export async function yearPages() {
  return reportsByYear(await listedReports()).map(({ year, reports }) => ({
    params: { year: String(year) },
    props: { year, reports },
  }));
}

export async function agencyPages() {
  return reportsByAgency(await listedReports()).map((agency) => ({
    params: { agency: agency.id },
    props: { agency },
  }));
}

/** A report's page, and its open-data files (/reports/<folder>.json, .md, .txt). */
export async function reportPages() {
  return (await loadReports()).map((report) => ({
    params: { report: report.folder },
    props: { report },
  }));
}

export async function sectionPages() {
  return (await loadReports()).flatMap((report) =>
    flattenOutline(report.outline).map((section) => ({
      params: { report: report.folder, section: section.id },
      props: { report, section },
    })),
  );
}

/** A section's former ids (frontmatter `aliases`): each keeps a page that sends readers on. */
export async function aliasPages() {
  return (await loadReports()).flatMap((report) =>
    flattenOutline(report.outline).flatMap((section) =>
      section.entry.data.aliases.map((alias) => ({
        params: { report: report.folder, alias },
        props: { report, section },
      })),
    ),
  );
}

/**
 * The route data of pages made from one report, as getStaticPaths returns it: only those of this
 * build's part (src/data/part.ts), each with the cache key of its report's pages.
 */
export async function partRoutes<P extends { params: object; props: { report: Report } }>(
  pages: readonly P[],
) {
  const reports = await loadReports();
  return pages
    .filter(({ props }) => inPart(props.report))
    .map(({ params, props }) => ({
      params: params as P['params'],
      props: props as P['props'],
      cacheKey: reportPagesKey(props.report, reports),
    }));
}

/** Every file the site's routes write, from src/lib/portal/page-model.ts. */
export async function allPages(): Promise<SitePage[]> {
  const reports = await Promise.all(
    (await loadReports()).map(async (report) => ({
      folder: report.folder,
      year: report.year,
      published: report.published,
      agency: report.agency,
      sections: flattenOutline(report.outline).map((section) => ({
        id: section.id,
        aliases: section.entry.data.aliases,
      })),
      ...(report.record ? recordPages(report.record) : {}),
    })),
  );
  return sitePages(
    reports,
    indicatorList().map((indicator) => indicator.id),
    sitePaths,
  );
}

/**
 * Every page a reader would land on, and the figures' downloads, in the sitemap's order. Former
 * addresses (alias redirects), search, 404 and the other data files are left out; drafts never
 * reach loadReports.
 */
export async function readerPages(): Promise<{ path: string; lastmod?: string }[]> {
  return (await allPages())
    .filter((page) => page.listed)
    .map(({ path, lastmod }) => ({ path, ...(lastmod ? { lastmod } : {}) }));
}

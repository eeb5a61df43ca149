import type { APIRoute } from 'astro';
import { loadReports } from '../data/reports.ts';
import * as paths from '../lib/addresses/site-paths.ts';
import { absoluteUrl } from '../lib/addresses/urls.ts';
import { flattenOutline } from '../lib/content/outline.ts';
import { reportsByAgency, reportsByYear } from '../lib/portal/index-pages.ts';
import { sitemapXml } from '../node/sitemap.ts';
import { toRef } from '../data/portal.ts';
import { indicatorList } from '../data/figures.ts';
import { FIGURES_FILES, indicatorCsvFile } from '../lib/addresses/urls.ts';

// Every page a reader would land on: listings, every report and every section page. Former
// addresses (alias redirects), search and 404 are left out; drafts never reach loadReports.
const lastmod = (published: string | undefined) => (published ? { lastmod: published } : {});

export const GET: APIRoute = async ({ site }) => {
  const reports = await loadReports();
  const refs = reports.map(toRef);
  const url = (path: string) => absoluteUrl(site!, path);
  const pages = [
    { url: url(paths.homePath()) },
    ...reportsByYear(refs).map(({ year }) => ({ url: url(paths.yearPath(year)) })),
    ...reportsByAgency(refs).map(({ id }) => ({ url: url(paths.agencyPath(id)) })),
    ...reports.flatMap((report) => [
      { url: url(paths.reportPath(report.folder)), ...lastmod(report.data.published) },
      ...flattenOutline(report.outline).map((section) => ({
        url: url(paths.sectionPath(report.folder, section.id)),
        ...lastmod(report.data.published),
      })),
    ]),
    { url: url(paths.statutoryRulePath()) },
    // Key figures: the overview, each indicator's page and the downloads it lists.
    { url: url(paths.dataPath()) },
    { url: url(paths.assetPath(FIGURES_FILES.csv)) },
    { url: url(paths.assetPath(FIGURES_FILES.json)) },
    ...indicatorList().flatMap((indicator) => [
      { url: url(paths.indicatorPath(indicator.id)) },
      { url: url(paths.assetPath(indicatorCsvFile(indicator.id))) },
    ]),
  ];
  return new Response(await sitemapXml(pages), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};

import type { APIRoute } from 'astro';
import { loadReports } from '../data/reports.ts';
import * as paths from '../lib/addresses/site-paths.ts';
import { absoluteUrl } from '../lib/addresses/urls.ts';
import { flattenOutline } from '../lib/content/outline.ts';
import { reportsByAgency, reportsByYear } from '../lib/portal/index-pages.ts';
import { sitemapXml } from '../node/sitemap.ts';

// Every page a reader would land on: listings, every report and every section page. Former
// addresses (alias redirects), search and 404 are left out; drafts never reach loadReports.
const lastmod = (published: string | undefined) => (published ? { lastmod: published } : {});

export const GET: APIRoute = async ({ site }) => {
  const reports = await loadReports();
  const url = (path: string) => absoluteUrl(site!, path);
  const pages = [
    { url: url(paths.homePath()) },
    ...reportsByYear(reports).map(({ year }) => ({ url: url(paths.yearPath(year)) })),
    ...reportsByAgency(reports).map(({ id }) => ({ url: url(paths.agencyPath(id)) })),
    ...reports.flatMap((report) => [
      { url: url(paths.reportPath(report.folder)), ...lastmod(report.published) },
      ...flattenOutline(report.outline).map((section) => ({
        url: url(paths.sectionPath(report.folder, section.id)),
        ...lastmod(report.published),
      })),
    ]),
    { url: url(paths.statutoryRulePath()) },
  ];
  return new Response(await sitemapXml(pages), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};

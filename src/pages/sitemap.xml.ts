import type { APIRoute } from 'astro';
import { listedReports, type Report } from '../data/reports.ts';
import { latestEdition } from '../lib/editions/record.ts';
import * as paths from '../lib/addresses/site-paths.ts';
import { absoluteUrl } from '../lib/addresses/urls.ts';
import { flattenOutline } from '../lib/content/outline.ts';
import { reportsByAgency, reportsByYear } from '../lib/portal/index-pages.ts';
import { sitemapXml } from '../node/sitemap.ts';
import { toRef } from '../data/portal.ts';

// Every page a reader would land on: listings, every report and every section page. Former
// addresses (alias redirects), earlier editions, search and 404 are left out, and so are
// withdrawn reports; drafts never reach loadReports. A page last changed with its latest edition.
const lastmod = (report: Report) => {
  const date = report.record ? latestEdition(report.record).date : report.data.published;
  return date ? { lastmod: date } : {};
};

export const GET: APIRoute = async ({ site }) => {
  const reports = await listedReports();
  const refs = reports.map(toRef);
  const url = (path: string) => absoluteUrl(site!, path);
  const pages = [
    { url: url(paths.homePath()) },
    ...reportsByYear(refs).map(({ year }) => ({ url: url(paths.yearPath(year)) })),
    ...reportsByAgency(refs).map(({ id }) => ({ url: url(paths.agencyPath(id)) })),
    ...reports.flatMap((report) => [
      { url: url(paths.reportPath(report.folder)), ...lastmod(report) },
      ...flattenOutline(report.outline).map((section) => ({
        url: url(paths.sectionPath(report.folder, section.id)),
        ...lastmod(report),
      })),
    ]),
    { url: url(paths.statutoryRulePath()) },
  ];
  return new Response(await sitemapXml(pages), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};

import type { APIRoute } from 'astro';
import { loadReports } from '../data/reports.ts';
import { sitePaths } from '../lib/addresses/site-paths.ts';
import { absoluteUrl, CHANGES_FILE } from '../lib/addresses/urls.ts';
import { siteChanges } from '../lib/editions/changes.ts';

/**
 * Every publication, correction and withdrawal on the site, newest first, so a harvester can
 * ask what changed since a date without crawling: /changes.json.
 */
export const GET: APIRoute = async ({ site }) => {
  const url = (path: string) => absoluteUrl(site!, path);
  const reports = await loadReports();
  const changes = siteChanges(
    reports.flatMap((report) =>
      report.record
        ? [
            {
              folder: report.folder,
              title: report.data.title,
              agency: report.data.agency.name,
              events: report.record.events,
              urls: {
                report: url(sitePaths.reportPath(report.folder)),
                editions: url(sitePaths.editionsPath(report.folder)),
                edition: (n: number) => url(sitePaths.editionPath(report.folder, n)),
              },
            },
          ]
        : [],
    ),
  );
  return new Response(
    `${JSON.stringify({ url: url(sitePaths.assetPath(CHANGES_FILE)), changes })}\n`,
    {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    },
  );
};

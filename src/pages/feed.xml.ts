import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { loadReports } from '../data/reports.ts';
import { loadSiteConfig } from '../data/site-config.ts';
import { t } from '../i18n/ui.ts';
import * as paths from '../lib/addresses/site-paths.ts';
import { FEED_FILE, absoluteUrl } from '../lib/addresses/urls.ts';

/** An Atom feed of reports, newest first: one entry per report, with its summary and date. */
export const GET: APIRoute = async ({ site }) => {
  const config = loadSiteConfig();
  const url = (path: string) => absoluteUrl(site!, path);
  // Newest first, as loadReports gives them.
  const reports = await loadReports();
  const home = url(paths.homePath());
  const newest = reports[0]?.published;
  const feed = new Feed({
    title: config.name,
    description: t('feed.description'),
    id: home,
    link: home,
    language: 'zh-CN',
    copyright: config.sponsor ?? config.name,
    // The feed changes when a report is published; an empty site has an arbitrary stable date.
    updated: new Date(`${newest ?? '2000-01-01'}T00:00:00+08:00`),
    feedLinks: { atom: url(paths.assetPath(FEED_FILE)) },
  });
  for (const report of reports) {
    // A draft not yet dated has no place in a feed ordered by date.
    if (!report.published) continue;
    const link = url(paths.reportPath(report.folder));
    const date = new Date(`${report.published}T00:00:00+08:00`);
    feed.addItem({
      title: report.data.title,
      id: link,
      link,
      date,
      published: date,
      description: report.data.summary,
      author: [
        { name: report.data.agency.name, link: url(paths.agencyPath(report.data.agency.id)) },
      ],
    });
  }
  return new Response(feed.atom1(), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};

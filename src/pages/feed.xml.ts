import type { APIRoute } from 'astro';
import { Feed } from 'feed';
import { loadReports } from '../data/reports.ts';
import { loadSiteConfig } from '../data/site-config.ts';
import { t } from '../i18n/ui.ts';
import { sitePaths } from '../lib/addresses/site-paths.ts';
import { FEED_FILE, absoluteUrl } from '../lib/addresses/urls.ts';
import { formatChineseDate } from '../lib/content/dates.ts';
import { lastEventDate } from '../lib/editions/record.ts';
import { newestEntries } from '../lib/portal/feed-entries.ts';

const day = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * An Atom feed of reports, newest first: one entry per report, with its summary and date, and
 * one per correction and withdrawal, with its date and note, so a reader of the feed learns of
 * every change. A report's entry is updated with its latest event.
 */
export const GET: APIRoute = async ({ site }) => {
  const config = loadSiteConfig();
  const url = (path: string) => absoluteUrl(site!, path);
  // Newest first, as loadReports gives them.
  const reports = await loadReports();
  const home = url(sitePaths.homePath());
  const newest = reports
    .flatMap((report) =>
      report.record ? [lastEventDate(report.record)] : report.published ? [report.published] : [],
    )
    .sort()
    .at(-1);
  const feed = new Feed({
    title: config.name,
    description: t('feed.description'),
    id: home,
    link: home,
    language: 'zh-CN',
    copyright: config.sponsor ?? config.name,
    // The feed changes when a report is published; an empty site has an arbitrary stable date.
    updated: new Date(`${newest ?? '2000-01-01'}T00:00:00+08:00`),
    feedLinks: { atom: url(sitePaths.assetPath(FEED_FILE)) },
  });
  const items: Parameters<typeof feed.addItem>[0][] = [];
  for (const report of reports) {
    // A draft not yet dated has no place in a feed ordered by date.
    if (!report.published) continue;
    const link = url(sitePaths.reportPath(report.folder));
    const date = day(report.published);
    const author = [
      { name: report.data.agency.name, link: url(sitePaths.agencyPath(report.data.agency.id)) },
    ];
    items.push({
      title: report.data.title,
      id: link,
      link,
      date: report.record ? day(lastEventDate(report.record)) : date,
      published: date,
      description: report.data.summary,
      author,
    });
    for (const event of report.record?.events ?? []) {
      if (event.kind === 'publish') continue;
      const history = url(sitePaths.editionsPath(report.folder));
      const title =
        event.kind === 'correct'
          ? t('edition.feedCorrected')(report.data.title)
          : t('edition.feedWithdrawn')(report.data.title);
      items.push({
        title,
        id: `${history}#${event.kind === 'correct' ? `edition-${event.edition}` : 'withdrawal'}`,
        link: event.kind === 'correct' ? history : link,
        date: day(event.date),
        published: day(event.date),
        description: `${formatChineseDate(event.date)}：${event.note}`,
        author,
      });
    }
  }
  for (const item of newestEntries(items)) feed.addItem(item);
  return new Response(feed.atom1(), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};

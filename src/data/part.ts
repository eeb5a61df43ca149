import { siteOptions } from './options.ts';

/**
 * Whether a report's pages are rendered by this build. A site can be built in parts, by years
 * (`npm run build -- --years 2016-2020`), each an ordinary build on its own machine, then merged
 * (`npm run merge-parts`). Every part reads all content, so listings, the feed, the sitemap and
 * the links between years are the same in every part and reach reports built by another; only
 * the pages made from one report (report, sections, aliases, open data) and the search index
 * are the part's own.
 */
export function inPart(report: { year: number }, years = siteOptions().years): boolean {
  return !years || (report.year >= years.from && report.year <= years.to);
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { yearNeighbours } from '../lib/portal/index-pages.ts';
import { reportPagesCacheKey } from '../lib/search/index-pages.ts';
import { siteOptions } from './options.ts';
import type { Report } from './reports.ts';
import { STATUTORY_GUIDE } from './statutory-rule.ts';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * and code are unchanged since the last build is copied from Astro's cache instead of rendered.
 * A key must therefore name all the data a page shows that its code does not: the report's own
 * files, the neighbouring years it links to, and what every page shows (the site's identity, the
 * statutory rule, the draft switch). Astro adds the code (each route's module graph), the
 * configuration (site and base) and the lockfile; the Markdown pipeline names the cache folder
 * (`renderVersion`), so a change to it renders every page again.
 */

let siteWide: string | undefined;

/** What every page shows besides its report: the site's identity, the rule, drafts shown or not. */
function siteWideKey(): string {
  siteWide ??= (() => {
    const hash = createHash('sha256');
    const { paths, drafts } = siteOptions();
    for (const file of [paths.siteFile, STATUTORY_GUIDE]) {
      try {
        hash.update(readFileSync(path.resolve(file)));
      } catch {
        hash.update(`missing ${file}`);
      }
      hash.update('\0');
    }
    // The address (site, base) is part of Astro's configuration, which Astro keys itself.
    hash.update(JSON.stringify({ drafts }));
    return hash.digest('hex');
  })();
  return siteWide;
}

const keys = new WeakMap<Report, string>();

/**
 * The key of every page made from one report (the report page, its section pages, alias
 * redirects and open-data files): its metadata and text, each section's, and the reports its
 * year navigation links to. It starts with the report's year (`2023.<digest>`,
 * reportKeyYear): the search index learns each report page's year from the list of pages to
 * generate, and writes a group of years as soon as its pages are written.
 */
export function reportPagesKey(report: Report, reports: readonly Report[]): string {
  const known = keys.get(report);
  if (known) return known;
  const hash = createHash('sha256').update(siteWideKey()).update('\0');
  const add = (entry: { id: string; data: unknown; body?: string | undefined }) =>
    hash.update(JSON.stringify([entry.id, entry.data, entry.body ?? ''])).update('\0');
  add(report.entry);
  const visit = (sections: Report['outline']) => {
    for (const section of sections) {
      add(section.entry);
      visit(section.children);
    }
  };
  visit(report.outline);
  const { previous, next } = yearNeighbours(reports, report);
  const brief = (ref: Report | undefined) =>
    ref && [ref.folder, ref.data.title, ref.data.year, ref.data.draft, ref.published];
  hash.update(JSON.stringify([brief(previous), brief(next)]));
  const key = reportPagesCacheKey(report.data.year, hash.digest('hex').slice(0, 32));
  keys.set(report, key);
  return key;
}

/**
 * The one home of the site's addresses: page paths, asset paths and absolute URLs. Every
 * function takes the base path (which ends with /) so that it stays pure; components get it
 * bound once from src/lib/addresses/site-paths.ts.
 */

import { assetPath } from './base.ts';

// The base rule, asset paths and the search files live in modules of their own, which the page
// script on every page imports without taking every path builder below with it.
export { assetPath, normaliseBase } from './base.ts';
export {
  PAGEFIND_DIR,
  PAGEFIND_ENGINE,
  PINYIN_DIR,
  pinyinLexiconFile,
  SEARCH_SCOPE,
} from './search-files.ts';

export function homePath(base: string): string {
  return base;
}

export function reportPath(base: string, folder: string): string {
  return `${base}reports/${folder}/`;
}

export function sectionAnchorPath(base: string, folder: string, sectionId: string): string {
  return `${reportPath(base, folder)}#${sectionId}`;
}

export function searchPath(base: string, query?: string): string {
  return query ? `${base}search/?q=${encodeURIComponent(query)}` : `${base}search/`;
}

/** The page that shows one section alone, for sharing it. */
export function sectionPath(base: string, folder: string, sectionId: string): string {
  return `${reportPath(base, folder)}${sectionId}/`;
}

/** A report's 修订记录: every edition, correction and withdrawal. */
export function editionsPath(base: string, folder: string): string {
  return `${reportPath(base, folder)}editions/`;
}

/** An earlier edition of a report (the current one is the report's own address). */
export function editionPath(base: string, folder: string, edition: number): string {
  return `${editionsPath(base, folder)}${edition}/`;
}

/** A section's page in an earlier edition. */
export function editionSectionPath(
  base: string,
  folder: string,
  edition: number,
  sectionId: string,
): string {
  return `${editionPath(base, folder, edition)}${sectionId}/`;
}

/** Two editions side by side, the earlier first. */
export function comparePath(base: string, folder: string, before: number, after: number): string {
  return `${reportPath(base, folder)}compare/${before}-${after}/`;
}

/** Every publication, correction and withdrawal on the site, newest first. */
export const CHANGES_FILE = 'changes.json';

/** Every report of one year, all agencies. */
export function yearPath(base: string, year: number): string {
  return `${base}years/${year}/`;
}

/** Every report of one agency, and its parts side by side across years. */
export function agencyPath(base: string, agencyId: string): string {
  return `${base}agencies/${agencyId}/`;
}

/** Formats a report is published in as data, beside its page: /reports/<folder>.json. */
export const REPORT_DATA_FORMATS = ['txt', 'md', 'json'] as const;
export type ReportDataFormat = (typeof REPORT_DATA_FORMATS)[number];

export function reportDataPath(base: string, folder: string, format: ReportDataFormat): string {
  return `${base}reports/${folder}.${format}`;
}

/** The JSON Schema of /reports/<folder>.json, at an address that does not change. */
export const REPORT_SCHEMA_FILE = 'schemas/report-v2.json';
/** The schema's first version, still published for the copies that name it. */
export const REPORT_SCHEMA_V1_FILE = 'schemas/report-v1.json';
/** The Atom feed of reports, the sitemap, and the page with the statutory rule's text. */
export const FEED_FILE = 'feed.xml';
export const SITEMAP_FILE = 'sitemap.xml';

export function statutoryRulePath(base: string): string {
  return `${base}about/statutory/`;
}

/**
 * The path builders a page or component calls with the configured base already bound
 * (src/lib/addresses/site-paths.ts binds them all at once, so each builder is written only here).
 */
export const pathBuilders = {
  homePath,
  reportPath,
  sectionPath,
  sectionAnchorPath,
  searchPath,
  assetPath,
  yearPath,
  agencyPath,
  reportDataPath,
  statutoryRulePath,
  dataPath,
  indicatorPath,
  editionsPath,
  editionPath,
  editionSectionPath,
  comparePath,
};

/** Each builder of `builders` without its first argument, the base. */
export type WithBase<T> = {
  [K in keyof T]: T[K] extends (base: string, ...rest: infer A) => infer R
    ? (...rest: A) => R
    : never;
};

/** Binds `base` as the first argument of every builder. */
export function withBase<T extends Record<string, (base: string, ...rest: never[]) => string>>(
  base: string,
  builders: T,
): WithBase<T> {
  return Object.fromEntries(
    Object.entries(builders).map(([name, build]) => [
      name,
      (...rest: never[]) => build(base, ...rest),
    ]),
  ) as WithBase<T>;
}

/**
 * Absolute URL of a site path. `site` is the origin from SITE_URL and `path` already carries
 * the base, so a site served under /fzzf/ gets /fzzf/ in every URL.
 */
export function absoluteUrl(site: string | URL, path: string): string {
  return new URL(path, site).href;
}

/**
 * The site's public address is one value, SITE_URL (e.g. https://www.example.gov.cn/fzzf/):
 * its origin is Astro's `site`, its path the `base` every internal link starts with.
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321/';

/** What can be wrong with a SITE_URL; src/node/build-options.ts says each in Chinese. */
export type SiteUrlProblem = 'not-absolute' | 'not-http' | 'query-or-fragment';

/**
 * The one reading of SITE_URL: the address ending with /, its origin (Astro's `site`) and its
 * path (the `base`), or what is wrong with it.
 */
export function parseSiteUrl(
  value: string,
): { href: string; site: string; base: string } | { problem: SiteUrlProblem } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'not-absolute' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'not-http' };
  if (url.search || url.hash) return { problem: 'query-or-fragment' };
  const slash = url.pathname.endsWith('/');
  return {
    href: slash ? url.href : `${url.href}/`,
    site: url.origin,
    base: slash ? url.pathname : `${url.pathname}/`,
  };
}

/** Origin and base of SITE_URL for Astro's config; the local address when none is given. */
export function siteUrl(value: string | undefined = DEFAULT_SITE_URL): {
  site: string;
  base: string;
} {
  const parsed = parseSiteUrl(value || DEFAULT_SITE_URL);
  if ('problem' in parsed)
    throw new Error(
      `SITE_URL must be an absolute http(s) URL without ? or #, such as https://www.example.gov.cn/fzzf/, got "${value}"`,
    );
  return { site: parsed.site, base: parsed.base };
}

/** The open-data overview of key figures, /data/. */
export function dataPath(base: string): string {
  return `${base}data/`;
}

/** One indicator's values, agency × year, /data/<indicator>/. */
export function indicatorPath(base: string, indicator: string): string {
  return `${dataPath(base)}${indicator}/`;
}

/** Every figure as one table: figures.csv and figures.json under /data/. */
export const FIGURES_FILES = { csv: 'data/figures.csv', json: 'data/figures.json' } as const;

/** One indicator's values as CSV, /data/<indicator>.csv. */
export function indicatorCsvFile(indicator: string): string {
  return `data/${indicator}.csv`;
}

/** The indicators' wordings the search recognises, and each indicator's figures for its answer. */
export const SEARCH_INDICATORS = 'search/indicators.json';
export function searchFiguresFile(indicator: string): string {
  return `search/figures/${indicator}.json`;
}

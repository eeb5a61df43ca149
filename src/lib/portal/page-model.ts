import {
  FEED_FILE,
  FIGURES_FILES,
  indicatorCsvFile,
  REPORT_DATA_FORMATS,
  REPORT_SCHEMA_FILE,
  REPORT_SCHEMA_V1_FILE,
  SEARCH_INDICATORS,
  searchFiguresFile,
  SITEMAP_FILE,
  type pathBuilders,
  type WithBase,
} from '../addresses/urls.ts';
import { reportsByAgency, reportsByYear, type ReportRef } from './index-pages.ts';

/** A report as the page model needs it: its record and its sections in reading order. */
export interface ModelReport extends ReportRef {
  sections: readonly { id: string; aliases: readonly string[] }[];
  /** The date of its latest edition, when it has an edition record. */
  lastmod?: string;
  /** A withdrawn report keeps its pages, as a notice, but leaves listings and the sitemap. */
  withdrawn?: boolean;
  /** Its editions: how many, and each earlier one with the sections it held. */
  editions?: {
    count: number;
    earlier: readonly { edition: number; sections: readonly string[] }[];
  };
}

export type PageKind =
  | 'home'
  | 'year'
  | 'agency'
  | 'report'
  | 'section'
  | 'statutory'
  | 'figures'
  | 'indicator'
  | 'figures-data'
  | 'indicator-data'
  | 'search'
  | 'not-found'
  | 'alias'
  | 'editions'
  | 'edition'
  | 'edition-section'
  | 'compare'
  | 'changes'
  | 'report-data'
  | 'report-schema'
  | 'search-data'
  | 'feed'
  | 'sitemap'
  | 'robots';

export interface SitePage {
  kind: PageKind;
  /** Path under the site's base; ends with / for a page served as <path>index.html. */
  path: string;
  /** An HTML page (rather than a data file). */
  html: boolean;
  /** A page a reader would land on, listed in the sitemap. */
  listed: boolean;
  /** For a report and its sections, the date a search engine may take as the last change. */
  lastmod?: string;
}

// The 404 page is written as a file, not a folder: static hosts look for <base>404.html.
const NOT_FOUND_FILE = '404.html';
const ROBOTS_FILE = 'robots.txt';
const CHANGES_FILE = 'changes.json';

/** Every pair of editions (earlier, later) that has a comparison page. */
function editionPairs(count: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let before = 1; before < count; before++)
    for (let after = before + 1; after <= count; after++) pairs.push([before, after]);
  return pairs;
}

/**
 * Every file the site's routes write, in the sitemap's order for the pages a reader would land
 * on (home, years, agencies, each report followed by its section pages, the statutory rule, the
 * key figures with their downloads), then the rest: search, 404, former section addresses
 * (aliases), open-data files, search data, feed, sitemap, robots. `indicators` are the ids of
 * content/indicators.yml, in its order.
 */
export function sitePages(
  reports: readonly ModelReport[],
  indicators: readonly string[],
  paths: WithBase<typeof pathBuilders>,
): SitePage[] {
  const page = (
    kind: PageKind,
    path: string,
    html: boolean,
    listed: boolean,
    lastmod?: string,
  ) => ({
    kind,
    path,
    html,
    listed,
    ...(lastmod ? { lastmod } : {}),
  });
  const listed = reports.filter((report) => !report.withdrawn);
  return [
    page('home', paths.homePath(), true, true),
    ...reportsByYear(listed).map(({ year }) => page('year', paths.yearPath(year), true, true)),
    ...reportsByAgency(listed).map(({ id }) => page('agency', paths.agencyPath(id), true, true)),
    ...reports.flatMap((report) => {
      const lastmod = report.lastmod ?? report.published;
      const inSitemap = !report.withdrawn;
      return [
        page('report', paths.reportPath(report.folder), true, inSitemap, lastmod),
        ...report.sections.map((section) =>
          page('section', paths.sectionPath(report.folder, section.id), true, inSitemap, lastmod),
        ),
      ];
    }),
    page('statutory', paths.statutoryRulePath(), true, true),
    page('figures', paths.dataPath(), true, true),
    page('figures-data', paths.assetPath(FIGURES_FILES.csv), false, true),
    page('figures-data', paths.assetPath(FIGURES_FILES.json), false, true),
    ...indicators.flatMap((id) => [
      page('indicator', paths.indicatorPath(id), true, true),
      page('indicator-data', paths.assetPath(indicatorCsvFile(id)), false, true),
    ]),
    page('search', paths.searchPath(), true, false),
    page('not-found', paths.assetPath(NOT_FOUND_FILE), true, false),
    ...reports.flatMap((report) =>
      report.sections.flatMap((section) =>
        section.aliases.map((alias) =>
          page('alias', paths.sectionPath(report.folder, alias), true, false),
        ),
      ),
    ),
    ...reports.flatMap((report) =>
      REPORT_DATA_FORMATS.map((format) =>
        page('report-data', paths.reportDataPath(report.folder, format), false, false),
      ),
    ),
    // Edition history, earlier editions and comparisons: readable at their own addresses, but
    // the sitemap and search point at the current text.
    ...reports.flatMap((report) =>
      report.editions
        ? [
            // Only once corrected or withdrawn (hasEditionHistory): before, nothing links to it.
            ...(report.editions.count > 1 || report.withdrawn
              ? [page('editions', paths.editionsPath(report.folder), true, false)]
              : []),
            ...report.editions.earlier.flatMap(({ edition, sections }) => [
              page('edition', paths.editionPath(report.folder, edition), true, false),
              ...sections.map((id) =>
                page(
                  'edition-section',
                  paths.editionSectionPath(report.folder, edition, id),
                  true,
                  false,
                ),
              ),
            ]),
            ...editionPairs(report.editions.count).map(([before, after]) =>
              page('compare', paths.comparePath(report.folder, before, after), true, false),
            ),
          ]
        : [],
    ),
    page('report-schema', paths.assetPath(REPORT_SCHEMA_FILE), false, false),
    page('report-schema', paths.assetPath(REPORT_SCHEMA_V1_FILE), false, false),
    page('changes', paths.assetPath(CHANGES_FILE), false, false),
    page('search-data', paths.assetPath(SEARCH_INDICATORS), false, false),
    ...indicators.map((id) =>
      page('search-data', paths.assetPath(searchFiguresFile(id)), false, false),
    ),
    page('feed', paths.assetPath(FEED_FILE), false, false),
    page('sitemap', paths.assetPath(SITEMAP_FILE), false, false),
    page('robots', paths.assetPath(ROBOTS_FILE), false, false),
  ];
}

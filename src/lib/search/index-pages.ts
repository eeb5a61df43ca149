/**
 * The search index reads one built page per report, `reports/<folder>/index.html`. These helpers
 * let the index start on those pages while the rest of the site is still being generated.
 */

/**
 * A page to generate, as the site generator lists them: its address, its route's type and its
 * cache key (src/data/page-keys.ts).
 */
export interface PagePath {
  pathname: string;
  route: { type: string };
  cacheKey?: string | undefined;
}

/**
 * The cache key of a report's pages, `<year>.<digest>`: the year first, so that the search index
 * knows each report page's year before the page is written (reportPageYear).
 */
export function reportPagesCacheKey(year: number, digest: string): string {
  return `${year}.${digest}`;
}

/** The year of the report page at `path`, from its cache key; undefined when it has none. */
export function reportPageYear(path: PagePath): number | undefined {
  const year = /^(\d{4})\./.exec(path.cacheKey ?? '')?.[1];
  return year === undefined ? undefined : Number(year);
}

/**
 * The folder of the report page at `path` (an HTML page at `/reports/<folder>/`), or undefined for
 * any other page or file (`/reports/<folder>.json` among them).
 */
export function reportPageFolder(path: PagePath): string | undefined {
  if (path.route.type !== 'page') return undefined;
  return /^\/?reports\/([^/]+)\/?$/.exec(path.pathname)?.[1];
}

/** The folder of a built report page from its file's path under the output folder, URL-encoded or not. */
export function reportFileFolder(outputFile: string): string | undefined {
  let file: string;
  try {
    file = decodeURI(outputFile);
  } catch {
    return undefined;
  }
  return /^reports\/([^/]+)\/index\.html$/.exec(file)?.[1];
}

/**
 * The pages to generate, report pages first, newest year first (else in their own order), then
 * the rest in its own order: the search index has all it reads early, and each group of years
 * whole as soon as can be. Unchanged when a report page's address is given twice: the site
 * generator keeps the first of two pages at one address, which order would then decide.
 */
export function reportPagesFirst<P extends PagePath>(paths: readonly P[]): P[] {
  const address = (path: P) => path.pathname.replace(/\/+$/, '');
  const count = new Map<string, number>();
  for (const path of paths) count.set(address(path), (count.get(address(path)) ?? 0) + 1);
  const isReport = (path: P) => reportPageFolder(path) !== undefined;
  if (paths.some((path) => isReport(path) && count.get(address(path))! > 1)) return [...paths];
  const newestFirst = (a: P, b: P) => (reportPageYear(b) ?? -1) - (reportPageYear(a) ?? -1);
  return [...paths.filter(isReport).sort(newestFirst), ...paths.filter((path) => !isReport(path))];
}

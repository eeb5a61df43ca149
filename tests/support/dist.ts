import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.resolve(ROOT, process.env['DIST_DIR'] ?? 'dist');

/** Fails early with a clear message when the build tier runs without a build. */
export function assertBuilt(dist = DIST): void {
  if (!existsSync(path.join(dist, 'index.html')))
    throw new Error(`${dist}/index.html is missing: run \`npm run build\` before the build tests`);
}

/** Every HTML file of the built site, as paths relative to dist (e.g. reports/x/index.html). */
export function htmlFiles(dist = DIST): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(full);
      } else if (entry.name.endsWith('.html')) out.push(path.relative(dist, full));
    }
  };
  walk(dist);
  return out.sort();
}

/**
 * A report's own page or one of its section pages: the pages readers share, with a QR code and
 * the current text. A report's 修订记录 (editions/), earlier editions and comparisons (compare/)
 * live beside its sections and are not among them.
 */
export const REPORT_OR_SECTION_PAGE =
  /^reports\/[^/]+\/(?!(?:editions|compare)\/)(?:[^/]+\/)?index\.html$/;
/** A section's own page (current edition). */
export const SECTION_PAGE = /^reports\/[^/]+\/(?!(?:editions|compare)\/)[^/]+\/index\.html$/;

/** The URL path a built file is served at: reports/x/index.html → /reports/x/. */
export function urlPathOf(file: string): string {
  return `/${file.replace(/index\.html$/, '').replace(/\.html$/, '')}`;
}

const cache = new Map<string, CheerioAPI>();
export function page(file: string, dist = DIST): CheerioAPI {
  const key = path.join(dist, file);
  let $ = cache.get(key);
  if (!$) {
    $ = load(readFileSync(key, 'utf8'));
    cache.set(key, $);
  }
  return $;
}

/** Report folders under content/reports, the source of truth for which report pages must exist. */
export function reportFolders(): string[] {
  const dir = path.join(ROOT, 'content/reports');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

import type { APIRoute } from 'astro';
import { readerPages } from '../data/pages.ts';
import { indicatorList } from '../data/figures.ts';
import { assetPath, dataPath, indicatorPath } from '../lib/addresses/site-paths.ts';
import { absoluteUrl, FIGURES_FILES, indicatorCsvFile } from '../lib/addresses/urls.ts';
import { sitemapXml } from '../node/sitemap.ts';

// The pages of the page model (src/data/pages.ts) a reader would land on, then the key figures:
// the overview, each indicator's page and the downloads they list.
export const GET: APIRoute = async ({ site }) => {
  const figures = [
    dataPath(),
    assetPath(FIGURES_FILES.csv),
    assetPath(FIGURES_FILES.json),
    ...indicatorList().flatMap((indicator) => [
      indicatorPath(indicator.id),
      assetPath(indicatorCsvFile(indicator.id)),
    ]),
  ].map((path): { path: string; lastmod?: string } => ({ path }));
  const pages = [...(await readerPages()), ...figures].map(({ path, lastmod }) => ({
    url: absoluteUrl(site!, path),
    ...(lastmod ? { lastmod } : {}),
  }));
  return new Response(await sitemapXml(pages), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};

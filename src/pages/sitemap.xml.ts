import type { APIRoute } from 'astro';
import { readerPages } from '../data/pages.ts';
import { absoluteUrl } from '../lib/addresses/urls.ts';
import { sitemapXml } from '../node/sitemap.ts';

// The pages of the page model (src/data/pages.ts) a reader would land on.
export const GET: APIRoute = async ({ site }) => {
  const pages = (await readerPages()).map(({ path, lastmod }) => ({
    url: absoluteUrl(site!, path),
    ...(lastmod ? { lastmod } : {}),
  }));
  return new Response(await sitemapXml(pages), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};

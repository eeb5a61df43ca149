import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise } from 'sitemap';

/** A sitemaps.org document for absolute page URLs, written by the `sitemap` library. */
export async function sitemapXml(
  pages: readonly { url: string; lastmod?: string }[],
): Promise<string> {
  const stream = new SitemapStream({
    // Publication dates are days: 2024-03-22, not a midnight in some time zone.
    lastmodDateOnly: true,
    xmlns: { news: false, xhtml: false, image: false, video: false },
  });
  const xml = await streamToPromise(Readable.from(pages.map((page) => ({ ...page }))).pipe(stream));
  return xml.toString('utf8');
}

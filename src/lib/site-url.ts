/**
 * The site's public address is one value, SITE_URL (e.g. https://www.example.gov.cn/fzzf/):
 * its origin is Astro's `site`, its path the `base` every internal link starts with.
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321/';

export function siteUrl(value: string | undefined = DEFAULT_SITE_URL): {
  site: string;
  base: string;
} {
  let url: URL;
  try {
    url = new URL(value || DEFAULT_SITE_URL);
  } catch {
    throw new Error(
      `SITE_URL must be an absolute http(s) URL such as https://www.example.gov.cn/fzzf/, got "${value}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL must use http or https, got "${value}"`);
  }
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { site: url.origin, base };
}

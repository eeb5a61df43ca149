import type { APIRoute } from 'astro';
import { assetPath } from '../lib/addresses/site-paths.ts';
import { SITEMAP_FILE, absoluteUrl } from '../lib/addresses/urls.ts';

// Written at build time so that the sitemap's address follows SITE_URL.
export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site!, assetPath(SITEMAP_FILE))}\n`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );

import type { APIRoute } from 'astro';
import { BASE, sitePaths } from '../lib/addresses/site-paths.ts';
import { SITEMAP_FILE, absoluteUrl } from '../lib/addresses/urls.ts';
import { robotsTxt } from '../lib/portal/robots.ts';

// Written at build time so that the sitemap's address follows SITE_URL.
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(absoluteUrl(site!, sitePaths.assetPath(SITEMAP_FILE)), BASE), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

import type { APIRoute } from 'astro';
import { BASE } from '../../lib/addresses/site-paths.ts';
import { REPORT_SCHEMA_FILE, absoluteUrl, assetPath } from '../../lib/addresses/urls.ts';
import { reportJsonSchema } from '../../schemas/open-data.ts';

// The file name is fixed by REPORT_SCHEMA_FILE; this route's name must match it.
export const GET: APIRoute = ({ site }) =>
  new Response(
    `${JSON.stringify(reportJsonSchema(absoluteUrl(site!, assetPath(BASE, REPORT_SCHEMA_FILE)), 2), null, 1)}\n`,
    { headers: { 'Content-Type': 'application/schema+json' } },
  );

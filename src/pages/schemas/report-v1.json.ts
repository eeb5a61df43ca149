import type { APIRoute } from 'astro';
import { BASE } from '../../lib/addresses/site-paths.ts';
import { REPORT_SCHEMA_V1_FILE, absoluteUrl, assetPath } from '../../lib/addresses/urls.ts';
import { reportJsonSchema } from '../../schemas/open-data.ts';

// The file name is fixed by REPORT_SCHEMA_V1_FILE; this route's name must match it. Copies of
// reports saved while version 1 was current name this address.
export const GET: APIRoute = ({ site }) =>
  new Response(
    `${JSON.stringify(reportJsonSchema(absoluteUrl(site!, assetPath(BASE, REPORT_SCHEMA_V1_FILE)), 1), null, 1)}\n`,
    { headers: { 'Content-Type': 'application/schema+json' } },
  );

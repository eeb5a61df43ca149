import type { APIRoute, GetStaticPaths } from 'astro';
import { reportDataFiles } from '../../data/open-data.ts';
import { partRoutes, reportPages } from '../../data/pages.ts';
import type { Report } from '../../data/reports.ts';
import { BASE } from '../../lib/addresses/site-paths.ts';

// A build writes this file from the report's sheet (src/pages/section-sheets/[report].astro),
// which spares Astro a page per file; the live preview serves it from here.
export const getStaticPaths = (async () =>
  import.meta.env.DEV ? partRoutes(await reportPages()) : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: Report }> = ({ props, site }) =>
  new Response(reportDataFiles(props.report, site!, BASE).json, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

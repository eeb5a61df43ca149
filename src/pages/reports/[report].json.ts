import type { APIRoute, GetStaticPaths } from 'astro';
import { reportTextInput } from '../../data/open-data.ts';
import { partRoutes, reportPages } from '../../data/pages.ts';
import type { Report } from '../../data/reports.ts';
import { BASE } from '../../lib/addresses/site-paths.ts';
import { reportDocument } from '../../lib/portal/open-data.ts';

export const getStaticPaths = (async () =>
  partRoutes(await reportPages())) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: Report }> = ({ props, site }) =>
  new Response(`${JSON.stringify(reportDocument(reportTextInput(props.report, site!, BASE)))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

import type { APIRoute, GetStaticPaths } from 'astro';
import { reportTextInput } from '../../data/open-data.ts';
import { reportPages } from '../../data/pages.ts';
import type { Report } from '../../data/reports.ts';
import { BASE } from '../../lib/addresses/site-paths.ts';
import { reportDocument } from '../../lib/portal/open-data.ts';

export const getStaticPaths = (async () =>
  (await reportPages()).map(({ params, props }) => ({ params, props }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: Report }> = ({ props, site }) =>
  new Response(`${JSON.stringify(reportDocument(reportTextInput(props.report, site!, BASE)))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

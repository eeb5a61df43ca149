import type { APIRoute, GetStaticPaths } from 'astro';
import { reportTextInput } from '../../data/open-data.ts';
import { inPart } from '../../data/part.ts';
import { reportPagesKey } from '../../data/page-keys.ts';
import { reportPages } from '../../data/pages.ts';
import { type Report, loadReports } from '../../data/reports.ts';
import { BASE } from '../../lib/addresses/site-paths.ts';
import { reportDocument, reportPlainText } from '../../lib/portal/open-data.ts';

export const getStaticPaths = (async () => {
  const reports = await loadReports();
  return (await reportPages())
    .filter(({ props }) => inPart(props.report))
    .map(({ params, props }) => ({
      params,
      props,
      cacheKey: reportPagesKey(props.report, reports),
    }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: Report }> = ({ props, site }) =>
  new Response(
    reportPlainText(reportDocument(reportTextInput(props.report, site!, BASE)), props.report),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );

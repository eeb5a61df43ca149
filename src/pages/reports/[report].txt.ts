import type { APIRoute, GetStaticPaths } from 'astro';
import { reportTextInput } from '../../data/open-data.ts';
import { inPart } from '../../data/part.ts';
import { reportPagesKey } from '../../data/page-keys.ts';
import { type Report, loadReports } from '../../data/reports.ts';
import { BASE } from '../../lib/addresses/site-paths.ts';
import { reportDocument, reportPlainText } from '../../lib/portal/open-data.ts';

export const getStaticPaths = (async () => {
  const reports = await loadReports();
  return reports
    .filter((report) => inPart(report))
    .map((report) => ({
      params: { report: report.folder },
      props: { report },
      cacheKey: reportPagesKey(report, reports),
    }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ report: Report }> = ({ props, site }) =>
  new Response(
    reportPlainText(reportDocument(reportTextInput(props.report, site!, BASE)), props.report.data),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );

import type { APIRoute, GetStaticPaths } from 'astro';
import { figureDownloadRows, indicatorList } from '../../data/figures.ts';
import { toCsv } from '../../lib/figures/csv.ts';

export const getStaticPaths = (() =>
  indicatorList().map((indicator) => ({
    params: { indicator: indicator.id },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params }) =>
  new Response(
    toCsv((await figureDownloadRows(site!)).filter((row) => row.indicator === params['indicator'])),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );

import type { APIRoute } from 'astro';
import { figureDownloadRows } from '../../data/figures.ts';
import { toCsv } from '../../lib/figures/csv.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(await figureDownloadRows(site!)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });

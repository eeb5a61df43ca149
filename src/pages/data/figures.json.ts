import type { APIRoute } from 'astro';
import { figureDownloadRows } from '../../data/figures.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(await figureDownloadRows(site!))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

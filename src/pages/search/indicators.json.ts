import type { APIRoute } from 'astro';
import { indicatorList } from '../../data/figures.ts';
import type { SearchIndicator } from '../../lib/search/figures.ts';

// The wordings the search recognises as an indicator; each one's figures are a file of their own
// (figures/<id>.json), fetched only when a query names it.
export const GET: APIRoute = () => {
  const data: SearchIndicator[] = indicatorList().map(({ id, name, unit, synonyms }) => ({
    id,
    name,
    unit,
    synonyms,
  }));
  return new Response(JSON.stringify(data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

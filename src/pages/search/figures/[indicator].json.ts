import type { APIRoute, GetStaticPaths } from 'astro';
import { indicatorList, loadFigures } from '../../../data/figures.ts';
import { sitePaths } from '../../../lib/addresses/site-paths.ts';
import type { SearchFigure } from '../../../lib/search/figures.ts';

export const getStaticPaths = (() =>
  indicatorList().map((indicator) => ({
    params: { indicator: indicator.id },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { figures } = await loadFigures();
  const data: SearchFigure[] = figures
    .filter((figure) => figure.indicator === params['indicator'])
    .map((figure) => ({
      agency: figure.agencyName,
      agencyShort: figure.agencyShortName,
      year: figure.year,
      value: figure.value,
      ...(figure.approx ? { approx: true as const } : {}),
      excerpt: figure.excerpt,
      url: sitePaths.sectionAnchorPath(figure.folder, figure.paragraph),
    }));
  return new Response(JSON.stringify(data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

import { searchUi } from '../i18n/search.ts';
import { sitePaths } from '../lib/addresses/site-paths.ts';
import { SEARCH_INDICATORS, searchFiguresFile } from '../lib/addresses/urls.ts';
import {
  answerFigures,
  indicatorOf,
  type SearchFigure,
  type SearchIndicator,
} from '../lib/search/figures.ts';
import { formatValue } from '../lib/figures/values.ts';

/**
 * The figures answering a query that names an indicator, as list items: agency, year, value
 * and the words of the sentence that state it, linked to its paragraph. The indicators' wordings are fetched once; an
 * indicator's figures only when a query names it.
 */
let indicators: Promise<SearchIndicator[]> | undefined;
const figures = new Map<string, Promise<SearchFigure[]>>();

const json = <T>(file: string, fallback: T): Promise<T> =>
  fetch(sitePaths.assetPath(file))
    .then((response) => (response.ok ? (response.json() as Promise<T>) : fallback))
    .catch(() => fallback);

export async function figureAnswer(query: string, limit: number): Promise<HTMLLIElement[]> {
  indicators ??= json<SearchIndicator[]>(SEARCH_INDICATORS, []);
  const named = indicatorOf(query, await indicators);
  if (!named) return [];
  const { indicator, wording } = named;
  let own = figures.get(indicator.id);
  if (!own) {
    own = json<SearchFigure[]>(searchFiguresFile(indicator.id), []);
    figures.set(indicator.id, own);
  }
  return answerFigures(query, wording, await own)
    .slice(0, limit)
    .map((figure) => figureItem(figure, indicator));
}

function figureItem(figure: SearchFigure, indicator: SearchIndicator): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-figure';
  const link = document.createElement('a');
  link.href = figure.url;
  const line = document.createElement('span');
  line.className = 'search-figure-line';
  const value = document.createElement('strong');
  value.className = 'search-figure-value';
  value.textContent = formatValue(figure.value, indicator.unit, figure.approx);
  line.append(
    searchUi['search.figureOf']
      .replace('{agency}', figure.agencyShort)
      .replace('{year}', String(figure.year))
      .replace('{indicator}', indicator.name),
    value,
  );
  const excerpt = document.createElement('span');
  excerpt.className = 'search-figure-excerpt';
  excerpt.textContent = figure.excerpt;
  link.append(line, excerpt);
  item.append(link);
  return item;
}

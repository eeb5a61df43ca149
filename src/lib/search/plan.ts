import { phrasesOf, wordsOf } from './rank.ts';

/**
 * How a query becomes engine searches and how their answers become candidates. Pure: the
 * search page and the search box run it on Pagefind's answers; the tests run it on fixtures.
 */

/** Engine searches per query: the wordings, their phrases and their longer words. */
export const MAX_ENGINE_SEARCHES = 16;

/**
 * Pagefind wants every word of a search: a wording's phrases and longer words are searched
 * alone too, so a section holding most of a long query is still a candidate.
 */
export function planSearches(wordings: readonly string[]): string[] {
  const searches: string[] = [];
  const add = (text: string) => {
    if (text && !searches.includes(text) && searches.length < MAX_ENGINE_SEARCHES)
      searches.push(text);
  };
  for (const wording of wordings) add(wording);
  for (const wording of wordings) for (const phrase of phrasesOf(wording)) add(phrase);
  for (const wording of wordings)
    for (const phrase of phrasesOf(wording))
      for (const word of wordsOf(phrase)) if ([...word].length >= 2) add(word);
  if (searches.length === wordings.length)
    for (const wording of wordings) for (const word of wordsOf(wording)) add(word);
  return searches;
}

export interface EngineHit<R> {
  result: R;
  /** Characters of the searches that found it: a section found by longer searches comes first. */
  weight: number;
  /** Its best position in any one search. */
  best: number;
}

/**
 * Merges the answers of planSearches' searches into one candidate order, and counts the
 * sections that match: those the wordings themselves find (all of Pagefind's answers, not a
 * window), or, when no wording is found whole, those any search finds.
 */
export function mergeEngineHits<R extends { id: string }>(
  searches: readonly string[],
  answers: readonly (readonly R[])[],
  wordingCount: number,
): { hits: EngineHit<R>[]; count: number } {
  const hits = new Map<string, EngineHit<R>>();
  const whole = new Set<string>();
  answers.forEach((results, i) => {
    const weight = [...(searches[i] ?? '')].length;
    for (const [rank, result] of results.entries()) {
      if (i < wordingCount) whole.add(result.id);
      const hit = hits.get(result.id);
      if (hit) {
        hit.weight += weight;
        hit.best = Math.min(hit.best, rank);
      } else hits.set(result.id, { result, weight, best: rank });
    }
  });
  const ordered = [...hits.values()].sort((a, b) => b.weight - a.weight || a.best - b.best);
  return { hits: ordered, count: whole.size || ordered.length };
}

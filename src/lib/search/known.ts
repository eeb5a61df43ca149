import type { SearchScopeData } from './index-contract.ts';
import {
  hasTraditional,
  looksLikePinyin,
  normaliseDates,
  normaliseQuery,
  stripQuestion,
} from './query.ts';
import {
  fold,
  phrasesOf,
  rankSections,
  type RankedSection,
  type SectionCandidate,
} from './rank.ts';
import { namedReport } from './report-sections.ts';
import { scopeAttempts, type Filters, type ScopeKeys } from './scope.ts';

/**
 * Suggestions from what the page already holds: the sections whose texts were fetched for the
 * queries typed before this one. On a slow connection the engine's answer to a new letter is an
 * index file and then section texts away; the sections fetched for the shorter query that hold
 * the whole new query can be shown the moment the key is pressed. Pure: the search box keeps
 * the sections, the tests run it on fixtures.
 */

/** Sections kept per filters: enough for a few queries' suggestions, few enough to scan per key. */
export const KNOWN_SECTIONS = 200;

/** The text and filters the engine searches first for `raw`, when it searches it as typed. */
export interface TypedAttempt {
  text: string;
  filters: Filters;
}

/**
 * What the engine will search first for `raw`, or undefined when it reads the query another way
 * before searching (pinyin, Traditional characters, a named report from its own data, scope
 * words alone): sections fetched for other text then say nothing about this query.
 */
export function typedAttempt(
  raw: string,
  scope: SearchScopeData,
  keys: ScopeKeys,
  chosen: Filters = {},
): TypedAttempt | undefined {
  const query = normaliseDates(stripQuestion(normaliseQuery(raw)));
  const attempt = query ? scopeAttempts(query, keys, chosen)[0] : undefined;
  if (!attempt?.text || attempt.partOnly || namedReport(scope, attempt.filters)) return undefined;
  if (looksLikePinyin(attempt.text) || hasTraditional(attempt.text, scope.traditional ?? ''))
    return undefined;
  return { text: attempt.text, filters: attempt.filters };
}

/**
 * Sections whose texts have been fetched, by the filters of the search that found them, newest
 * last; the oldest go once there are more than `limit` for the same filters.
 */
export class KnownSections<T extends SectionCandidate> {
  readonly #byFilters = new Map<string, Map<string, T>>();

  constructor(private readonly limit = KNOWN_SECTIONS) {}

  remember(filters: Filters, candidates: readonly T[]): void {
    const key = filtersKey(filters);
    let known = this.#byFilters.get(key);
    if (!known) this.#byFilters.set(key, (known = new Map()));
    for (const candidate of candidates) {
      known.delete(candidate.url);
      known.set(candidate.url, candidate);
    }
    for (const url of known.keys()) {
      if (known.size <= this.limit) break;
      known.delete(url);
    }
  }

  /** The sections found within exactly these filters holding `attempt.text` (knownMatches). */
  matching(attempt: TypedAttempt, limit: number): RankedSection<T>[] {
    const known = this.#byFilters.get(filtersKey(attempt.filters));
    return known ? knownMatches([...known.values()], attempt.text, limit) : [];
  }
}

/** The same filters give the same key whatever order their fields were set in. */
function filtersKey(filters: Filters): string {
  return JSON.stringify(Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Folded heading and text of each section: the same object is scanned at every key press. */
const folded = new WeakMap<SectionCandidate, { heading: string; body: string }>();

/**
 * The sections among `known` that hold every phrase of `query` whole, in heading or text,
 * ranked as rankSections ranks the engine's answer. A section holding only part of the query is
 * left out, so nothing shown is a leftover of the previous query. A section comes once, however
 * many searches fetched it.
 */
export function knownMatches<T extends SectionCandidate>(
  known: readonly T[],
  query: string,
  limit: number,
): RankedSection<T>[] {
  const phrases = phrasesOf(query);
  if (!phrases.length || limit <= 0) return [];
  const seen = new Set<string>();
  const holding = known.filter((candidate) => {
    if (seen.has(candidate.url)) return false;
    seen.add(candidate.url);
    let texts = folded.get(candidate);
    if (!texts) {
      texts = {
        heading: fold(candidate.heading).text,
        body: fold(candidate.content.slice(candidate.heading.length)).text,
      };
      folded.set(candidate, texts);
    }
    const { heading, body } = texts;
    return phrases.every((phrase) => heading.includes(phrase) || body.includes(phrase));
  });
  return rankSections(holding, [query]).slice(0, limit);
}

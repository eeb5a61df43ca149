import { BASE, sitePaths } from '../lib/addresses/site-paths.ts';
import {
  PAGEFIND_DIR,
  PAGEFIND_ENGINE,
  pinyinLexiconFile,
  SEARCH_SCOPE,
} from '../lib/addresses/urls.ts';
import type { SearchScopeData } from '../lib/search/index-contract.ts';
import { type EngineHit, mergeEngineHits, planSearches } from '../lib/search/plan.ts';
import {
  expandSynonyms,
  hasTraditional,
  looksLikePinyin,
  normaliseDates,
  pinyinLettersNeeded,
  normaliseQuery,
  readPinyin,
  stripQuestion,
  type PinyinLexicon,
  type SynonymGroup,
} from '../lib/search/query.ts';
import {
  parseOffsets,
  rankSections,
  type RankedSection,
  type SectionCandidate,
} from '../lib/search/rank.ts';
import {
  namedReport,
  rankReportSections,
  reportSectionCandidates,
  type ReportSectionsData,
} from '../lib/search/report-sections.ts';
import { scopeAttempts, scopeKeys, type Filters, type ScopeKeys } from '../lib/search/scope.ts';
import type { YearIndexes } from './search-indexes.ts';

/**
 * The search as the browser runs it, for the results page (search.ts) and the box on every page
 * (search-combobox.ts): loads Pagefind and the small data files once, turns a query into engine
 * searches (src/lib/search/), and fetches section texts only for the results about to be shown.
 */

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  preload(term: string, options?: { filters?: Filters }): Promise<void>;
  search(
    query: string | null,
    options?: { filters?: Filters },
  ): Promise<{ results: PagefindResult[] } | null>;
}

export interface Candidate extends SectionCandidate {
  title: string;
  part: string;
  section: string;
  /** Position in its report's reading order, as the index gives it. */
  order: number;
}

export interface SearchPage {
  /** Matching sections in all, not only those shown. */
  count: number;
  /**
   * The engine segments Chinese its own way, so until every candidate's text has been checked
   * the count is the engine's (about right); then it is exact.
   */
  exact: boolean;
  ranked: RankedSection<Candidate>[];
  /** The next results, until there are none. */
  more: (() => Promise<RankedSection<Candidate>[]>) | undefined;
  /** How a Latin query was read as pinyin, if it was. */
  pinyin: string | undefined;
}

export interface EngineOptions {
  indexTag?: string;
  /** The scope file, when the page has started fetching it already. */
  scope?: Promise<SearchScopeData>;
  synonyms?: SynonymGroup[];
  /** Called with the sections whose texts a search fetched, and the filters it searched within. */
  onTexts?: (filters: Filters, candidates: Candidate[]) => void;
}

export class SearchEngine {
  #pagefind: Promise<Pagefind> | undefined;
  #years: Promise<YearIndexes | undefined> | undefined;
  #lexicon = new Map<string, Promise<PinyinLexicon>>();
  #scopeData: Promise<SearchScopeData> | undefined;
  #scope: Promise<ScopeKeys> | undefined;
  #reports = new Map<string, Promise<ReportSectionsData>>();
  #traditional: Promise<string> | undefined;
  #toSimplified: Promise<(text: string) => string> | undefined;
  #data = new Map<string, Promise<PagefindData>>();
  #answers = new Map<string, Promise<{ results: PagefindResult[] } | null>>();
  ready = false;

  constructor(private readonly options: EngineOptions = {}) {}

  /** The scope file (agencies, years, index files), fetched once. */
  #loadScope(): Promise<SearchScopeData> {
    const empty: SearchScopeData = { agencies: [], years: [] };
    this.#scopeData ??= (this.options.scope ?? loadScope()).catch(() => empty);
    this.#scope ??= this.#scopeData.then(scopeKeys);
    this.#traditional ??= this.#scopeData.then((scope) => scope.traditional ?? '');
    return this.#scopeData;
  }

  /** Starts the engine and the scope list; safe to call on every keystroke. */
  load(): Promise<Pagefind> {
    const data = this.#loadScope();
    this.#pagefind ??= Promise.all([
      import(/* @vite-ignore */ sitePaths.assetPath(PAGEFIND_ENGINE)),
      data,
    ]).then(async ([pagefind, scope]: [Pagefind, SearchScopeData]) => {
      const tag = this.options.indexTag || scope.index?.tag;
      // The engine's first files all at once (entry, WebAssembly, metadata), not as a chain.
      for (const file of scope.index?.files ?? [])
        void fetch(sitePaths.assetPath(PAGEFIND_DIR + file)).catch(() => {});
      // The worker would cost another script download before the first answer.
      await pagefind.options({
        baseUrl: BASE,
        noWorker: true,
        ...(tag ? { metaCacheTag: tag } : {}),
      });
      await pagefind.init();
      this.ready = true;
      return pagefind;
    });
    return this.#pagefind;
  }

  /** On a site indexed by year (or built in parts), its indexes; undefined on one index. */
  #yearIndexes(): Promise<YearIndexes | undefined> {
    this.#years ??= this.#loadScope().then(async (scope) =>
      (scope.indexes?.length ?? 0) > 1
        ? new (await import('./search-indexes.ts')).YearIndexes(scope, () => this.load())
        : undefined,
    );
    return this.#years;
  }

  /** The engine for a search within `filters`: a named year's own index, or the merged one. */
  async #engineFor(filters: Filters): Promise<{ pagefind: Pagefind; filters: Filters }> {
    return (
      (await (await this.#yearIndexes())?.engineFor(filters)) ?? {
        pagefind: await this.load(),
        filters,
      }
    );
  }

  /** The lexicon files `query` needs (one per letter, see pinyinLettersNeeded), merged. */
  async #loadLexicon(query: string): Promise<PinyinLexicon> {
    const merged = { spell: {}, initials: {} };
    const loaded = new Set<string>();
    for (;;) {
      const letters = [...pinyinLettersNeeded(query, merged)].filter((l) => !loaded.has(l));
      if (!letters.length) return merged;
      const parts = await Promise.all(letters.map((letter) => this.#lexiconPart(letter)));
      for (const letter of letters) loaded.add(letter);
      for (const part of parts) {
        Object.assign(merged.spell, part.spell);
        Object.assign(merged.initials, part.initials);
      }
    }
  }

  #lexiconPart(letter: string): Promise<PinyinLexicon> {
    const empty: PinyinLexicon = { spell: {}, initials: {} };
    let part = this.#lexicon.get(letter);
    if (!part) {
      part = fetch(sitePaths.assetPath(pinyinLexiconFile(letter)))
        .then((r) => (r.ok ? (r.json() as Promise<PinyinLexicon>) : empty))
        .catch(() => empty);
      this.#lexicon.set(letter, part);
    }
    return part;
  }

  /** A report's open data (/reports/<folder>.json): its sections, for a query that names it. */
  #loadReport(folder: string): Promise<ReportSectionsData> {
    let report = this.#reports.get(folder);
    if (!report) {
      report = fetch(sitePaths.reportDataPath(folder, 'json')).then((r) =>
        r.ok
          ? (r.json() as Promise<ReportSectionsData>)
          : Promise.reject(new Error(String(r.status))),
      );
      this.#reports.set(folder, report);
      report.catch(() => this.#reports.delete(folder));
    }
    return report;
  }

  #loadConverter(): Promise<(text: string) => string> {
    this.#toSimplified ??= import('../lib/search/traditional.ts').then((m) => m.toSimplified);
    return this.#toSimplified;
  }

  async #engineSearch(text: string | null, chosen: Filters, signal?: AbortSignal) {
    const { pagefind, filters } = await this.#engineFor(chosen);
    // The engine may have taken a while to load: a query typed over by now searches nothing.
    signal?.throwIfAborted();
    // Never while an index is being merged in: the answer names the indexes it covers.
    const merged = await (await this.#yearIndexes())?.merged();
    const key = JSON.stringify([text, chosen, merged]);
    let answer = this.#answers.get(key);
    if (!answer) {
      if (this.#answers.size > 500) this.#answers.clear();
      answer = pagefind.search(text, { filters });
      this.#answers.set(key, answer);
      answer.catch(() => this.#answers.delete(key));
    }
    return answer;
  }

  #dataOf(result: PagefindResult): Promise<PagefindData> {
    let data = this.#data.get(result.id);
    if (!data) this.#data.set(result.id, (data = result.data()));
    return data;
  }

  async #candidate(result: PagefindResult, engineRank: number): Promise<Candidate> {
    const data = await this.#dataOf(result);
    return {
      url: data.url,
      heading: data.meta['heading'] ?? '',
      // Pagefind stores content with its word breaks as zero-width spaces.
      content: data.content.replaceAll('\u200b', ''),
      paragraphs: parseOffsets(data.meta['paragraphs']),
      engineRank,
      title: data.meta['title'] ?? '',
      part: data.meta['part'] ?? '',
      section: data.meta['section'] ?? '',
      order: Number(data.meta['order'] ?? 0),
    };
  }

  /** The wordings to search for: as typed, in Simplified characters, from pinyin, and synonyms. */
  async #wordings(query: string): Promise<{ wordings: string[]; pinyin?: string }> {
    const forms = [query];
    let reading: string | undefined;
    if (hasTraditional(query, (await this.#traditional) ?? ''))
      forms.unshift(normaliseQuery((await this.#loadConverter())(query)));
    if (looksLikePinyin(query)) {
      const read = readPinyin(query, await this.#loadLexicon(query));
      if (read) {
        forms.unshift(read.text);
        reading = read.text;
      }
    }
    const out: string[] = [];
    for (const form of forms)
      for (const variant of expandSynonyms(form, this.options.synonyms ?? []))
        if (!out.includes(variant)) out.push(variant);
    return { wordings: out.slice(0, 8), ...(reading ? { pinyin: reading } : {}) };
  }

  /**
   * Searches `raw` within the reader's filters; `window` results are fetched and ranked at a time.
   * Once `signal` aborts (the reader typed on), no more engine searches or section texts are
   * fetched for this query, and the search rejects with the signal's reason.
   */
  async search(
    raw: string,
    chosen: Filters,
    window: number,
    signal?: AbortSignal,
  ): Promise<SearchPage | undefined> {
    const query = normaliseDates(stripQuestion(normaliseQuery(raw)));
    if (!query) return undefined;
    const scope = await this.#loadScope();
    const keys = await this.#scope!;
    let reading: string | undefined;
    for (const attempt of scopeAttempts(query, keys, chosen)) {
      const folder = namedReport(scope, attempt.filters);
      const report = folder ? await this.#loadReport(folder).catch(() => undefined) : undefined;
      if (report) {
        // One report named: its sections are ranked from its own data, without the index.
        const candidates = reportSectionCandidates(report, BASE, attempt.filters);
        let ranked: RankedSection<Candidate>[];
        if (attempt.partOnly || !attempt.text) {
          ranked = candidates.map((candidate) => ({
            candidate,
            score: 1,
            href: candidate.url,
            excerpt: [],
            pieces: [],
          }));
        } else {
          const { wordings, pinyin } = await this.#wordings(attempt.text);
          reading ??= pinyin;
          ranked = rankReportSections(candidates, wordings);
        }
        if (!ranked.length) continue;
        const result: SearchPage = {
          count: ranked.length,
          exact: true,
          ranked: ranked.slice(0, window),
          more: undefined,
          pinyin: attempt.partOnly || !attempt.text ? undefined : reading,
        };
        if (ranked.length > window)
          result.more = () => {
            result.more = undefined;
            return Promise.resolve(ranked.slice(window));
          };
        return result;
      }
      if (attempt.partOnly || !attempt.text) {
        // Only scope words: the scope's sections in reading order (a part's own heading first),
        // from every index.
        const years = await this.#yearIndexes();
        if (years?.grows(attempt.filters)) while (await years.mergeNext());
        const all = await this.#engineSearch(null, attempt.filters);
        const results = all?.results ?? [];
        if (!results.length) continue;
        const candidates = await Promise.all(
          results.slice(0, 40).map((result, i) => this.#candidate(result, i)),
        );
        candidates.sort((a, b) => a.order - b.order);
        const ranked = candidates.slice(0, window).map((candidate) => ({
          candidate,
          score: 1,
          href: candidate.url,
          excerpt: [],
          pieces: [],
        }));
        return { count: results.length, exact: true, ranked, more: undefined, pinyin: undefined };
      }
      const { wordings, pinyin } = await this.#wordings(attempt.text);
      reading ??= pinyin;
      const searches = planSearches(wordings);
      const answer = async () => {
        const answers = await Promise.all(
          searches.map((text) => this.#engineSearch(text, attempt.filters, signal)),
        );
        return mergeEngineHits(
          searches,
          answers.map((answer) => answer?.results ?? []),
          wordings.length,
        );
      };
      // A query scoped to a year searches that year's index; any other, on a site indexed by
      // year, the newest index first, then older ones merged in as the reader asks for more.
      const years = await this.#yearIndexes();
      const growing = years?.grows(attempt.filters) ? years : undefined;
      const hits: EngineHit<PagefindResult>[] = [];
      const seen = new Set<string>();
      let count = 0;
      /** Adds the hits not seen yet, merging older indexes until there are `want` or no more. */
      const grow = async (want: number): Promise<void> => {
        for (;;) {
          const answered = await answer();
          for (const hit of answered.hits)
            if (!seen.has(hit.result.id)) {
              seen.add(hit.result.id);
              hits.push(hit);
            }
          count = Math.round(answered.count / (growing?.share() ?? 1));
          if (hits.length >= want || !(await growing?.mergeNext())) return;
        }
      };
      const complete = () => growing?.complete ?? true;
      await grow(window);
      if (!hits.length) continue;
      // Section texts are the bytes that queue on a slow connection: none for a query typed over.
      signal?.throwIfAborted();
      let next = 0;
      let kept = 0;
      const result: SearchPage = {
        count,
        exact: false,
        ranked: [],
        more: undefined,
        pinyin: reading,
      };
      const page = async () => {
        if (next + window > hits.length && (await growing?.mergeNext())) await grow(next + window);
        const slice = hits.slice(next, next + window);
        const from = next;
        next += slice.length;
        const candidates = await Promise.all(
          slice.map(({ result }, i) => this.#candidate(result, from + i)),
        );
        this.options.onTexts?.(attempt.filters, candidates);
        const ranked = rankSections(candidates, wordings);
        kept += ranked.length;
        // Every candidate checked: the count is what the texts hold, not the engine's guess.
        if (next >= hits.length && complete())
          Object.assign(result, { count: kept, exact: true, more: undefined });
        else result.count = Math.max(count, kept);
        return ranked;
      };
      result.ranked = await page();
      if (next < hits.length || !complete()) result.more = page;
      return result;
    }
    return { count: 0, exact: true, ranked: [], more: undefined, pinyin: reading };
  }
}

/** The agencies, years and index files of the site (written by the search integration). */
export function loadScope(): Promise<SearchScopeData> {
  return fetch(sitePaths.assetPath(SEARCH_SCOPE)).then((r) =>
    r.ok ? (r.json() as Promise<SearchScopeData>) : Promise.reject(new Error(String(r.status))),
  );
}

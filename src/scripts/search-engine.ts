import { BASE, sitePaths } from '../lib/addresses/site-paths.ts';
import {
  PAGEFIND_DIR,
  PAGEFIND_ENGINE,
  pinyinLexiconFile,
  SEARCH_SCOPE,
} from '../lib/addresses/urls.ts';
import type { SearchScopeData } from '../lib/search/index-contract.ts';
import { indexForYear } from '../lib/search/index-groups.ts';
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
interface Pagefind {
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
}

export class SearchEngine {
  #pagefind: Promise<Pagefind> | undefined;
  #yearEngines = new Map<string, Promise<Pagefind>>();
  /** The older indexes (newest first), and how many of them the engine has merged. */
  #indexes: NonNullable<SearchScopeData['indexes']> = [];
  #merged = 0;
  #merging: Promise<boolean> = Promise.resolve(true);
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
      // A site indexed by year (or built in parts) starts with its newest index, the primary.
      this.#indexes = (scope.indexes ?? [])
        .filter((index) => index.path)
        .sort((a, b) => Math.max(...b.years) - Math.max(...a.years));
      this.ready = true;
      return pagefind;
    });
    return this.#pagefind;
  }

  /**
   * Merges the next older index into the engine: a query not scoped to a year is answered from
   * the newest years first, and reaches older ones only when the reader asks for more. False when
   * every index is merged already.
   */
  #mergeNext(): Promise<boolean> {
    this.#merging = this.#merging.then(async () => {
      const pagefind = await this.load();
      const index = this.#indexes[this.#merged];
      if (!index) return false;
      await pagefind.mergeIndex(sitePaths.assetPath(PAGEFIND_DIR + index.path), {
        baseUrl: BASE,
        metaCacheTag: index.tag,
      });
      this.#merged += 1;
      return true;
    });
    // An index that failed to load is not merged; the answers stay those of the others.
    this.#merging = this.#merging.catch(() => false);
    return this.#merging;
  }

  /** Sections in the merged indexes over sections in all (1 once every index is merged). */
  async #share(): Promise<number> {
    const scope = await this.#loadScope();
    const all = scope.indexes ?? [];
    // Parts merged from builds with one index each do not say their size: count indexes then.
    const sized = all.every((index) => index.records);
    const size = (index: (typeof all)[number]) => (sized ? index.records! : 1);
    const total = all.reduce((sum, index) => sum + size(index), 0);
    const merged = [
      ...all.filter((index) => !index.path),
      ...this.#indexes.slice(0, this.#merged),
    ].reduce((sum, index) => sum + size(index), 0);
    return total && merged < total ? merged / total : 1;
  }

  /**
   * The engine for a query scoped to `year`: on a site indexed by year, that year's index alone
   * (its own Pagefind instance), without the year filter when the index holds no other year; the
   * merged engine otherwise.
   */
  async #engineFor(filters: Filters): Promise<{ pagefind: Pagefind; filters: Filters }> {
    const scope = await this.#loadScope();
    const found = indexForYear(scope.indexes, filters.year);
    // The primary index is the engine's own.
    if (!found || !found.entry.path) return { pagefind: await this.load(), filters };
    const { entry, onlyYear } = found;
    let engine = this.#yearEngines.get(entry.path);
    if (!engine) {
      engine = import(/* @vite-ignore */ sitePaths.assetPath(PAGEFIND_ENGINE)).then(
        async (module: { createInstance(options: Record<string, unknown>): Pagefind }) => {
          const instance = module.createInstance({
            basePath: sitePaths.assetPath(PAGEFIND_DIR + entry.path),
            baseUrl: BASE,
            noWorker: true,
            metaCacheTag: entry.tag,
          });
          await instance.init();
          return instance;
        },
      );
      this.#yearEngines.set(entry.path, engine);
      engine.catch(() => this.#yearEngines.delete(entry.path));
    }
    const within = { ...filters };
    if (onlyYear) delete within.year;
    return { pagefind: await engine, filters: within };
  }

  /**
   * While the reader types: fetch what the text will need, nothing else: the report it names, or
   * the index chunk.
   */
  async warm(raw: string): Promise<void> {
    const query = normaliseQuery(raw);
    if (!query || looksLikePinyin(query)) return;
    const [scope, keys] = await Promise.all([this.#loadScope(), this.#scope!]);
    const filters = scopeAttempts(query, keys, {})[0]?.filters ?? {};
    const folder = namedReport(scope, filters);
    if (folder) {
      await this.#loadReport(folder).catch(() => {});
      return;
    }
    // A query naming a year warms that year's index, the one its search will use.
    const { pagefind } = await this.#engineFor(filters.year ? { year: filters.year } : {});
    await pagefind.preload(query).catch(() => {});
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

  async #engineSearch(text: string | null, chosen: Filters) {
    const { pagefind, filters } = await this.#engineFor(chosen);
    // Never while an index is being merged in: the answer names the indexes it covers.
    await this.#merging;
    const key = JSON.stringify([text, chosen, this.#merged]);
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

  /** Searches `raw` within the reader's filters; `window` results are fetched and ranked at a time. */
  async search(raw: string, chosen: Filters, window: number): Promise<SearchPage | undefined> {
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
        if (!attempt.filters.year) while (await this.#mergeNext());
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
          searches.map((text) => this.#engineSearch(text, attempt.filters)),
        );
        return mergeEngineHits(
          searches,
          answers.map((answer) => answer?.results ?? []),
          wordings.length,
        );
      };
      // A query scoped to a year searches that year's index; any other, on a site indexed by
      // year, the newest index first, then older ones merged in as the reader asks for more.
      const growing = !indexForYear((await this.#loadScope()).indexes, attempt.filters.year);
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
          count = Math.round(answered.count / (growing ? await this.#share() : 1));
          if (hits.length >= want || !growing || !(await this.#mergeNext())) return;
        }
      };
      const complete = () => !growing || this.#merged >= this.#indexes.length;
      await grow(window);
      if (!hits.length) continue;
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
        if (next + window > hits.length && growing && (await this.#mergeNext()))
          await grow(next + window);
        const slice = hits.slice(next, next + window);
        const from = next;
        next += slice.length;
        const candidates = await Promise.all(
          slice.map(({ result }, i) => this.#candidate(result, from + i)),
        );
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

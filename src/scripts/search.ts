import type { ExcerptPart } from '../lib/search/excerpt.ts';
import { assetPath, BASE } from '../lib/addresses/site-paths.ts';
import { PAGEFIND_ENGINE, PINYIN_LEXICON } from '../lib/addresses/urls.ts';
import {
  expandSynonyms,
  hasTraditional,
  looksLikePinyin,
  normaliseDates,
  normaliseQuery,
  pinyinToHan,
  stripQuestion,
  type SynonymGroup,
} from '../lib/search/query.ts';
import {
  markPieces,
  parseOffsets,
  phrasesOf,
  rankSections,
  wordsOf,
  type RankedSection,
  type SectionCandidate,
} from '../lib/search/rank.ts';

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
  search(
    query: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[] } | null>;
}

interface Candidate extends SectionCandidate {
  title: string;
  part: string;
}

/** The filters the page offers, as URL parameters and Pagefind filter names. */
const FILTERS = ['year', 'agency', 'part'] as const;
/** Sections whose text is fetched and ranked per search. */
const MAX_CANDIDATES = 40;
/** Engine searches per query: the wordings, their phrases and their longer words. */
const MAX_ENGINE_SEARCHES = 16;
const MAX_RESULTS = 30;
/** Sections whose text is fetched ahead, once the first results are shown. */
const PREFETCH = 60;

/**
 * The search page: reads ?q= and the filters from the URL, searches as the reader types (the
 * newest search wins, no debounce: a search over a loaded index takes milliseconds), keeps the
 * URL in step, and shows sections in the order of src/lib/search/rank.ts.
 */
class ReportSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #lexicon: Promise<Record<string, string[]>> | undefined;
  #toSimplified: Promise<(text: string) => string> | undefined;
  #data = new Map<string, Promise<PagefindData>>();
  #latest = 0;
  #prefetched = false;
  #ready = false;
  #synonyms: SynonymGroup[] | undefined;
  /** Engine answers by search text and filters: typing and deleting repeats the same word searches. */
  #answers = new Map<string, Promise<{ results: PagefindResult[] } | null>>();

  connectedCallback() {
    const input = document.querySelector<HTMLInputElement>('#site-search');
    const params = new URLSearchParams(location.search);
    if (input) {
      input.value = params.get('q') ?? '';
      input.addEventListener('input', () => void this.#update());
      input.form?.addEventListener('submit', (event) => {
        event.preventDefault();
        void this.#update();
      });
    }
    const filters = this.querySelector<HTMLElement>('[data-search-filters]');
    if (filters) filters.hidden = false;
    for (const name of FILTERS) {
      const select = this.#filter(name);
      if (!select) continue;
      const value = params.get(name) ?? '';
      if ([...select.options].some((option) => option.value === value)) select.value = value;
      select.addEventListener('change', () => void this.#update());
    }
    void this.#update();
  }

  #filter(name: string): HTMLSelectElement | null {
    return this.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  }

  #json<T>(key: string, fallback: T): T {
    try {
      return JSON.parse(this.dataset[key] ?? '') as T;
    } catch {
      return fallback;
    }
  }

  get #strings(): Record<string, string> {
    return this.#json('strings', {});
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= import(/* @vite-ignore */ assetPath(PAGEFIND_ENGINE)).then(
      async (pagefind: Pagefind) => {
        // The worker would cost another script download for an index this small.
        await pagefind.options({
          baseUrl: BASE,
          noWorker: true,
          ...(this.dataset['indexTag'] ? { metaCacheTag: this.dataset['indexTag'] } : {}),
        });
        await pagefind.init();
        this.#ready = true;
        return pagefind;
      },
    );
    return this.#pagefind;
  }

  #loadLexicon(): Promise<Record<string, string[]>> {
    this.#lexicon ??= fetch(assetPath(PINYIN_LEXICON)).then((response) =>
      response.ok ? (response.json() as Promise<Record<string, string[]>>) : {},
    );
    return this.#lexicon;
  }

  #loadConverter(): Promise<(text: string) => string> {
    this.#toSimplified ??= import('../lib/search/traditional.ts').then(
      (module) => module.toSimplified,
    );
    return this.#toSimplified;
  }

  /**
   * A new query mostly waits for the text of sections it has not seen. Once results are shown,
   * the browser is idle: fetch the sections' texts then (all of them on a site this size), so
   * the reader's next queries run on what is already here.
   */
  #prefetch() {
    if (this.#prefetched || !this.#pagefind) return;
    this.#prefetched = true;
    const idle =
      window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
    idle(() => {
      void this.#pagefind!.then(async (pagefind) => {
        const all = await pagefind.search(null, { filters: {} });
        await Promise.all(
          (all?.results ?? []).slice(0, PREFETCH).map((result) => this.#dataOf(result)),
        );
      }).catch(() => {});
    });
  }

  #engineSearch(pagefind: Pagefind, text: string, filters: Record<string, string>) {
    const key = JSON.stringify([text, filters]);
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

  /** The wordings to search for: as typed, in Simplified characters, spelled from pinyin, and their synonyms. */
  async #wordings(query: string): Promise<string[]> {
    const forms = [query];
    if (hasTraditional(query, this.dataset['traditional'] ?? ''))
      forms.unshift(normaliseQuery((await this.#loadConverter())(query)));
    if (looksLikePinyin(query)) {
      const spelled = pinyinToHan(query, await this.#loadLexicon());
      if (spelled) forms.unshift(spelled);
    }
    this.#synonyms ??= this.#json<SynonymGroup[]>('synonyms', []);
    const synonyms = this.#synonyms;
    const out: string[] = [];
    for (const form of forms)
      for (const variant of expandSynonyms(form, synonyms))
        if (!out.includes(variant)) out.push(variant);
    return out.slice(0, 8);
  }

  async #update() {
    const input = document.querySelector<HTMLInputElement>('#site-search');
    const raw = input?.value ?? '';
    const filters: Record<string, string> = {};
    for (const name of FILTERS) {
      const value = this.#filter(name)?.value;
      if (value) filters[name] = value;
    }
    const url = new URL(location.href);
    for (const [name, value] of [
      ['q', raw.trim()],
      ...FILTERS.map((name) => [name, filters[name] ?? '']),
    ] as const) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    if (url.href !== location.href) history.replaceState(null, '', url);

    const run = ++this.#latest;
    const list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
    const status = this.querySelector<HTMLElement>('[data-search-status]')!;
    const query = normaliseDates(stripQuestion(normaliseQuery(raw)));
    if (!query) {
      list.replaceChildren();
      list.setAttribute('aria-busy', 'false');
      status.textContent = this.#strings['prompt'] ?? '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    // Only the first search waits long enough (for the engine to load) to be worth announcing.
    if (!this.#ready) status.textContent = this.#strings['searching'] ?? '';
    try {
      const ranked = await this.#search(query, filters);
      if (run !== this.#latest) return;
      list.replaceChildren(...ranked.slice(0, MAX_RESULTS).map((result) => this.#item(result)));
      const count = Math.min(ranked.length, MAX_RESULTS);
      status.textContent =
        count === 0
          ? (this.#strings['none'] ?? '')
          : (this.#strings['some'] ?? '').replace('{count}', String(count));
    } catch (error) {
      if (run !== this.#latest) return;
      console.warn(error);
      list.replaceChildren();
      status.textContent = this.#strings['error'] ?? '';
    } finally {
      if (run === this.#latest) {
        list.setAttribute('aria-busy', 'false');
        this.#prefetch();
        // For tools/bench-search.ts: when the results were shown, from navigation start.
        performance.mark('search:results');
      }
    }
  }

  async #search(
    query: string,
    filters: Record<string, string>,
  ): Promise<RankedSection<Candidate>[]> {
    const [pagefind, wordings] = await Promise.all([this.#load(), this.#wordings(query)]);
    // Pagefind wants every word of a search: a wording's phrases and longer words are searched
    // alone too, so a section holding most of a long query is still a candidate.
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
    const found = await Promise.all(
      searches.map((text) => this.#engineSearch(pagefind, text, filters)),
    );
    const hits = new Map<string, { result: PagefindResult; hits: number; best: number }>();
    found.forEach((search, i) => {
      for (const [rank, result] of (search?.results ?? []).entries()) {
        const weight = [...searches[i]!].length;
        const hit = hits.get(result.id);
        if (hit) {
          hit.hits += weight;
          hit.best = Math.min(hit.best, rank);
        } else hits.set(result.id, { result, hits: weight, best: rank });
      }
    });
    const chosen = [...hits.values()]
      .sort((a, b) => b.hits - a.hits || a.best - b.best)
      .slice(0, MAX_CANDIDATES);
    const candidates = await Promise.all(
      chosen.map(async ({ result }, engineRank): Promise<Candidate> => {
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
        };
      }),
    );
    return rankSections(candidates, wordings);
  }

  #item(result: RankedSection<Candidate>): HTMLLIElement {
    const { candidate } = result;
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = highlightHref(result.href, result.pieces);
    const heading = document.createElement('span');
    heading.className = 'search-result-heading';
    if (candidate.heading) appendParts(heading, markPieces(candidate.heading, result.pieces));
    else heading.textContent = this.#strings['preamble'] ?? '';
    const report = document.createElement('span');
    report.className = 'search-result-report';
    report.textContent = candidate.part
      ? `${candidate.title} › ${candidate.part}`
      : candidate.title;
    link.append(heading, report);
    if (result.excerpt.length) link.append(excerptElement(result.excerpt));
    item.append(link);
    return item;
  }
}

/** The landing page highlights these pieces (see search-highlight.ts), then drops the parameter. */
function highlightHref(href: string, pieces: readonly string[]): string {
  const terms = pieces.filter((piece) => [...piece].length >= 2 || pieces.length === 1).slice(0, 5);
  if (!terms.length) return href;
  const hash = href.indexOf('#');
  const [path, fragment] = hash === -1 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  return `${path}?hl=${encodeURIComponent(terms.join(' '))}${fragment}`;
}

/** Text plus <mark> only: no markup from the index or the query reaches the page. */
function excerptElement(parts: readonly ExcerptPart[]): HTMLElement {
  const excerpt = document.createElement('span');
  excerpt.className = 'search-result-excerpt';
  appendParts(excerpt, parts);
  return excerpt;
}

function appendParts(parent: HTMLElement, parts: readonly ExcerptPart[]) {
  for (const part of parts) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else parent.append(part.text);
  }
}

customElements.define('report-search', ReportSearch);

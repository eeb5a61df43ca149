import { searchUi } from '../i18n/search.ts';
import { FILTER_NAMES } from '../lib/search/index-contract.ts';
import type { SynonymGroup } from '../lib/search/query.ts';
import type { Filters } from '../lib/search/scope.ts';
import { indexTagOf, RESULTS_PAGE_SIZE } from '../lib/search/search-page.ts';
import { SearchEngine, type SearchPage } from './search-engine.ts';
import { resultItem } from './search-result.ts';
import { figureAnswer } from './search-figures.ts';

/**
 * The search page: reads ?q= and the filters from the URL, searches as the reader types (the
 * newest search wins), keeps the URL in step, and shows sections in the order of
 * src/lib/search/. DOM work only: the query logic lives in src/lib/search/ and search-engine.ts.
 */
/** At most this many figures answer a query on the results page. */
const FIGURE_ANSWERS = 20;

class ReportSearch extends HTMLElement {
  #engine!: SearchEngine;
  #latest = 0;
  #page: SearchPage | undefined;
  #count = 0;
  #exact = true;

  connectedCallback() {
    this.#engine = new SearchEngine({
      indexTag: indexTagOf(document),
      synonyms: this.#json<SynonymGroup[]>('synonyms', []),
    });
    const input = this.#input;
    const params = new URLSearchParams(location.search);
    if (input) {
      input.value = params.get('q') ?? '';
      input.addEventListener('input', (event) => {
        // An IME is composing: wait for the word (compositionend fires an input event after it).
        if ((event as InputEvent).isComposing) return;
        void this.#update();
      });
      input.addEventListener('compositionend', () => void this.#update());
      input.form?.addEventListener('submit', (event) => {
        event.preventDefault();
        void this.#update();
      });
    }
    const filters = this.querySelector<HTMLElement>('[data-search-filters]');
    if (filters) filters.hidden = false;
    for (const name of FILTER_NAMES) {
      const select = this.#filter(name);
      if (!select) continue;
      const value = params.get(name) ?? '';
      if ([...select.options].some((option) => option.value === value)) select.value = value;
      select.addEventListener('change', () => void this.#update());
    }
    this.#moreButton?.addEventListener('click', () => void this.#showMore());
    void this.#update();
  }

  get #input() {
    return document.querySelector<HTMLInputElement>('#site-search');
  }

  get #moreButton() {
    return this.querySelector<HTMLButtonElement>('[data-search-more]');
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

  async #update() {
    const raw = this.#input?.value ?? '';
    const filters: Filters = {};
    for (const name of FILTER_NAMES) {
      const value = this.#filter(name)?.value;
      if (value) filters[name] = value;
    }
    const url = new URL(location.href);
    for (const [name, value] of [
      ['q', raw.trim()],
      ...FILTER_NAMES.map((name) => [name, filters[name] ?? '']),
    ] as const) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    if (url.href !== location.href) history.replaceState(null, '', url);

    const run = ++this.#latest;
    const list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
    const status = this.querySelector<HTMLElement>('[data-search-status]')!;
    const more = this.#moreButton;
    if (more) more.hidden = true;
    this.#page = undefined;
    const answer = this.#answerList(list);
    if (!raw.trim()) {
      answer.replaceChildren();
      answer.hidden = true;
      list.replaceChildren();
      list.setAttribute('aria-busy', 'false');
      status.textContent = searchUi['search.prompt'];
      return;
    }
    list.setAttribute('aria-busy', 'true');
    // Only the first search waits long enough (for the engine to load) to be worth announcing.
    if (!this.#engine.ready) status.textContent = searchUi['search.searching'];
    try {
      const [page, figures] = await Promise.all([
        this.#engine.search(raw, filters, Number(this.dataset['pageSize']) || RESULTS_PAGE_SIZE),
        figureAnswer(raw, FIGURE_ANSWERS),
      ]);
      if (run !== this.#latest) return;
      answer.replaceChildren(...figures);
      answer.hidden = figures.length === 0;
      const ranked = page?.ranked ?? [];
      list.replaceChildren(...ranked.map((result) => resultItem(result)));
      this.#count = ranked.length ? Math.max(page!.count, ranked.length) : 0;
      this.#exact = page?.exact ?? true;
      this.#page = page;
      this.#status(status, list.children.length, page?.pinyin);
      if (more) more.hidden = !page?.more;
    } catch (error) {
      if (run !== this.#latest) return;
      console.warn(error);
      list.replaceChildren();
      status.textContent = searchUi['search.error'];
    } finally {
      if (run === this.#latest) {
        list.setAttribute('aria-busy', 'false');
        // For tools/bench-search.ts: when the results were shown, from navigation start.
        performance.mark('search:results');
      }
    }
  }

  /** The figures answering the query, shown before the sections; made once, before the list. */
  #answerList(list: HTMLOListElement): HTMLUListElement {
    let answer = this.querySelector<HTMLUListElement>('[data-search-figures]');
    if (!answer) {
      answer = document.createElement('ul');
      answer.className = 'search-figures';
      answer.dataset['searchFigures'] = '';
      answer.setAttribute('aria-label', searchUi['search.figuresLabel']);
      answer.hidden = true;
      list.before(answer);
    }
    return answer;
  }

  #status(status: HTMLElement, shown: number, pinyin: string | undefined) {
    const count =
      shown === 0
        ? searchUi['search.countNone']
        : shown < this.#count
          ? searchUi[this.#exact ? 'search.countSomeShown' : 'search.countAboutShown']
              .replace('{count}', String(this.#count))
              .replace('{shown}', String(shown))
          : searchUi['search.countSome'].replace('{count}', String(this.#count));
    status.textContent = pinyin
      ? `${searchUi['search.pinyin'].replace('{text}', pinyin)}${count}`
      : count;
  }

  async #showMore() {
    const page = this.#page;
    const more = page?.more;
    const run = this.#latest;
    if (!page || !more) return;
    const list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
    list.setAttribute('aria-busy', 'true');
    try {
      const shown = new Set([...list.querySelectorAll('a')].map((a) => a.getAttribute('href')));
      const items = (await more())
        .map((result) => resultItem(result))
        .filter((item) => !shown.has(item.querySelector('a')!.getAttribute('href')));
      if (run !== this.#latest) return;
      list.append(...items);
      this.#exact = page.exact;
      this.#count = page.exact ? list.children.length : Math.max(page.count, list.children.length);
      this.#status(
        this.querySelector<HTMLElement>('[data-search-status]')!,
        list.children.length,
        page.pinyin,
      );
      const button = this.#moreButton;
      if (button) button.hidden = !page.more;
      // The first new result takes the focus, so a keyboard reader goes on from there.
      items[0]?.querySelector('a')?.focus();
    } finally {
      if (run === this.#latest) list.setAttribute('aria-busy', 'false');
    }
  }
}

if (!customElements.get('report-search')) customElements.define('report-search', ReportSearch);

import { parseExcerpt } from '../lib/excerpt.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  sub_results: PagefindSubResult[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Results of the search page: reads ?q=, follows the search box, keeps the URL in step. */
class ReportSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #latest = 0;

  connectedCallback() {
    const input = document.querySelector<HTMLInputElement>('#site-search');
    const query = new URLSearchParams(location.search).get('q') ?? '';
    if (input) {
      input.value = query;
      input.addEventListener('input', () => this.#update(input.value));
      input.form?.addEventListener('submit', (event) => {
        event.preventDefault();
        void this.#update(input.value);
      });
    }
    void this.#update(query);
  }

  get #strings(): Record<string, string> {
    return JSON.parse(this.dataset['strings'] ?? '{}') as Record<string, string>;
  }

  #load(): Promise<Pagefind> {
    const base = this.dataset['base'] ?? '/';
    this.#pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (pagefind: Pagefind) => {
      await pagefind.options({ baseUrl: base });
      return pagefind;
    });
    return this.#pagefind;
  }

  async #update(raw: string) {
    const query = raw.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);

    const run = ++this.#latest;
    const list = this.querySelector<HTMLOListElement>('[data-search-results]')!;
    const status = this.querySelector<HTMLElement>('[data-search-status]')!;
    if (!query) {
      list.replaceChildren();
      list.setAttribute('aria-busy', 'false');
      status.textContent = this.#strings['prompt'] ?? '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    status.textContent = this.#strings['searching'] ?? '';
    try {
      const pagefind = await this.#load();
      const search = await pagefind.search(query);
      const pages = await Promise.all((search?.results ?? []).slice(0, 10).map((result) => result.data()));
      if (run !== this.#latest) return;
      const items = pages.flatMap((page) => page.sub_results.map((sub) => this.#item(page, sub)));
      list.replaceChildren(...items);
      status.textContent = items.length === 0 ? (this.#strings['none'] ?? '') : (this.#strings['some'] ?? '').replace('{count}', String(items.length));
    } catch (error) {
      if (run !== this.#latest) return;
      console.warn(error);
      list.replaceChildren();
      status.textContent = this.#strings['error'] ?? '';
    } finally {
      if (run === this.#latest) list.setAttribute('aria-busy', 'false');
    }
  }

  #item(page: PagefindResultData, sub: PagefindSubResult): HTMLLIElement {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = sub.url;
    const report = document.createElement('span');
    report.className = 'search-result-report';
    report.textContent = page.meta['title'] ?? '';
    const heading = document.createElement('span');
    heading.className = 'search-result-heading';
    heading.textContent = sub.title;
    link.append(heading, report);
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    for (const part of parseExcerpt(sub.excerpt)) {
      if (part.marked) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        excerpt.append(mark);
      } else excerpt.append(part.text);
    }
    item.append(link, excerpt);
    return item;
  }
}

customElements.define('report-search', ReportSearch);

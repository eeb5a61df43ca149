import { searchUi } from '../i18n/search.ts';
import { sitePaths } from '../lib/addresses/site-paths.ts';
import type { SearchScopeData } from '../lib/search/index-contract.ts';
import { SUGGESTIONS } from '../lib/search/search-page.ts';
import { SearchEngine } from './search-engine.ts';
import { resultItem } from './search-result.ts';
import { figureAnswer } from './search-figures.ts';
// The results page's own stylesheet (BaseLayout's `searchPage`): fetched ahead once suggestions
// show, so Enter opens the results page with it in the cache.
import resultsPageStylesheet from '../styles/search-site.css?url';
import suggestStylesheet from '../styles/suggest.css?url';
import { addStylesheet } from './stylesheet.ts';

/**
 * Results as you type under the search box, on every page but the search page: an ARIA
 * combobox (the input controls a listbox whose options hold the results' links). The arrow keys
 * move the active option, Enter opens it, or with no active option submits to /search/?q= as
 * before; Escape closes the list. While an IME composes, nothing is searched until the word is
 * chosen (compositionend).
 */
/** At most this many figures lead the suggestions. */
const FIGURE_SUGGESTIONS = 3;

export function attachCombobox(input: HTMLInputElement, scope?: Promise<SearchScopeData>): void {
  const form = input.form;
  if (!form || input.dataset['combobox']) return;
  input.dataset['combobox'] = 'on';
  // Built here rather than sent in every page: without this script it could only sit there empty.
  const panel = document.createElement('div');
  panel.className = 'search-suggest';
  panel.hidden = true;
  const status = document.createElement('p');
  status.className = 'search-suggest-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const list = document.createElement('ul');
  list.id = 'site-search-suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', searchUi['search.suggestionsLabel']);
  const all = document.createElement('a');
  all.className = 'search-suggest-all';
  all.dataset['suggestAll'] = '';
  all.href = sitePaths.searchPath();
  all.textContent = searchUi['search.allResults'];
  panel.append(status, list, all);
  input.after(panel);
  input.setAttribute('aria-controls', list.id);
  const engine = new SearchEngine(scope ? { scope } : {});
  void engine.load().catch(() => {});
  let latest = 0;
  let active = -1;
  let prefetched = false;
  const prefetchResultsPage = () => {
    if (prefetched) return;
    prefetched = true;
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.as = 'style';
    link.href = resultsPageStylesheet;
    document.head.append(link);
  };

  // The panel's rules (suggest.css) come with this script, so a first visit that never searches
  // does not load them; until they have, the panel stays closed.
  let styled = false;
  let wanted = false;
  void addStylesheet(suggestStylesheet).then(() => {
    styled = true;
    if (wanted) open(true);
  });

  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];
  const open = (shown: boolean) => {
    wanted = shown;
    panel.hidden = !(shown && styled);
    input.setAttribute('aria-expanded', String(shown && styled));
    if (!shown) setActive(-1);
  };
  const setActive = (index: number) => {
    const all = options();
    active = index < 0 || !all.length ? -1 : (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    if (active === -1) input.removeAttribute('aria-activedescendant');
    else {
      input.setAttribute('aria-activedescendant', all[active]!.id);
      all[active]!.scrollIntoView({ block: 'nearest' });
    }
  };

  const update = async () => {
    const raw = input.value;
    const run = ++latest;
    all.href = sitePaths.searchPath(raw.trim() || undefined);
    if (!raw.trim()) {
      list.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    try {
      const [page, figures] = await Promise.all([
        engine.search(raw, {}, SUGGESTIONS),
        figureAnswer(raw, FIGURE_SUGGESTIONS),
      ]);
      if (run !== latest) return;
      const ranked = page?.ranked.slice(0, SUGGESTIONS) ?? [];
      // Figures that answer the query come first, then the sections.
      list.replaceChildren(
        ...[...figures, ...ranked.map((result) => resultItem(result))].map((item, i) => {
          item.id = `site-search-option-${i}`;
          item.setAttribute('role', 'option');
          item.setAttribute('aria-selected', 'false');
          // The option is what the keyboard moves through; its link stays out of the Tab order.
          item.querySelector('a')?.setAttribute('tabindex', '-1');
          item.querySelector('.search-result-excerpt')?.remove();
          return item;
        }),
      );
      active = -1;
      input.removeAttribute('aria-activedescendant');
      const count = page?.count ?? 0;
      status.textContent =
        ranked.length || figures.length
          ? page?.pinyin
            ? searchUi['search.pinyin'].replace('{text}', page.pinyin)
            : ''
          : searchUi['search.countNone'];
      all.textContent = count
        ? searchUi[page?.exact ? 'search.allResultsCount' : 'search.allResultsAbout'].replace(
            '{count}',
            String(count),
          )
        : searchUi['search.allResults'];
      open(document.activeElement === input || panel.contains(document.activeElement));
      // After the suggestions, so it never competes with them for the connection.
      prefetchResultsPage();
    } catch (error) {
      if (run !== latest) return;
      console.warn(error);
      list.replaceChildren();
      status.textContent = searchUi['search.error'];
      open(true);
    }
  };

  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return;
    void update();
  });
  input.addEventListener('compositionend', () => void update());
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (panel.hidden) {
        if (options().length) open(true);
        else return;
      }
      event.preventDefault();
      setActive(
        active === -1 && event.key === 'ArrowUp'
          ? -1 + options().length
          : active + (event.key === 'ArrowDown' ? 1 : -1),
      );
    } else if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      open(false);
    } else if (event.key === 'Enter' && active !== -1 && !panel.hidden) {
      const link = options()[active]?.querySelector('a');
      if (link) {
        event.preventDefault();
        link.click();
      }
    }
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.children.length) open(true);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  // A pointer press on an option must not blur the box before the link is followed.
  panel.addEventListener('mousedown', (event) => {
    if ((event.target as Element).closest('a')) return;
    event.preventDefault();
  });
  if (input.value.trim()) void update();
}

import { searchUi } from '../i18n/search.ts';
import { sitePaths } from '../lib/addresses/site-paths.ts';
import type { SearchScopeData } from '../lib/search/index-contract.ts';
import { SUGGESTIONS } from '../lib/search/search-page.ts';
import { KnownSections, typedAttempt } from '../lib/search/known.ts';
import type { RankedSection } from '../lib/search/rank.ts';
import { scopeKeys } from '../lib/search/scope.ts';
import { type Candidate, SearchEngine, type SearchPage } from './search-engine.ts';
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
  // The sections whose texts came for earlier queries, and the scope to read a query with.
  const known = new KnownSections<Candidate>();
  let scoped: { data: SearchScopeData; keys: ReturnType<typeof scopeKeys> } | undefined;
  void scope?.then(
    (data) => (scoped = { data, keys: scopeKeys(data) }),
    () => {},
  );
  const engine = new SearchEngine({
    ...(scope ? { scope } : {}),
    onTexts: (filters, candidates) => known.remember(filters, candidates),
  });
  void engine.load().catch(() => {});
  let latest = 0;
  let typing: AbortController | undefined;
  /** Shows what is known for the latest query, while the engine has not answered it. */
  let showKnown = () => {};
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
  /** Where an option leads, whatever terms its link asks the page to highlight. */
  const target = (option: HTMLLIElement | undefined) => {
    const link = option?.querySelector('a');
    return link && link.pathname + link.hash;
  };
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

  /** Shows figures then sections; a list marked busy is the one shown until the engine answers. */
  const show = (
    figures: HTMLLIElement[],
    ranked: RankedSection<Candidate>[],
    page: SearchPage | undefined,
    busy: boolean,
  ) => {
    // The option the reader moved to stays chosen when the engine's answer still leads there.
    const chosen = active === -1 ? undefined : target(options()[active]);
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
    list.setAttribute('aria-busy', String(busy));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (chosen) setActive(options().findIndex((option) => target(option) === chosen));
    const count = page?.count ?? 0;
    status.textContent =
      busy || ranked.length || figures.length
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
  };

  const update = async () => {
    const raw = input.value;
    const run = ++latest;
    // The previous query's searches stop fetching: its answer would never be shown.
    typing?.abort();
    typing = new AbortController();
    all.href = sitePaths.searchPath(raw.trim() || undefined);
    if (!raw.trim()) {
      list.replaceChildren();
      list.setAttribute('aria-busy', 'false');
      status.textContent = '';
      open(false);
      return;
    }
    const searched = engine.search(raw, {}, SUGGESTIONS, typing.signal);
    const figured = figureAnswer(raw, FIGURE_SUGGESTIONS);
    let answered = false;
    // Sections fetched for what was typed before that hold this query whole show at once (with
    // the figures, once known), marked busy, until the engine's answer replaces them: on a slow
    // connection that answer is an index file and then section texts away. Sections still on
    // their way for the shorter query are looked at again when they arrive.
    const attempt = scoped && typedAttempt(raw, scoped.data, scoped.keys);
    showKnown = () => {
      const sections = attempt && !answered ? known.matching(attempt, SUGGESTIONS) : [];
      if (sections.length)
        void figured.then(
          (figures) => {
            if (run === latest && !answered) show(figures, sections, undefined, true);
          },
          () => {},
        );
    };
    showKnown();
    try {
      const [page, figures] = await Promise.all([searched, figured]);
      answered = true;
      if (run !== latest) return showKnown();
      show(figures, page?.ranked.slice(0, SUGGESTIONS) ?? [], page, false);
      // After the suggestions, so it never competes with them for the connection.
      prefetchResultsPage();
    } catch (error) {
      answered = true;
      if (run !== latest) return showKnown();
      console.warn(error);
      list.replaceChildren();
      list.setAttribute('aria-busy', 'false');
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

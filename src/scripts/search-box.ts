// Not site-paths.ts nor urls.ts: this runs on every page, and they would bring every path builder.
import { assetPath } from '../lib/addresses/base.ts';
import { PAGEFIND_ENGINE, SEARCH_SCOPE } from '../lib/addresses/search-files.ts';
import { BASE } from '../lib/addresses/site-base.ts';
import type { SearchScopeData } from '../lib/search/index-contract.ts';
/**
 * On every page, kept tiny: `/` and Ctrl/⌘+K focus the search box; focusing it loads the
 * results-as-you-type list (search-combobox.ts), which starts the search engine while the reader
 * types; a landing from a search result (?hl=) loads the highlighter. Nothing of the engine
 * loads before the reader reaches for the box.
 */
const input = document.querySelector<HTMLInputElement>('#site-search');

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

document.addEventListener('keydown', (event) => {
  if (!input || event.defaultPrevented || event.isComposing) return;
  const slash =
    event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target);
  const k =
    event.key.toLowerCase() === 'k' &&
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey;
  if (!slash && !k) return;
  event.preventDefault();
  input.focus();
  input.select();
});

// The search page searches in full itself; every other page has the list under the box.
if (input?.getAttribute('role') === 'combobox')
  input.addEventListener(
    'focus',
    () => {
      // Everything the first suggestion needs starts now, side by side: the list's own code, the
      // engine, and the scope file that names the index files (fetched by search-engine.ts).
      const scope = fetch(assetPath(BASE, SEARCH_SCOPE)).then((r) =>
        r.ok ? (r.json() as Promise<SearchScopeData>) : Promise.reject(new Error(String(r.status))),
      );
      scope.catch(() => {});
      void import(/* @vite-ignore */ assetPath(BASE, PAGEFIND_ENGINE)).catch(() => {});
      void import('./search-combobox.ts').then((module) => module.attachCombobox(input, scope));
    },
    { once: true },
  );

if (new URLSearchParams(location.search).has('hl')) void import('./search-highlight.ts');

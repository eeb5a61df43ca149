import { assetPath, BASE } from '../lib/addresses/site-paths.ts';
import { PAGEFIND_ENGINE } from '../lib/addresses/urls.ts';
/**
 * On every page, kept tiny: `/` and Ctrl/⌘+K focus the search box; focusing it starts fetching
 * the search engine, so the search page opens on a warm cache; a landing from a search result
 * (?hl=) loads the highlighter. Nothing of the engine loads before the reader reaches for the box.
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

input?.addEventListener(
  'focus',
  () => {
    if (document.querySelector('report-search')) return;
    // Fills the HTTP cache only; the search page does the searching.
    import(/* @vite-ignore */ assetPath(PAGEFIND_ENGINE))
      .then(async (pagefind: { options(o: object): Promise<void>; init(): Promise<void> }) => {
        await pagefind.options({ baseUrl: BASE, noWorker: true });
        await pagefind.init();
      })
      .catch(() => {});
  },
  { once: true },
);

if (new URLSearchParams(location.search).has('hl')) void import('./search-highlight.ts');

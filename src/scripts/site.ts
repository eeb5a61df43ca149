/**
 * Every page's one script: the header's custom elements (reading settings, search box) and the
 * report header's page tools, which are on the first screen. One file rather than one per
 * component, so a reader on a slow connection waits for one request, not several. What only a
 * report's text uses (reading.ts) comes once the page has loaded, so on a phone it never shares
 * the connection with the stylesheet the first paint waits for; the search page's own code comes
 * at once. Both are imported here rather than as entries of their own, which would share modules
 * with this one in a chunk every page loads.
 */
import './reader-controls.ts';
import './search-box.ts';

if (document.querySelector('toc-spy, copy-link-status, back-to-top')) {
  const read = () => void import('./reading.ts');
  // Once the page has loaded and the browser is idle, so it never delays the first paint; a
  // landing from a search result (?hl=) is marked as soon as the code arrives.
  const idle = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(read, { timeout: 1000 })
      : setTimeout(read);
  if (new URLSearchParams(location.search).has('hl')) read();
  else if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

const search = document.querySelector('report-search');
if (search) {
  // The results list says it is busy from here, before the page has finished loading, not only
  // once the search code has arrived: a reader's tools (and the tests) take a loaded page whose
  // list is not busy for one whose search has finished.
  const list = search.querySelector('[data-search-results]');
  if (new URLSearchParams(location.search).get('q')?.trim())
    list?.setAttribute('aria-busy', 'true');
  import('./search.ts').catch(() => list?.setAttribute('aria-busy', 'false'));
}

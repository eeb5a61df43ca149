/**
 * Every page's one script: the custom elements of the header, the report and its contents, each
 * of which does nothing where its element is absent. One file rather than one per component, so a
 * reader on a slow connection waits for one request, not six; the search page's own code comes
 * after it, as the one other entry would share modules with this one in a chunk every page loads.
 */
import './reader-controls.ts';
import './search-box.ts';
import './toc-spy.ts';
import './permalinks.ts';
import './back-to-top.ts';

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

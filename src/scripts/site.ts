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

if (document.querySelector('report-search')) void import('./search.ts');

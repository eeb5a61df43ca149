/**
 * What a report or section page adds for reading it: the contents marking the part in view, the
 * section and paragraph links that copy themselves (and the 引用 buttons), and the floating
 * back-to-top link, and on a landing from a search result (?hl=) the marks on the terms. None of it
 * changes the first screen, so site.ts loads it once the page has loaded, and pages without a
 * report (the search page, the listings) never fetch it.
 */
import './toc-spy.ts';
import './permalinks.ts';
import './back-to-top.ts';

if (new URLSearchParams(location.search).has('hl')) void import('./search-highlight.ts');

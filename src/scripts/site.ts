/**
 * Every page's one script but the search page's (search-page.ts): the custom elements of the
 * header, the report and its contents, each of which does nothing where its element is absent.
 * One file rather than one per component, so a reader on a slow connection waits for one request,
 * not six; what only matters once the reader acts (on-demand.ts) comes when it does.
 */
import './reader-controls.ts';
import './page-tools.ts';
import './search-box.ts';
import './toc-spy.ts';
import './on-demand.ts';

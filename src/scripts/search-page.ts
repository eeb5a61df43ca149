/**
 * The search page's one script: the header's controls, as on every page (site.ts), and the
 * search itself. Bundled with its own copy of the header's modules (src/integrations/script-bundles.ts),
 * so neither this page nor a report page fetches a chunk the other needs.
 */
import './reader-controls.ts';
import './search-box.ts';
import './search.ts';

/**
 * The one element of the search page that the search integration fills in after the build
 * (src/integrations/pagefind.ts): a <meta> carrying the index's cache tag, followed by preload
 * hints for the index files. The page renders the placeholder; the integration replaces it and
 * fails the build unless it occurs exactly once; the search script reads the tag back.
 */
export const SEARCH_INDEX_META = {
  name: 'fzzf-search-index',
  placeholder: '<meta name="fzzf-search-index" content="">',
  filled: (tag: string): string =>
    `<meta name="fzzf-search-index" content="${tag.replace(/[^\w.-]/g, '')}">`,
} as const;

/** The index tag the integration wrote into the page, '' before it has run (or off the search page). */
export function indexTagOf(doc: Pick<Document, 'querySelector'>): string {
  return (
    doc.querySelector<HTMLMetaElement>(`meta[name="${SEARCH_INDEX_META.name}"]`)?.content ?? ''
  );
}

/** Results the search page fetches and shows at a time; the rest come with the "more" button. */
export const RESULTS_PAGE_SIZE = 10;
/** Results shown under the search box as the reader types. */
export const SUGGESTIONS = 5;

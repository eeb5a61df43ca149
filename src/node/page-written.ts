/**
 * Pages announced complete in the build's output folder while Astro is still generating others
 * (src/node/page-cache-links.ts announces them), so that a step reading built pages (the search
 * index) can start on them early. A page is announced only once it is fully written, never
 * while it may still be half written. Pages without a cache key, and every page when Astro's
 * cache methods could not be replaced, are never announced: a listener must also accept that
 * every page is complete once the site is generated.
 */

const listeners = new Set<(outputFile: string) => void>();

/**
 * Calls `listener` with the path of each page announced complete, relative to the output folder
 * and URL-encoded as Astro names it (`reports/2023-x/index.html`). Returns the unsubscribe.
 */
export function onPageWritten(listener: (outputFile: string) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Announces that the page at `outputFile` (as above) is complete. */
export function pageWritten(outputFile: string): void {
  for (const listener of listeners) listener(outputFile);
}

/**
 * The base path rule and the path of a file under it (re-exported by urls.ts), in a module of
 * their own for the same reason as search-files.ts: the page script every page loads needs them
 * and nothing else of urls.ts.
 */

/** A base path as Astro and the browser need it: starts and ends with /. */
export function normaliseBase(base: string): string {
  const withLead = base.startsWith('/') ? base : `/${base}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

/** A file the site serves (favicon, Pagefind, lexicon), under the base. */
export function assetPath(base: string, file: string): string {
  return `${base}${file}`;
}

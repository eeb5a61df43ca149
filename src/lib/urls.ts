/** Paths of the site's pages, all under the configured base (which ends with /). */
export function homePath(base: string): string {
  return base;
}

export function reportPath(base: string, folder: string): string {
  return `${base}reports/${folder}/`;
}

export function sectionAnchorPath(base: string, folder: string, sectionId: string): string {
  return `${reportPath(base, folder)}#${sectionId}`;
}

export function searchPath(base: string, query?: string): string {
  return query ? `${base}search/?q=${encodeURIComponent(query)}` : `${base}search/`;
}

/** The page that shows one section alone, for sharing it. */
export function sectionPath(base: string, folder: string, sectionId: string): string {
  return `${reportPath(base, folder)}${sectionId}/`;
}

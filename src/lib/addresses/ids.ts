/**
 * The one home of the id grammar: section ids and aliases are data (frontmatter `id`), paragraph
 * ids come from position (`s1-2-p3`, preamble `intro-p1`). Markdown plugins, content checks,
 * pages and the search index all format and parse ids here, so the grammar cannot drift.
 */

/** Section ids, aliases and agency ids: lower-case ASCII letters, digits and hyphens, a letter first. */
export const STABLE_ID = /^[a-z][a-z0-9-]*$/;

/** The years a report may be about: the schema, the importer and npm run new accept these. */
export const REPORT_YEARS = { min: 2000, max: 2100 } as const;

/** Whether `year` is a whole year a report may be about. */
export function isReportYear(year: number): boolean {
  return Number.isInteger(year) && year >= REPORT_YEARS.min && year <= REPORT_YEARS.max;
}

/** A report's folder under content/reports/, its stable identity and URL segment: 2024-jiading-police. */
export function reportFolder(year: number, agencyId: string): string {
  return `${year}-${agencyId}`;
}

/**
 * Id of the hidden 本节链接 that every section link's name starts with (aria-labelledby): short,
 * as each link repeats it, and with an underscore, which no section id or alias may hold.
 */
export const SECTION_LINK_LABEL_ID = 'sl_';

/** The prefix of the preamble's paragraph ids, which no section id or alias may take. */
export const PREAMBLE_PREFIX = 'intro';

/** Paragraph ids look like this; nothing else on a report page may. */
export const PARAGRAPH_ID = /^[a-z][a-z0-9-]*-p[1-9][0-9]*$/;

/** Id of the n-th paragraph (from 1) of a section, or of the preamble (no section id). */
export function paragraphId(sectionId: string | undefined, n: number): string {
  return `${sectionId || PREAMBLE_PREFIX}-p${n}`;
}

/** `s1-2-p3` → { prefix: 's1-2', n: 3 }; undefined for anything that is not a paragraph id. */
export function parseParagraphId(id: string): { prefix: string; n: number } | undefined {
  if (!PARAGRAPH_ID.test(id)) return undefined;
  const at = id.lastIndexOf('-p');
  return { prefix: id.slice(0, at), n: Number(id.slice(at + 2)) };
}

/** The id a paragraph had under a section's former id: alias `s1-9` of `s1-2-p3` is `s1-9-p3`. */
export function aliasParagraphId(alias: string, id: string): string | undefined {
  const parsed = parseParagraphId(id);
  return parsed && paragraphId(alias, parsed.n);
}

/**
 * Ids the page layout itself gives to elements (skip-link target, search box, contents heading,
 * the home page's year headings). A section id or alias equal to one would duplicate an HTML id,
 * so `#main` would land on the wrong element.
 */
export const LAYOUT_IDS: readonly string[] = ['main', 'site-search', 'toc-heading'];
const LAYOUT_ID_PATTERNS: readonly RegExp[] = [/^year-\d+$/];

/** Address segments under a report that name its pages other than sections (src/lib/addresses/urls.ts). */
export const REPORT_PAGE_SEGMENTS: readonly string[] = ['editions', 'compare'];

/**
 * Why `id` cannot name a section or alias, or undefined when it can: the layout uses it, it is
 * the preamble's paragraph prefix, it names another page of the report, or it has the shape of a
 * paragraph id.
 */
export function reservedIdReason(id: string): string | undefined {
  if (REPORT_PAGE_SEGMENTS.includes(id)) return 'page';
  if (LAYOUT_IDS.includes(id) || LAYOUT_ID_PATTERNS.some((pattern) => pattern.test(id)))
    return 'layout';
  if (id === PREAMBLE_PREFIX) return 'preamble';
  if (PARAGRAPH_ID.test(id)) return 'paragraph';
  return undefined;
}

/**
 * The id a location fragment names (`#s1-2-p3` → `s1-2-p3`). The fragment comes from whoever
 * wrote the link, so a malformed escape (`#%E0%A4%A`) yields the raw text instead of throwing.
 */
export function fragmentId(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

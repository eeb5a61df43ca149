import type { CitationSource } from './citation.ts';

/**
 * What a page tells its citation script (src/scripts/permalinks.ts), in one attribute on the
 * article: the agency, title and edition; the script adds the page's canonical URL, the section
 * heading, the fragment and the reader's date, and formats the reference with gbtCitation, as the
 * open data does.
 */
export type PageCitation = Omit<CitationSource, 'heading'>;

/**
 * The attribute: a JSON array [agency, title, edition, date], edition 0 and date '' when there
 * are none. An array rather than an object, and no URL (the page's canonical link has it): every
 * quote costs six bytes in an attribute, on a dozen pages a report.
 */
export function citationData(
  agency: string,
  title: string,
  edition: { edition: number; date: string } | undefined,
  published?: string,
): string {
  return JSON.stringify([agency, title, edition?.edition ?? 0, edition?.date ?? published ?? '']);
}

/**
 * Reads the attribute back, with the page's canonical URL; undefined when it is missing or not
 * what citationData writes.
 */
export function readCitationData(
  value: string | undefined | null,
  url: string,
): PageCitation | undefined {
  if (!value) return undefined;
  try {
    const data: unknown = JSON.parse(value);
    if (!Array.isArray(data)) return undefined;
    const [agency, title, edition, date] = data as unknown[];
    if (typeof agency !== 'string' || typeof title !== 'string') return undefined;
    return {
      agency,
      title,
      url,
      ...(typeof edition === 'number' && edition > 0 ? { edition } : {}),
      ...(typeof date === 'string' && date ? { date } : {}),
    };
  } catch {
    return undefined;
  }
}

import type { CitationSource } from './citation.ts';

/**
 * What a page tells its citation script (src/scripts/permalinks.ts), in one attribute on the
 * article: the agency, title and edition; the script adds the section heading, the fragment and
 * the reader's date, and formats the reference with gbtCitation, as the open data does.
 */
export type PageCitation = Omit<CitationSource, 'heading'>;

export function citationData(
  agency: string,
  title: string,
  edition: { edition: number; date: string } | undefined,
  url: string,
  published?: string,
): string {
  const data: PageCitation = {
    agency,
    title,
    url,
    ...(edition
      ? { edition: edition.edition, date: edition.date }
      : published
        ? { date: published }
        : {}),
  };
  return JSON.stringify(data);
}

/** Reads the attribute back; undefined when it is missing or not what citationData writes. */
export function readCitationData(value: string | undefined | null): PageCitation | undefined {
  if (!value) return undefined;
  try {
    const data = JSON.parse(value) as Partial<PageCitation>;
    return typeof data.agency === 'string' &&
      typeof data.title === 'string' &&
      typeof data.url === 'string'
      ? (data as PageCitation)
      : undefined;
  } catch {
    return undefined;
  }
}

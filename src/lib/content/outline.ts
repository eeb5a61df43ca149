import type { SectionData, StatutoryItem } from '../../schemas/section.ts';
import { displayNumbering, joinHeading } from './numbering.ts';
import { toFullWidthPunctuation } from './punctuation.ts';

/** A section placed in its report: the shape pages render and the table of contents lists. */
export interface OutlineSection<Entry> {
  id: string;
  /** Numbering as the site shows it: 一、, （一）, 第一部分 … */
  numbering: string;
  title: string;
  /** Heading text as shown: numbering, title, and 。 for a run-in heading. */
  heading: string;
  level: 2 | 3;
  /** The statutory item of the part (inherited by its subsections). */
  item: StatutoryItem;
  entry: Entry;
  children: OutlineSection<Entry>[];
}

/**
 * Orders a report's sections into parts and subsections. Expects sections that passed
 * checkSections (unique ids, known parents, numbering that matches order).
 */
export function buildOutline<Entry>(
  sections: readonly { data: SectionData; entry: Entry }[],
): OutlineSection<Entry>[] {
  const byOrder = <T extends { data: SectionData }>(list: T[]) =>
    list.sort((a, b) => a.data.order - b.data.order);
  const place = (
    { data, entry }: { data: SectionData; entry: Entry },
    level: 2 | 3,
    item: StatutoryItem,
  ): OutlineSection<Entry> => {
    const numbering = displayNumbering(data.numbering);
    const title = toFullWidthPunctuation(data.title);
    return {
      id: data.id,
      numbering,
      title,
      heading: `${joinHeading(numbering, title)}${data.runIn ? '。' : ''}`,
      level,
      item,
      entry,
      children: [],
    };
  };
  return byOrder(sections.filter((section) => section.data.parent === undefined)).map((part) => {
    const item = part.data.item ?? '其他';
    const placed = place(part, 2, item);
    placed.children = byOrder(
      sections.filter((section) => section.data.parent === part.data.id),
    ).map((sub) => place(sub, 3, item));
    return placed;
  });
}

/** Every section in reading order. */
export function flattenOutline<Entry>(
  outline: readonly OutlineSection<Entry>[],
): OutlineSection<Entry>[] {
  return outline.flatMap((part) => [part, ...part.children]);
}

/** The sections before and after `id` in reading order, for previous/next links. */
export function neighbours<Entry>(
  outline: readonly OutlineSection<Entry>[],
  id: string,
): { previous?: OutlineSection<Entry>; next?: OutlineSection<Entry> } {
  const flat = flattenOutline(outline);
  const index = flat.findIndex((section) => section.id === id);
  if (index === -1) return {};
  const previous = flat[index - 1];
  const next = flat[index + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

import { STATUTORY_ITEMS, type StatutoryItem } from '../../schemas/section.ts';

/**
 * Plain facts about a report against 《法治政府建设与责任落实督察工作规定》: art. 24 asks that the
 * report be made public before 1 April of the following year; art. 25 lists five items it
 * covers. Readers see these as facts and publishers as warnings; neither gets a judgement word.
 */
export interface StatutoryFacts {
  /** The last day that counts as on time: 1 April of the year after the one reported on. */
  deadline: string;
  /** Undefined for a draft that has no publication date yet. */
  published: string | undefined;
  /** Published on or before `deadline`; undefined while there is no publication date. */
  onTime: boolean | undefined;
  /** Each of the five items in the rule's order, with the parts (section ids) that cover it. */
  items: { item: StatutoryItem; sectionIds: string[] }[];
  /** The items no part covers. */
  missing: StatutoryItem[];
}

/** 1 April of the year after `year`, YYYY-MM-DD. */
export function publicationDeadline(year: number): string {
  return `${year + 1}-04-01`;
}

export function statutoryFacts(
  report: { year: number; published?: string | undefined },
  parts: readonly { id: string; item: StatutoryItem }[],
): StatutoryFacts {
  const deadline = publicationDeadline(report.year);
  const items = STATUTORY_ITEMS.map((item) => ({
    item,
    sectionIds: parts.filter((part) => part.item === item).map((part) => part.id),
  }));
  return {
    deadline,
    published: report.published,
    // ISO dates compare as strings.
    onTime: report.published === undefined ? undefined : report.published <= deadline,
    items,
    missing: items.filter((entry) => entry.sectionIds.length === 0).map((entry) => entry.item),
  };
}

import type { StatutoryItem } from '../../schemas/section.ts';

/**
 * The contract between the report page and the search index. The built page is the index's only
 * input: the components that render a report declare what the index needs with these `data-*`
 * attributes, and the Pagefind integration (src/node/page-records.ts) reads them back from
 * dist/ without looking at content/. Both sides import this module, so a renamed attribute
 * breaks both at once and the tests catch it from either end.
 */
export const SEARCH_ATTRIBUTES = {
  /** On the report's <article>: the report folder, its stable identity. */
  report: 'data-search-report',
  /** On the report's <article>: the calendar year reported on. */
  year: 'data-search-year',
  /** On the report's <article>: the agency id, the value of the agency filter. */
  agency: 'data-search-agency',
  /** On the report's <article>: the agency's short name, e.g. 嘉定公安分局. */
  agencyShortName: 'data-search-agency-short',
  /** On the report's <article>: the agency's full name, e.g. 上海市公安局嘉定分局. */
  agencyName: 'data-search-agency-name',
  /** On the report's <article>: the report title as shown. */
  title: 'data-search-title',
  /**
   * On each <section> and on the preamble: the section id, '' for the preamble. The element
   * inside with that id is the section's heading, as shown; a section inside another is a
   * subsection of that part, whose heading it is searched with (（三） means little without
   * 三、下步工作打算). Both are read from the markup the reader sees, not repeated for the index.
   */
  section: 'data-search-section',
  /** On a part's <section>: its statutory item, which its subsections share. */
  item: 'data-search-item',
  /** On the element holding a section's own paragraphs (<p id>): only these are indexed. */
  text: 'data-search-text',
} as const;

type Attributes = Record<string, string>;

/** What a report page says about itself for the index. */
export interface ReportDeclaration {
  folder: string;
  year: number;
  agency: { id: string; shortName: string; name: string };
  title: string;
}

/** What a section element says about itself for the index. */
export interface SectionDeclaration {
  id: string;
  heading: string;
  /** The part's heading, for a subsection; '' for a part. */
  part: string;
  item: StatutoryItem;
}

export function reportAttributes(report: ReportDeclaration): Attributes {
  const a = SEARCH_ATTRIBUTES;
  return {
    [a.report]: report.folder,
    [a.year]: String(report.year),
    [a.agency]: report.agency.id,
    [a.agencyShortName]: report.agency.shortName,
    [a.agencyName]: report.agency.name,
    [a.title]: report.title,
  };
}

/** A section's attributes: its id, and for a part its statutory item (subsections share it). */
export function sectionAttributes(
  section: Pick<SectionDeclaration, 'id' | 'item'>,
  isPart: boolean,
): Attributes {
  const a = SEARCH_ATTRIBUTES;
  return { [a.section]: section.id, ...(isPart ? { [a.item]: section.item } : {}) };
}

/** The preamble is a section without id or heading. */
export const PREAMBLE_ATTRIBUTES: Attributes = {
  [SEARCH_ATTRIBUTES.section]: '',
  [SEARCH_ATTRIBUTES.text]: '',
};

export const TEXT_ATTRIBUTES: Attributes = { [SEARCH_ATTRIBUTES.text]: '' };

/** The parts of a report a reader can filter on: short labels of the statutory items. */
export const PART_LABELS: Record<StatutoryItem, string> = {
  主要举措和成效: '成效',
  存在的不足和原因: '不足',
  第一责任人职责: '履职',
  下一年度主要安排: '下步打算',
  其他: '其他',
};

/** Pagefind filter names: what the filters key on (agency id, not its name, which may repeat). */
export const FILTER_NAMES = ['year', 'agency', 'part'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** A section's meta in the index: what a result shows and where it leads. */
export interface SearchRecordMeta {
  /** Report title. */
  title: string;
  /** Section id, '' for the preamble. */
  section: string;
  /** Section heading as shown, numbering included. */
  heading: string;
  /** For a subsection, its part's heading; '' otherwise. */
  part: string;
  /** Paragraph ids with the offset where each starts in the record's content: "s1-2-p1:0 s1-2-p2:231". */
  paragraphs: string;
  /** Position in the report's reading order as the page shows it: "0" for the preamble, "1" … */
  order: string;
}

/**
 * The agencies and years the index holds, written beside the index (SEARCH_SCOPE in urls.ts), so
 * that a query naming a place or a year can be scoped to it (src/lib/search/scope.ts).
 */
export interface SearchScopeData {
  agencies: {
    id: string;
    shortName: string;
    name: string;
    /** The years it reported on, so a query naming it and a year can go to that report. */
    years?: number[];
    /** Report folders by year, only where a folder is not named <year>-<agency id>. */
    folders?: Record<string, string>;
  }[];
  years: number[];
  /**
   * The Traditional-only characters whose Simplified form the index holds: a query with one of
   * them loads the converter (src/lib/search/traditional.ts) before searching.
   */
  traditional?: string;
  /**
   * The index's cache tag and the files every search needs first (under pagefind/), so a page
   * can fetch them all at once when the reader reaches for the box, not one after another.
   */
  index?: { tag: string; files: string[] };
  /**
   * Every index of the site (src/lib/search/index-groups.ts), the primary one first: its folder
   * under pagefind/ ('' for the primary, `years/2016/`, or `parts/2/years/2016/` for a site built
   * in parts and merged by `npm run merge-parts`), the years it holds, its cache tag and its
   * number of sections. A query naming a year searches that year's index alone; any other the
   * newest first, merging older ones (Pagefind's mergeIndex) as the reader asks for more.
   */
  indexes?: { path: string; years: number[]; tag: string; records?: number }[];
}

import { Parser } from 'htmlparser2';
import { PARAGRAPH_ID } from '../lib/addresses/ids.ts';
import { reportPath } from '../lib/addresses/urls.ts';
import {
  SEARCH_ATTRIBUTES as A,
  PART_LABELS,
  type ReportDeclaration,
  type SearchRecordMeta,
  type SectionDeclaration,
} from '../lib/search/index-contract.ts';
import { STATUTORY_ITEMS, type StatutoryItem } from '../schemas/section.ts';

/**
 * What the search indexes: one record per section of a report (and one for its preamble),
 * holding only the section's own paragraphs, so a part (一、) never wins on its subsections' text.
 * Records are read from the built report page through the attributes of
 * src/lib/search/index-contract.ts, so the index holds exactly the text readers see and knows
 * nothing of content/.
 */
export interface SectionText extends Omit<SectionDeclaration, 'item'> {
  /** Undefined for the preamble, which belongs to no statutory item. */
  item: StatutoryItem | undefined;
  paragraphs: { id: string; text: string }[];
}

export interface PageRecords {
  report: ReportDeclaration;
  sections: SectionText[];
}

const ITEMS = new Set<string>(STATUTORY_ITEMS);

/**
 * Reads a built report page: undefined for a page that declares no report (a redirect, say).
 * One streaming pass, no DOM: a paragraph is a <p id> inside a section's text element, and it
 * belongs to the innermost section open around it.
 */
export function extractRecords(html: string): PageRecords | undefined {
  let report: ReportDeclaration | undefined;
  const sections: SectionText[] = [];
  // Each open element: the section it opened (if any), whether it opened a text element or a paragraph.
  const stack: {
    section?: SectionText;
    text?: boolean;
    paragraph?: boolean;
    heading?: boolean;
  }[] = [];
  const open: SectionText[] = [];
  let textDepth = 0;
  let paragraph: { id: string; text: string } | undefined;
  let heading: SectionText | undefined;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const frame: (typeof stack)[number] = {};
        if (attributes[A.report] !== undefined && !report) {
          report = {
            folder: attributes[A.report]!,
            year: Number(attributes[A.year]),
            agency: {
              id: attributes[A.agency] ?? '',
              shortName: attributes[A.agencyShortName] ?? '',
              name: attributes[A.agencyName] ?? '',
            },
            title: attributes[A.title] ?? '',
          };
        }
        if (attributes[A.section] !== undefined) {
          // A subsection is searched with its part's heading and shares its statutory item.
          const part = open.at(-1);
          const item = attributes[A.item];
          const section: SectionText = {
            id: attributes[A.section]!,
            heading: '',
            part: part?.heading ?? '',
            item: item && ITEMS.has(item) ? (item as StatutoryItem) : part?.item,
            paragraphs: [],
          };
          sections.push(section);
          open.push(section);
          frame.section = section;
        }
        const innermost = open.at(-1);
        if (/^h[1-6]$/.test(name) && innermost?.id && attributes['id'] === innermost.id) {
          heading = innermost;
          frame.heading = true;
        }
        if (attributes[A.text] !== undefined) {
          textDepth += 1;
          frame.text = true;
        }
        if (name === 'p' && textDepth > 0 && attributes['id'] && !paragraph) {
          paragraph = { id: attributes['id'], text: '' };
          frame.paragraph = true;
        }
        // htmlparser2 closes every element it opens, void ones and implied ends included.
        stack.push(frame);
      },
      ontext(text) {
        if (paragraph) paragraph.text += text;
        if (heading) heading.heading += text;
      },
      onclosetag() {
        const frame = stack.pop();
        if (!frame) return;
        if (frame.paragraph && paragraph) {
          const text = paragraph.text.trim();
          if (text) open.at(-1)?.paragraphs.push({ id: paragraph.id, text });
          paragraph = undefined;
        }
        if (frame.heading && heading) {
          heading.heading = heading.heading.trim();
          heading = undefined;
        }
        if (frame.text) textDepth -= 1;
        if (frame.section) open.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  if (!report) return undefined;
  return { report, sections };
}

/**
 * The paragraphs of a piece of rendered HTML (a content entry's), with their ids and text as the
 * page shows them: every <p> with a paragraph id. The same reading as extractRecords, for the
 * open-data copies, so they cannot drift from the page.
 */
export function paragraphsOf(html: string): { id: string; text: string }[] {
  const paragraphs: { id: string; text: string }[] = [];
  let open: { id: string; text: string } | undefined;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (open) depth += 1;
        else if (name === 'p' && attributes['id'] && PARAGRAPH_ID.test(attributes['id'])) {
          open = { id: attributes['id'], text: '' };
          depth = 0;
        }
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag() {
        if (!open) return;
        if (depth > 0) {
          depth -= 1;
          return;
        }
        paragraphs.push({ id: open.id, text: open.text.trim() });
        open = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return paragraphs;
}

/**
 * Joins a section's heading and paragraphs into the record's content and notes where each
 * paragraph starts, so a result can lead to the paragraph that holds the match.
 */
export function recordContent(section: Pick<SectionText, 'heading' | 'paragraphs'>): {
  content: string;
  offsets: string;
} {
  let content = section.heading;
  const offsets: string[] = [];
  for (const paragraph of section.paragraphs) {
    if (content) content += '\n';
    offsets.push(`${paragraph.id}:${content.length}`);
    content += paragraph.text;
  }
  return { content, offsets: offsets.join(' ') };
}

/** The language of every record: Pagefind's segmentation, and the WebAssembly it ships, follow it. */
export const RECORD_LANGUAGE = 'zh-cn';

/** One record for the search index: a section's text, where it leads, its meta and filters. */
export interface SearchRecord {
  url: string;
  content: string;
  language: typeof RECORD_LANGUAGE;
  meta: SearchRecordMeta & Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * The index's records of one report page, in the order the page shows its sections: that order
 * travels as data (meta `order`), so results listed in reading order never depend on the shape of
 * section ids. URLs are under `/`: Pagefind puts the site's base in front of them itself.
 */
export function searchRecords({ report, sections }: PageRecords): SearchRecord[] {
  const page = reportPath('/', report.folder);
  return sections.flatMap((section, order) => {
    const { content, offsets } = recordContent(section);
    if (!content || (!section.id && !section.paragraphs.length)) return [];
    return [
      {
        url: section.id ? `${page}#${section.id}` : `${page}#${section.paragraphs[0]!.id}`,
        content,
        language: RECORD_LANGUAGE,
        meta: {
          title: report.title,
          section: section.id,
          heading: section.heading,
          part: section.part,
          paragraphs: offsets,
          order: String(order),
        },
        filters: {
          year: [String(report.year)],
          agency: [report.agency.id],
          ...(section.item ? { part: [PART_LABELS[section.item]] } : {}),
        },
      },
    ];
  });
}

import { load } from 'cheerio';
import type { StatutoryItem } from '../schemas/section.ts';

/**
 * What the search indexes: one record per section of a report (and one for its preamble),
 * holding only the section's own paragraphs, so a part (一、) never wins on its subsections' text.
 * Records are taken from the built report page, so the index holds exactly the text readers see.
 */
export interface SectionText {
  /** Section id (s1-2), or '' for the preamble. */
  id: string;
  /** Heading as shown, numbering included, e.g. （二）从严打击违法犯罪… */
  heading: string;
  paragraphs: { id: string; text: string }[];
}

/** The parts of a report a reader can filter on, short labels of the statutory items. */
export const PART_LABELS: Record<StatutoryItem, string> = {
  主要举措和成效: '成效',
  存在的不足和原因: '不足',
  第一责任人职责: '履职',
  下一年度主要安排: '下步打算',
  其他: '其他',
};

/** Reads the sections of a built report page: every <section> with its heading and own <p id>. */
export function extractSections(html: string): SectionText[] {
  const $ = load(html);
  const out: SectionText[] = [];
  const preamble = $('.report-preamble p[id]')
    .toArray()
    .map((p) => ({ id: $(p).attr('id')!, text: $(p).text().trim() }))
    .filter((p) => p.text);
  if (preamble.length) out.push({ id: '', heading: '', paragraphs: preamble });
  for (const section of $('section.report-section').toArray()) {
    const heading = $(section).children('.section-heading').find('h1,h2,h3').first();
    const id = heading.attr('id');
    if (!id) continue;
    const paragraphs = $(section)
      .children('.report-text')
      .find('p[id]')
      .toArray()
      .map((p) => ({ id: $(p).attr('id')!, text: $(p).text().trim() }))
      .filter((p) => p.text);
    out.push({ id, heading: heading.text().trim(), paragraphs });
  }
  return out;
}

/** A section's meta in the index: what a result shows and where it leads. */
export interface SearchRecordMeta {
  /** Report title. */
  title: string;
  /** Section id, '' for the preamble. */
  section: string;
  /** Section heading as shown, numbering included. */
  heading: string;
  /** For a subsection, its part's heading (（三） means little without 三、下步工作打算); '' otherwise. */
  part: string;
  /** Paragraph ids with the offset where each starts in the record's content: "s1-2-p1:0 s1-2-p2:231". */
  paragraphs: string;
}

/**
 * Joins a section's heading and paragraphs into the record's content and notes where each
 * paragraph starts, so a result can lead to the paragraph that holds the match.
 */
export function recordContent(section: SectionText): { content: string; offsets: string } {
  let content = section.heading;
  const offsets: string[] = [];
  for (const paragraph of section.paragraphs) {
    if (content) content += '\n';
    offsets.push(`${paragraph.id}:${content.length}`);
    content += paragraph.text;
  }
  return { content, offsets: offsets.join(' ') };
}

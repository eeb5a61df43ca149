import { load } from 'cheerio';
import { PARAGRAPH_ID } from '../lib/addresses/ids.ts';

// The .json, .md and .txt copies of a report each ask for the same entries' paragraphs.
const parsed = new Map<string, { id: string; text: string }[]>();

/**
 * The paragraphs of a content entry's rendered HTML, with their ids and text as the page
 * shows them: the same HTML the page embeds, so the open-data copies cannot drift from it.
 * Paragraph links and alias markers are empty elements and add no text.
 */
export function renderedParagraphs(html: string): { id: string; text: string }[] {
  const known = parsed.get(html);
  if (known) return known;
  // htmlparser2 rather than cheerio's default parse5: this HTML comes from the site's own
  // Markdown pipeline (well-formed, no implied elements), and it parses several times faster.
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } }, false);
  const paragraphs = $('p[id]')
    .toArray()
    .flatMap((element) => {
      const id = $(element).attr('id')!;
      return PARAGRAPH_ID.test(id) ? [{ id, text: $(element).text().trim() }] : [];
    });
  parsed.set(html, paragraphs);
  return paragraphs;
}

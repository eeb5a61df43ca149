import { load } from 'cheerio';
import { PARAGRAPH_ID } from '../lib/addresses/ids.ts';

/**
 * The paragraphs of a content entry's rendered HTML, with their ids and text as the page
 * shows them: the same HTML the page embeds, so the open-data copies cannot drift from it.
 * Paragraph links and alias markers are empty elements and add no text.
 */
export function renderedParagraphs(html: string): { id: string; text: string }[] {
  const $ = load(html, null, false);
  return $('p[id]')
    .toArray()
    .flatMap((element) => {
      const id = $(element).attr('id')!;
      return PARAGRAPH_ID.test(id) ? [{ id, text: $(element).text().trim() }] : [];
    });
}

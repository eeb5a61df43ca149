import { load } from 'cheerio';
import { PARAGRAPH_ID } from '../lib/addresses/ids.ts';

// The .json, .md and .txt copies of a report each ask for the same entries' paragraphs. Kept
// with the rendered entry itself, so they go when the run's entries go (a dev reload, the end of
// a build), however many runs one process sees.
const parsed = new WeakMap<object, { id: string; text: string }[]>();

/**
 * The paragraphs of a content entry's rendered HTML, with their ids and text as the page
 * shows them: the same HTML the page embeds, so the open-data copies cannot drift from it.
 * Paragraph links and alias markers are empty elements and add no text.
 */
export function renderedParagraphs(rendered: { html: string } | undefined): {
  id: string;
  text: string;
}[] {
  if (!rendered) return [];
  const known = parsed.get(rendered);
  if (known) return known;
  const { html } = rendered;
  // htmlparser2 rather than cheerio's default parse5: this HTML comes from the site's own
  // Markdown pipeline (well-formed, no implied elements), and it parses several times faster.
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } }, false);
  const paragraphs = $('p[id]')
    .toArray()
    .flatMap((element) => {
      const id = $(element).attr('id')!;
      return PARAGRAPH_ID.test(id) ? [{ id, text: $(element).text().trim() }] : [];
    });
  parsed.set(rendered, paragraphs);
  return paragraphs;
}

import { paragraphsOf } from './page-records.ts';

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
  const paragraphs = paragraphsOf(html);
  parsed.set(rendered, paragraphs);
  return paragraphs;
}

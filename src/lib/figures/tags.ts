/**
 * Marks the paragraphs that state a figure on the report and section pages: each gets
 * `data-figure="行政复议案件：36件"`, which CSS shows beside the paragraph on hover and focus
 * (src/styles/reading.css). An attribute, not text, so the paragraph's words, its search record
 * and a reader's copied selection stay the published wording.
 */

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The rendered HTML of a section with its figures' paragraphs marked; `tags` maps id → label. */
export function withFigureTags(html: string, tags: ReadonlyMap<string, string>): string {
  let out = html;
  for (const [id, label] of tags) {
    const open = `<p id="${id}"`;
    const at = out.indexOf(open);
    if (at === -1) continue;
    const end = at + open.length;
    out = `${out.slice(0, end)} data-figure="${escapeAttribute(label)}"${out.slice(end)}`;
  }
  return out;
}

import { SUMMARY_MAX } from '../../schemas/report.ts';
import { toFullWidthPunctuation } from './punctuation.ts';
import { findPlaceholders } from './review.ts';

/**
 * The two summaries of the site, one rule each: summarize() for a page's description (from the
 * Markdown, at build time) and deriveSummary() for a report's `summary` field (from the released
 * text, when importing). They share how a text too long to keep whole is cut.
 */

const SENTENCE_END = /[。；]/;

/**
 * The page-description rule: a short plain-text summary of Markdown for sharing cards and the
 * description meta tag: the first paragraph without Markdown marks, ASCII punctuation shown
 * full-width as on the page, cut at a sentence end when one falls within `max` characters. About
 * 80 characters are what search results and share cards show of a description; more would only
 * weigh on every section page.
 */
export function summarize(markdown: string, max = SUMMARY_LENGTH): string {
  const paragraph = markdown
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .find((block) => block && !block.startsWith('#'));
  if (!paragraph) return '';
  const text = toFullWidthPunctuation(
    paragraph
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`~]+/g, '')
      .replace(/\s+/g, ''),
  );
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const end = lastMark(head, SENTENCE_END);
  return end >= max / 2 ? head.slice(0, end + 1) : `${head}…`;
}

/**
 * A section page's description: the start of its text. The page title already names the section,
 * the report and the site, and a card or a search result shows the title above the description,
 * so none of them is repeated in it (a dozen pages per report carry it twice: the description and
 * the portal's Description meta). A section with no text of its own is described by its heading.
 */
export function sectionDescription(heading: string, summary: string): string {
  return summary || heading;
}

/**
 * The index of the last character of `text` that `marks` matches, or -1: where a summary too long
 * to keep whole is cut. Both rules below cut this way, at different marks.
 */
function lastMark(text: string, marks: RegExp): number {
  for (let i = text.length - 1; i >= 0; i--) if (marks.test(text[i]!)) return i;
  return -1;
}

/** Summaries are shown in lists and page descriptions, where about 80 characters fit. */
export const SUMMARY_LENGTH = 80;
/** A first sentence up to this long is kept whole: a little long is better than a cut sentence. */
const WHOLE_SENTENCE = 120;

const SENTENCE = /[^。！？!?]+[。！？!?]?/g;
const CLAUSE_END = /[，；、,;]/;
// A salutation (市政府：) or a line of page furniture is no summary.
const NOT_TEXT = /^[^。！？]{1,20}[:：]$|^(转自|转载|来源|來源)[:：]/;

/**
 * The importer's rule, for the frontmatter's `summary`: the first sentence of the preamble, as
 * released. A sentence much longer than SUMMARY_LENGTH is cut after its last clause within that
 * length and ends with a single … (the content check takes …… for a placeholder); a sentence
 * holding what the content check takes for a placeholder (……) is passed over, so that nothing the
 * importer writes fails the check. Undefined when there is no such sentence.
 */
export function deriveSummary(paragraphs: readonly string[]): string | undefined {
  for (const text of paragraphs) {
    if (text === '' || NOT_TEXT.test(text)) continue;
    for (const [sentence] of text.matchAll(SENTENCE)) {
      const trimmed = sentence.trim();
      if (trimmed.length < 4 || trimmed.includes('……') || findPlaceholders(trimmed).length)
        continue;
      if (trimmed.length <= Math.min(WHOLE_SENTENCE, SUMMARY_MAX)) return trimmed;
      const cut = lastMark(trimmed.slice(0, SUMMARY_LENGTH), CLAUSE_END);
      const kept =
        cut > SUMMARY_LENGTH / 3 ? trimmed.slice(0, cut) : trimmed.slice(0, SUMMARY_LENGTH);
      return `${kept}…`;
    }
    // Only the first paragraph of text is the opening.
    return undefined;
  }
  return undefined;
}

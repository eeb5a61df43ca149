import { findPlaceholders } from '../content/review.ts';
import { SUMMARY_MAX } from '../../schemas/report.ts';

/** Summaries are shown in lists and page descriptions, where about 80 characters fit. */
export const SUMMARY_LENGTH = 80;
/** A first sentence up to this long is kept whole: a little long is better than a cut sentence. */
const WHOLE_SENTENCE = 120;

const SENTENCE = /[^。！？!?]+[。！？!?]?/g;
const CLAUSE_END = /[，；、,;]/;
// A salutation (市政府：) or a line of page furniture is no summary.
const NOT_TEXT = /^[^。！？]{1,20}[:：]$|^(转自|转载|来源|來源)[:：]/;

/**
 * The report's summary: the first sentence of the preamble, as released. A sentence much longer
 * than SUMMARY_LENGTH is cut after its last clause within that length and ends with a single …
 * (the content check takes …… for a placeholder); a sentence holding what the content check takes for a placeholder (……) is passed over, so
 * that nothing the importer writes fails the check. Undefined when there is no such sentence.
 */
export function deriveSummary(paragraphs: readonly string[]): string | undefined {
  for (const text of paragraphs) {
    if (text === '' || NOT_TEXT.test(text)) continue;
    for (const [sentence] of text.matchAll(SENTENCE)) {
      const trimmed = sentence.trim();
      if (trimmed.length < 4 || trimmed.includes('……') || findPlaceholders(trimmed).length)
        continue;
      if (trimmed.length <= Math.min(WHOLE_SENTENCE, SUMMARY_MAX)) return trimmed;
      let cut = -1;
      for (let i = 0; i < SUMMARY_LENGTH; i++) if (CLAUSE_END.test(trimmed[i]!)) cut = i;
      const kept =
        cut > SUMMARY_LENGTH / 3 ? trimmed.slice(0, cut) : trimmed.slice(0, SUMMARY_LENGTH);
      return `${kept}…`;
    }
    // Only the first paragraph of text is the opening.
    return undefined;
  }
  return undefined;
}

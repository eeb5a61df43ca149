/** Summaries are shown in lists and page descriptions, where about 80 characters fit. */
export const SUMMARY_LENGTH = 80;

const SENTENCE_END = /[。！？!?]/;
const CLAUSE_END = /[，；、,;]/;

/**
 * The report's summary: the first sentence of the preamble, when it fits in about
 * SUMMARY_LENGTH characters; a longer sentence is cut after its last clause within that length
 * and ends with ……. A salutation line (市政府：) is skipped. Undefined when there is no text.
 */
export function deriveSummary(paragraphs: readonly string[]): string | undefined {
  const text = paragraphs.find((paragraph) => !/^[^。！？]{1,20}[:：]$/.test(paragraph));
  if (text === undefined || text === '') return undefined;
  const end = text.search(SENTENCE_END);
  const sentence = end === -1 ? text : text.slice(0, end + 1);
  // A little over the length is better than a cut sentence.
  if (sentence.length <= SUMMARY_LENGTH + 10) return sentence;
  let cut = -1;
  for (let i = 0; i < SUMMARY_LENGTH; i++) if (CLAUSE_END.test(sentence[i]!)) cut = i;
  const kept =
    cut > SUMMARY_LENGTH / 3 ? sentence.slice(0, cut) : sentence.slice(0, SUMMARY_LENGTH);
  return `${kept}……`;
}

/**
 * Sentences for comparing a built page with its source text: split after 。！？； and at line
 * ends, then folded so that only wording and figures count (full-width and ASCII punctuation
 * compare equal, whitespace is ignored).
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；!?;])|\n/u)
    .map((sentence) => sentence.normalize('NFKC').replace(/\s+/gu, ''))
    .filter(Boolean);
}

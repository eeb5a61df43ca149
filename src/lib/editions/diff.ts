import { diffChars } from 'diff';

/**
 * Character-level comparison of two wordings. Chinese has no spaces between words, so a word
 * diff would mark whole sentences; characters show exactly which figure or name changed.
 */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export function charDiff(before: string, after: string): DiffPart[] {
  return diffChars(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

/**
 * How alike two wordings are, from 0 (nothing shared) to 1 (the same): the share of the longer
 * one they have in common, or a little less than the share of the shorter, whichever is more, so
 * a short sentence that gained a clause still counts as the same sentence reworded.
 */
export function similarity(before: string, after: string): number {
  if (before === after) return 1;
  const longest = Math.max(before.length, after.length);
  const shortest = Math.min(before.length, after.length);
  if (!shortest) return 0;
  let same = 0;
  for (const part of diffChars(before, after))
    if (!part.added && !part.removed) same += part.value.length;
  return Math.max(same / longest, 0.8 * (same / shortest));
}

const ELLIPSIS = '…';

/**
 * The changed stretch of two wordings with a little context either side, for a one-line message:
 * “…推进2.4亿元…” → “…推进2.5亿元…”.
 */
export function shortenChange(
  before: string,
  after: string,
  context = 10,
): { before: string; after: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start])
    start += 1;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end += 1;
  const from = Math.max(0, start - context);
  const cut = (text: string) => {
    const to = Math.min(text.length, text.length - end + context);
    const middle = text.slice(from, to);
    const clipped =
      middle.length > 60 ? `${middle.slice(0, 28)}${ELLIPSIS}${middle.slice(-28)}` : middle;
    return `${from > 0 ? ELLIPSIS : ''}${clipped}${to < text.length ? ELLIPSIS : ''}`;
  };
  return { before: cut(before), after: cut(after) };
}

/** A long wording cut to its start, for messages about a paragraph added or removed. */
export function excerpt(text: string, length = 24): string {
  return text.length > length ? `${text.slice(0, length)}${ELLIPSIS}` : text;
}

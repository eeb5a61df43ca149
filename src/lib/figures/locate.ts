import { findValue, sameValue, statedValues } from './values.ts';

/** What the locating needs of an indicator. */
export interface IndicatorWording {
  name: string;
  unit: string;
  synonyms: readonly string[];
}

/** Where a section's text states a figure: paragraph (from 1), the sentence, and how. */
export interface FigurePlace {
  paragraph: number;
  sentence: string;
  /** The clauses of the sentence around the value (excerptAt), as an answer quotes them. */
  excerpt: string;
  /** The text says 余 or 多 (9000余处): the value is a lower bound. */
  approx: boolean;
}

/** The sentence of `text` that holds the character at `index` (sentences end with 。；！？). */
export function sentenceAt(text: string, index: number): string {
  const { start, end } = sentenceSpanAt(text, index);
  return text.slice(start, end);
}

/** Where the sentence holding `index` starts and ends in `text`, without surrounding spaces. */
function sentenceSpanAt(text: string, index: number): { start: number; end: number } {
  const ends = /[。；;！？!?]/g;
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(ends)) {
    if (index < match.index + 1) {
      end = match.index + 1;
      break;
    }
    start = match.index + 1;
  }
  while (start < end && /\s/u.test(text[start]!)) start += 1;
  while (end > start && /\s/u.test(text[end - 1]!)) end -= 1;
  return { start, end };
}

/**
 * Characters an excerpt keeps at most: two lines of a search answer on a phone. Report sentences
 * run to a hundred characters and more, chained with commas; the answer needs the clause that
 * states the figure, and the full sentence is one tap away on the report page.
 */
export const EXCERPT_CHARS = 40;

const CLAUSE_END = /[，、：,:]/gu;

/**
 * The clauses of `sentence` around the character at `index`: the one holding it, then its
 * neighbours (the one before first, where a figure's subject usually is) while the whole stays
 * within `max` characters. A clause longer than that is cut around the index. Where the excerpt
 * stops short of the sentence, … says so (and a clause's trailing comma gives way to it).
 */
export function excerptAt(sentence: string, index: number, max = EXCERPT_CHARS): string {
  const clauses: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of sentence.matchAll(CLAUSE_END)) {
    clauses.push({ start, end: match.index + 1 });
    start = match.index + 1;
  }
  if (start < sentence.length) clauses.push({ start, end: sentence.length });
  const at = Math.max(
    0,
    clauses.findIndex((clause) => index < clause.end),
  );
  let from = at;
  let to = at;
  const length = () => clauses[to]!.end - clauses[from]!.start;
  if (length() > max) {
    const clause = clauses[at]!;
    const cut = Math.min(Math.max(clause.start, index - max / 2), clause.end - max);
    return mark(sentence, cut, cut + max);
  }
  for (let grew = true; grew;) {
    grew = false;
    if (from > 0 && clauses[to]!.end - clauses[from - 1]!.start <= max) {
      from -= 1;
      grew = true;
    }
    if (to < clauses.length - 1 && clauses[to + 1]!.end - clauses[from]!.start <= max) {
      to += 1;
      grew = true;
    }
  }
  return mark(sentence, clauses[from]!.start, clauses[to]!.end);
}

/** `sentence` from `start` to `end`, with … where either end cuts it short. */
function mark(sentence: string, start: number, end: number): string {
  let text = sentence.slice(start, end);
  if (end < sentence.length) text = `${text.replace(/[，、：,:]$/u, '')}…`;
  return start > 0 ? `…${text}` : text;
}

/** The indicator's wordings, longest first, so 行政复议案件 is found before 行政复议. */
export function wordings(indicator: IndicatorWording): string[] {
  return [indicator.name, ...indicator.synonyms].sort((a, b) => b.length - a.length);
}

/**
 * The paragraph and sentence that state `value` in the indicator's unit. When several do, the
 * one whose sentence names the indicator (or a synonym) wins, then the first.
 */
export function locateFigure(
  paragraphs: readonly string[],
  indicator: IndicatorWording,
  value: number,
): FigurePlace | undefined {
  let first: FigurePlace | undefined;
  const words = wordings(indicator);
  for (const [i, text] of paragraphs.entries()) {
    for (const stated of statedValues(text, indicator.unit)) {
      if (!sameValue(stated.value, value)) continue;
      const span = sentenceSpanAt(text, stated.start);
      const sentence = text.slice(span.start, span.end);
      const place = {
        paragraph: i + 1,
        sentence,
        excerpt: excerptAt(sentence, stated.start - span.start),
        approx: stated.approx,
      };
      if (words.some((word) => place.sentence.includes(word))) return place;
      first ??= place;
    }
  }
  return first;
}

/** True when some paragraph states the value in the unit. */
export function statesValue(paragraphs: readonly string[], value: number, unit: string): boolean {
  return paragraphs.some((text) => findValue(text, value, unit) !== undefined);
}

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
  /** The text says 余 or 多 (9000余处): the value is a lower bound. */
  approx: boolean;
}

/** The sentence of `text` that holds the character at `index` (sentences end with 。；！？). */
export function sentenceAt(text: string, index: number): string {
  const ends = /[。；;！？!?]/g;
  let start = 0;
  for (const match of text.matchAll(ends)) {
    const end = match.index + 1;
    if (index < end) return text.slice(start, end).trim();
    start = end;
  }
  return text.slice(start).trim();
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
      const place = {
        paragraph: i + 1,
        sentence: sentenceAt(text, stated.start),
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

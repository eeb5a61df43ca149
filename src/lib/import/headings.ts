import { type NumberingStyle, parseNumbering } from '../content/numbering.ts';
import { type Block, type Span, sliceSpans, spansText, trimSpans } from './blocks.ts';

/** A paragraph that starts with a numbering: a heading if its style and number fit. */
export interface HeadingCandidate {
  style: NumberingStyle;
  n: number;
  /** The numbering as released, e.g. (一) or 第一部分. */
  numbering: string;
  /** Everything after the numbering. */
  rest: Span[];
}

const CN = '[一二三四五六七八九十]+';
const NUMBERING = new RegExp(
  [
    `^第${CN}部分`,
    `^${CN}、`,
    `^[(（]${CN}[)）]`,
    // 1.5亿元 is a figure, not a numbering.
    '^[1-9１-９][0-9０-９]?[.．、](?![0-9０-９])',
    '^[(（][1-9１-９][0-9０-９]?[)）]',
  ].join('|'),
);

/** The numbering a paragraph starts with, if any. Lists and tables are never headings. */
export function readHeadingCandidate(block: Block): HeadingCandidate | undefined {
  if (block.kind !== 'paragraph') return undefined;
  const text = spansText(block.spans);
  const match = NUMBERING.exec(text);
  if (!match) return undefined;
  const parsed = parseNumbering(match[0]);
  if (!parsed) return undefined;
  // 一、二季度 names two quarters, not part 一.
  if (
    parsed.style === 'ordinal' &&
    new RegExp(`^${CN}(季度|月份|年度)`).test(text.slice(match[0].length))
  )
    return undefined;
  const leading = block.spans
    .map((span) => span.text)
    .join('')
    .indexOf(match[0]);
  const rest = trimSpans(sliceSpans(block.spans, leading + match[0].length));
  // Punctuation between numbering and title (第一部分：总体情况) is not part of the title.
  const cleaned = trimSpans(stripLeading(rest, /^[\s\u3000:：、.．]+/u));
  return { ...parsed, numbering: match[0], rest: cleaned };
}

function stripLeading(spans: Span[], pattern: RegExp): Span[] {
  const text = spans.map((span) => span.text).join('');
  const match = pattern.exec(text);
  return match ? sliceSpans(spans, match[0].length) : spans;
}

export interface SplitHeading {
  title: string;
  /** The heading ran into its first paragraph: （一）狠抓法治理念教育。坚持不懈… */
  runIn: boolean;
  /** The text after a run-in heading, as the section's first paragraph. */
  lead?: Span[];
}

/**
 * A heading on its own line is all title; a run-in heading (a lead sentence followed by text in
 * the same paragraph) ends at its first 。, and the rest is the section's first paragraph.
 */
export function splitHeading(rest: Span[]): SplitHeading {
  const text = rest.map((span) => span.text).join('');
  const stop = text.indexOf('。');
  if (stop > 0 && stop < text.trimEnd().length - 1) {
    return {
      title: spansText(sliceSpans(rest, 0, stop)),
      runIn: true,
      lead: trimSpans(sliceSpans(rest, stop + 1)),
    };
  }
  return { title: spansText(rest), runIn: false };
}

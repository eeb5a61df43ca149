/** Chinese numerals as used in official document numbering (一、 二、 … 十一、). */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. Supports 1–99, which covers any report. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99)
    throw new RangeError(`numbering supports 1–99, got ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 一 → 1, 十二 → 12, 二十 → 20; undefined for anything else. */
export function fromChineseNumeral(text: string): number | undefined {
  for (let n = 1; n <= 99; n++) if (toChineseNumeral(n) === text) return n;
  return undefined;
}

/**
 * The numbering styles of Chinese official documents, from the outermost level to the
 * innermost (GB/T 9704 and common practice): 第一部分, 一、, （一）, 1., （1）. A report uses
 * two of them for its parts and subsections, usually 一、 and （一）.
 */
export const NUMBERING_STYLES = ['chapter', 'ordinal', 'paren', 'arabic', 'arabicParen'] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

export interface ParsedNumbering {
  style: NumberingStyle;
  /** The position the numbering stands for, from 1. */
  n: number;
}

const CN = '[一二三四五六七八九十]+';
// Publishers and the source texts use both ASCII and full-width parentheses and stops.
const PATTERNS: readonly [NumberingStyle, RegExp][] = [
  ['chapter', new RegExp(`^第(${CN})部分$`)],
  ['ordinal', new RegExp(`^(${CN})、$`)],
  ['paren', new RegExp(`^[(（](${CN})[)）]$`)],
  // Full-width digits (１．) come from copies that widen every character.
  ['arabic', /^([1-9１-９][0-9０-９]?)[.．、]$/],
  ['arabicParen', /^[(（]([1-9１-９][0-9０-９]?)[)）]$/],
];

/** Reads a published numbering (第一部分 / 一、 / (一) / （一） / 1. / （1）) into its style and position. */
export function parseNumbering(numbering: string): ParsedNumbering | undefined {
  const text = numbering.trim();
  for (const [style, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const digits = match[1]!;
    const n = /^[0-9０-９]+$/.test(digits)
      ? Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)))
      : fromChineseNumeral(digits);
    return n === undefined ? undefined : { style, n };
  }
  return undefined;
}

/** How deep a style sits: 0 for 第一部分, 1 for 一、 … A subsection's style ranks below its part's. */
export function styleRank(style: NumberingStyle): number {
  return NUMBERING_STYLES.indexOf(style);
}

/** The numbering the site shows for a position: 第一部分, 一、, （一）, 1. or （1）. */
export function formatNumbering(style: NumberingStyle, n: number): string {
  switch (style) {
    case 'chapter':
      return `第${toChineseNumeral(n)}部分`;
    case 'ordinal':
      return `${toChineseNumeral(n)}、`;
    case 'paren':
      return `（${toChineseNumeral(n)}）`;
    case 'arabic':
      return `${n}.`;
    case 'arabicParen':
      return `（${n}）`;
  }
}

/**
 * The numbering as shown on a page: parentheses full-width (（一） for (一)), other styles as
 * published, so that 1、 stays 1、.
 */
export function displayNumbering(numbering: string): string {
  const parsed = parseNumbering(numbering);
  if (parsed && (parsed.style === 'paren' || parsed.style === 'arabicParen'))
    return formatNumbering(parsed.style, parsed.n);
  return numbering.trim();
}

/** A heading as shown: numbering and title, with a space after 第一部分, which ends in no mark. */
export function joinHeading(numbering: string, title: string): string {
  return /部分$/.test(numbering) ? `${numbering} ${title}` : `${numbering}${title}`;
}

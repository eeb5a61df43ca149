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

export type NumberingLevel = 'part' | 'subsection';

export interface ParsedNumbering {
  level: NumberingLevel;
  /** The position the numbering stands for, from 1. */
  n: number;
}

const PART = /^([一二三四五六七八九十]+)、$/;
// Publishers and the source texts use both ASCII and full-width parentheses.
const SUBSECTION = /^[(（]([一二三四五六七八九十]+)[)）]$/;

/** Reads a published numbering (一、 / (一) / （一）) into its level and position. */
export function parseNumbering(numbering: string): ParsedNumbering | undefined {
  const part = PART.exec(numbering.trim());
  if (part) {
    const n = fromChineseNumeral(part[1]!);
    return n === undefined ? undefined : { level: 'part', n };
  }
  const sub = SUBSECTION.exec(numbering.trim());
  if (sub) {
    const n = fromChineseNumeral(sub[1]!);
    return n === undefined ? undefined : { level: 'subsection', n };
  }
  return undefined;
}

/** The numbering the site shows for a position: 一、 for parts, （一） for subsections. */
export function formatNumbering(level: NumberingLevel, n: number): string {
  return level === 'part' ? `${toChineseNumeral(n)}、` : `（${toChineseNumeral(n)}）`;
}

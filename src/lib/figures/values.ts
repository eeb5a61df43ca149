/**
 * How a report's text states a figure: the number, written in one of the forms the content guide
 * lists (content/README.md, 关键数据), right before the indicator's unit. The text is the authority
 * for every figure, so the check and the page find the value in it with these rules alone.
 *
 * Accepted forms, for a value of 36 in 件 or of 100 in %:
 * - digits, half- or full-width, with or without a space before the unit: 36件, 36 件, ３６件;
 *   thousands separators and decimals: 1,234件, 98.5%, 98.5％;
 * - Chinese numerals: 三十六件, 一百零二件;
 * - 余 or 多 between number and unit (a lower bound as the text gives it): 36余件, 9000余处;
 * - 万 or 亿 before a unit that does not have it: 1.2万件 states 12000 件;
 * - percentages also as 百分之九十八, 百分之98.5 and 百分之百 (100%).
 */

/** One value the text states in a unit, with where it stands. */
export interface StatedValue {
  value: number;
  /** Index of the first and after the last character of the statement in the text. */
  start: number;
  end: number;
  /** The text said 余 or 多: the value is a lower bound. */
  approx: boolean;
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const CHINESE_NUMBER = '[零〇一二两三四五六七八九十百千万亿]+';
const ARABIC_NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/** 三十六 → 36, 一百零二 → 102, 两万三千 → 23000; undefined for what is not a numeral. */
export function parseChineseNumber(text: string): number | undefined {
  if (!text || !new RegExp(`^${CHINESE_NUMBER}$`).test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in DIGITS) {
      // 三五 is two numbers, not one.
      if (digit) return undefined;
      digit = DIGITS[char]!;
    } else if (char in SMALL_UNITS) {
      // 十二: a leading 十 means 一十.
      section += (digit ?? (section === 0 && total === 0 ? 1 : 0)) * SMALL_UNITS[char]!;
      digit = undefined;
    } else {
      total += (section + (digit ?? 0)) * LARGE_UNITS[char]!;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** Full-width digits, ％ and ． as their ASCII forms; one character for one, so indices hold. */
export function normaliseDigits(text: string): string {
  return text.replace(/[０-９％．]/g, (char) => {
    if (char === '％') return '%';
    if (char === '．') return '.';
    return String.fromCharCode(char.charCodeAt(0) - 0xfee0);
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every value `text` states in `unit`, in the forms listed above, in order. */
export function statedValues(text: string, unit: string): StatedValue[] {
  const source = normaliseDigits(text);
  const found: StatedValue[] = [];
  const unitPattern = unit === '%' ? '%' : escape(unit);
  // A multiplier (万, 亿) only when the unit does not start with it: 4000万元 in 万元 is 4000.
  const multiplier = /^[万亿]/.test(unit) ? '' : '([万亿])?';
  const forms = new RegExp(
    String.raw`(?<![\d.,])(${ARABIC_NUMBER})\s?(余|多)?${multiplier}\s?${unitPattern}` +
      `|(?<![${CHINESE_NUMBER.slice(1, -2)}])(${CHINESE_NUMBER})(余|多)?${unitPattern}`,
    'gu',
  );
  for (const match of source.matchAll(forms)) {
    const hasMultiplier = multiplier !== '';
    const arabic = match[1];
    const approx = Boolean(match[2] ?? match[hasMultiplier ? 5 : 4]);
    let value: number | undefined;
    if (arabic !== undefined) {
      value = Number(arabic.replaceAll(',', ''));
      const scale = hasMultiplier ? match[3] : undefined;
      if (scale) value = round(value * LARGE_UNITS[scale]!);
    } else value = parseChineseNumber(match[hasMultiplier ? 4 : 3] ?? '');
    if (value === undefined) continue;
    found.push({ value, start: match.index, end: match.index + match[0].length, approx });
  }
  if (unit === '%') found.push(...percentWords(source));
  return found.sort((a, b) => a.start - b.start);
}

/** 百分之九十八, 百分之98.5, 百分之百. */
function percentWords(text: string): StatedValue[] {
  const out: StatedValue[] = [];
  const pattern = new RegExp(`百分之(${ARABIC_NUMBER}|${CHINESE_NUMBER})`, 'gu');
  for (const match of text.matchAll(pattern)) {
    const written = match[1]!;
    const value = /\d/.test(written)
      ? Number(written.replaceAll(',', ''))
      : written === '百'
        ? 100
        : parseChineseNumber(written);
    if (value === undefined) continue;
    out.push({ value, start: match.index, end: match.index + match[0].length, approx: false });
  }
  return out;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** True when two values are the same number as written (36 and 36.0; not 36 and 36.5). */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Where `text` states `value` in `unit`, if it does. */
export function findValue(text: string, value: number, unit: string): StatedValue | undefined {
  return statedValues(text, unit).find((stated) => sameValue(stated.value, value));
}

/** A number as the reports write it: digits without grouping, at most six decimals (2.4, 9000). */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** A value with its unit as the site writes it: 36件, 98.5%, 4000余万元 (no space). */
export function formatValue(value: number, unit: string, approx = false): string {
  return `${formatNumber(value)}${approx ? '余' : ''}${unit}`;
}

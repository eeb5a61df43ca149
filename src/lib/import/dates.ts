import { isRealIsoDate } from '../../schemas/common.ts';

/** A date read from a release, as YYYY-MM-DD, with the time of day when the release gave one. */
export interface ReadDate {
  date: string;
  /** HH:MM or HH:MM:SS, as on a portal's 发布时间; the site keeps only the date. */
  time?: string;
}

// ○ (U+25CB) and Ｏ stand in for 〇 in many released texts.
const CHINESE_DIGITS: Record<string, number> = Object.fromEntries(
  [...'〇一二三四五六七八九']
    .map((char, digit) => [char, digit])
    .concat([
      ['○', 0],
      ['零', 0],
      ['Ｏ', 0],
    ]),
);

/** 二〇二四 → 2024 (digit by digit); 十二 / 二十八 / 三十一 → 12 / 28 / 31 (counted). */
function chineseNumber(text: string, digitByDigit: boolean): number | undefined {
  if (/^[0-9０-９]+$/.test(text))
    return Number(text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  if (digitByDigit) {
    let n = 0;
    for (const char of text) {
      const digit = CHINESE_DIGITS[char];
      if (digit === undefined) return undefined;
      n = n * 10 + digit;
    }
    return n;
  }
  const digit = (char: string) => (char === '' ? undefined : CHINESE_DIGITS[char]);
  if (!text.includes('十')) return text.length === 1 ? digit(text) : undefined;
  const [tens = '', ones = '', ...extra] = text.split('十');
  if (extra.length || tens.length > 1 || ones.length > 1) return undefined;
  const t = tens === '' ? 1 : digit(tens);
  const o = ones === '' ? 0 : digit(ones);
  return t === undefined || o === undefined ? undefined : t * 10 + o;
}

const NUM = '[0-9０-９]';
const CN = '[〇○零Ｏ一二三四五六七八九十]';
// 09:18 or 09:18:00, in ASCII or full-width digits and colons.
const TIME = `${NUM}{1,2}[:：]${NUM}{2}(?:[:：]${NUM}{2})?`;
const DATE_PATTERNS = [
  // 2024-03-28, 2024/3/28, 2024.03.28, optionally followed by 09:18 or 09:18:00
  new RegExp(
    `^(${NUM}{4})[-/.．－／](${NUM}{1,2})[-/.．－／](${NUM}{1,2})日?(?:[\\sT\\u3000]+(${TIME}))?$`,
  ),
  // 2024年3月28日 (spaces allowed between), optionally with a time
  new RegExp(
    `^(${NUM}{4})[\\s\\u3000]*年[\\s\\u3000]*(${NUM}{1,2})[\\s\\u3000]*月[\\s\\u3000]*(${NUM}{1,2})[\\s\\u3000]*日(?:[\\s\\u3000]*(${TIME}))?$`,
  ),
  // 二〇二四年三月二十八日, as older documents sign
  new RegExp(`^(${CN}{4})年(${CN}{1,3})月(${CN}{1,3})日$`),
];

/** Reads a date as releases write it; undefined for anything else or a day that does not exist. */
export function readDate(text: string): ReadDate | undefined {
  const value = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  for (const [index, pattern] of DATE_PATTERNS.entries()) {
    const match = pattern.exec(value);
    if (!match) continue;
    const chinese = index === 2;
    const year = chineseNumber(match[1]!, true);
    const month = chineseNumber(match[2]!, !chinese);
    const day = chineseNumber(match[3]!, !chinese);
    if (year === undefined || month === undefined || day === undefined) return undefined;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!isRealIsoDate(date)) return undefined;
    const time = match[4]
      ?.replace(/：/g, ':')
      .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
    return time ? { date, time } : { date };
  }
  return undefined;
}

/**
 * The year a title reports on: 2023 in 2023年 or 2023年度, or 二〇二三年. The first year in
 * the title is the one reported on (a title never names the year of publication first).
 */
export function readTitleYear(title: string): number | undefined {
  const arabic = /([12１２][0-9０-９]{3})\s*年/.exec(title);
  if (arabic) return chineseNumber(arabic[1]!, true);
  const chinese = new RegExp(`(${CN}{4})年`).exec(title);
  return chinese ? chineseNumber(chinese[1]!, true) : undefined;
}

import { isReportYear } from '../addresses/ids.ts';
import { agencyId } from '../../schemas/report.ts';
import { STATUTORY_ITEMS, type StatutoryItem } from '../../schemas/section.ts';
import { readDate } from './dates.ts';

/** Reading the values a publisher types on the command line; undefined when one is not valid. */

export function isAgencyId(value: string): boolean {
  return agencyId.safeParse(value).success;
}

/** --published 2024-03-28 (or 2024年3月28日, as the release writes it) → 2024-03-28. */
export function readDateOption(value: string): string | undefined {
  return readDate(value)?.date;
}

/** --year 2023 → 2023. */
export function readYearOption(value: string): number | undefined {
  const year = Number(value.trim());
  return /^[0-9]{4}$/.test(value.trim()) && isReportYear(year) ? year : undefined;
}

/**
 * --signature "上海市公安局嘉定分局 2024年3月22日": the body, the date, or both (body first).
 */
export function readSignatureOption(value: string): { body?: string; date?: string } | undefined {
  const text = value.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (text === '') return undefined;
  const whole = readDate(text);
  if (whole) return { date: whole.date };
  const split = /^(.+?)[\s\u3000]+(\S.*)$/.exec(text);
  const date = split ? readDate(split[2]!) : undefined;
  if (split && date) return { body: split[1]!, date: date.date };
  // A date-like ending that is not a real date is a typo, not part of the name.
  if (/[0-9]{4}\s*[-年./]/.test(text)) return undefined;
  return { body: text };
}

/** --items 主要举措和成效,存在的不足和原因,下一年度主要安排 → one statutory item per part, in order. */
export function readItemsOption(value: string): StatutoryItem[] | undefined {
  const items = value
    .split(/[,，、;；/]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) return undefined;
  return items.every((item) => (STATUTORY_ITEMS as readonly string[]).includes(item))
    ? (items as StatutoryItem[])
    : undefined;
}

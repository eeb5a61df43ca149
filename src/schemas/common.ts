import { z } from 'astro/zod';
import { STABLE_ID } from '../lib/addresses/ids.ts';

// Publishers read these messages: zod's own wording comes in Simplified Chinese.
z.config(z.locales.zhCN());

/** A stable ASCII identifier: lower-case letters, digits and hyphens, starting with a letter. */
export const stableId = z.string().regex(STABLE_ID, {
  error: '应为小写英文字母开头、只含小写字母、数字和连字符（-）的标识，例如 s1-2',
});

/** Publishers write dates as YYYY-MM-DD; YAML may hand them over as Date objects. */
export const isoDate = z.preprocess(
  (value) =>
    value instanceof Date && !Number.isNaN(value.getTime())
      ? value.toISOString().slice(0, 10)
      : value,
  z
    .string()
    .refine(isRealIsoDate, { error: '应为真实存在的日期，格式 YYYY-MM-DD，例如 2024-03-22' }),
);

/** True when `value` is YYYY-MM-DD and names a day that exists (no 2023-02-30). */
export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export { z };

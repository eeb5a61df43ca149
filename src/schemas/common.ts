import { z } from 'astro/zod';
import { reservedIdReason, STABLE_ID } from '../lib/addresses/ids.ts';
import { schemaMessage } from '../lib/content/schema-messages.ts';

/**
 * Checks publishers' data against a schema with every problem zod can report worded in Chinese,
 * in the terms of the file (src/lib/content/schema-messages.ts), never zod's type names. Passed
 * per parse rather than set on zod for the whole process, so no other code's zod changes.
 */
export function parseContent<T extends z.ZodType>(schema: T, data: unknown) {
  return schema.safeParse(data, { error: (issue) => schemaMessage(issue) });
}

/** A stable ASCII identifier: lower-case letters, digits and hyphens, starting with a letter. */
export const stableId = z.string().regex(STABLE_ID, {
  error: '小写英文字母开头、只含小写字母、数字和连字符（-）的标识，例如 s1-2',
});

const RESERVED_REASONS: Record<string, string> = {
  layout: '网页版式已用作元素编号',
  preamble: '这是报告导言段落编号（intro-p1 等）的前缀',
  paragraph: '形如段落编号（如 s1-1-p1），会与段落的链接冲突',
  page: '报告网址中已用作其他页面（修订记录 editions、版本比较 compare）的地址',
};

/** A section id or alias: a stable id that the page layout and the paragraph ids leave free. */
export const sectionId = stableId.superRefine((id, ctx) => {
  const reason = reservedIdReason(id);
  if (reason)
    ctx.addIssue({
      code: 'custom',
      message: `另选一个 id：${id} 已被保留（${RESERVED_REASONS[reason]}），例如按编号写作 s1、s1-2`,
    });
});

/** Publishers write dates as YYYY-MM-DD; YAML may hand them over as Date objects. */
export const isoDate = z.preprocess(
  (value) =>
    value instanceof Date && !Number.isNaN(value.getTime())
      ? value.toISOString().slice(0, 10)
      : value,
  z.string().refine(isRealIsoDate, { error: '真实存在的日期，格式 YYYY-MM-DD，例如 2024-03-22' }),
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

import { z } from './common.ts';

const wording = z
  .string()
  .trim()
  .min(1, { error: '不能为空' })
  .max(30, { error: '不超过 30 个字' });

/**
 * The search's synonym list, content/search/synonyms.yml: wordings readers type and the
 * wording the reports use. A query holding any wording of a group also finds the others.
 */
export const synonymGroupSchema = z.strictObject({
  /** The wording the reports use, e.g. 电信网络诈骗. */
  term: wording,
  /** What readers type for it: abbreviations, older or everyday names, e.g. 反诈, 电诈. */
  aliases: z.array(wording).min(1, { error: '至少写一个别称' }),
});

export const synonymsSchema = z.array(synonymGroupSchema).superRefine((groups, ctx) => {
  const seen = new Map<string, number>();
  groups.forEach((group, i) => {
    [group.term, ...group.aliases].forEach((word, j) => {
      const path = j === 0 ? [i, 'term'] : [i, 'aliases', j - 1];
      const first = seen.get(word);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `“${word}”已出现在第 ${first + 1} 组，同一说法只能属于一组`,
        });
      else seen.set(word, i);
    });
  });
});

export type SynonymGroups = z.infer<typeof synonymsSchema>;

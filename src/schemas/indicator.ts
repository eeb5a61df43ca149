import { stableId, z } from './common.ts';

const wording = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: '不能为空' })
    .max(max, { error: `不超过 ${max} 个字` });

/**
 * One indicator the site knows: a kind of figure that reports state (行政复议案件, 出庭应诉率 …),
 * an entry of content/indicators.yml. Reports name it in their `figures` list by `id`.
 */
export const indicatorSchema = z.strictObject({
  /** Stable ASCII id, the URL segment of /data/<id>/ and the key in reports' figures. Never change it. */
  id: stableId.refine((id) => id !== 'figures', {
    error: 'figures 已用作全部数据的文件名（/data/figures.csv），请另选一个 id',
  }),
  /** The Chinese name shown with the figures, e.g. 行政复议案件. */
  name: wording(30),
  /** The unit every value is written in, e.g. 件, %, 人次, 万元. */
  unit: wording(6),
  /** Other wordings of the indicator in reports and in readers' queries, e.g. 复议案件. */
  synonyms: z.array(wording(30)).default([]),
  /** One line saying what is counted, shown on /data/ and /data/<id>/. */
  definition: wording(120),
});

/** content/indicators.yml: the list of indicators, ids and wordings unique across the list. */
export const indicatorsSchema = z.array(indicatorSchema).superRefine((list, ctx) => {
  const ids = new Map<string, number>();
  const words = new Map<string, number>();
  list.forEach((indicator, i) => {
    const firstId = ids.get(indicator.id);
    if (firstId !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [i, 'id'],
        message: `id ${indicator.id} 已用于第 ${firstId + 1} 项，每个指标的 id 不能重复`,
      });
    else ids.set(indicator.id, i);
    [indicator.name, ...indicator.synonyms].forEach((word, j) => {
      const first = words.get(word);
      if (first !== undefined && first !== i)
        ctx.addIssue({
          code: 'custom',
          path: j === 0 ? [i, 'name'] : [i, 'synonyms', j - 1],
          message: `“${word}”已是第 ${first + 1} 项的名称或同义词，同一说法只能属于一个指标`,
        });
      else words.set(word, i);
    });
  });
});

export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * One entry of a report's `figures` list: a value of an indicator, and the section whose text
 * states it. The text is the authority; the check refuses a value the section does not state.
 */
export const figureEntrySchema = z.strictObject({
  /** The indicator's id in content/indicators.yml, e.g. admin-reconsideration. */
  indicator: stableId,
  /** The value as the text states it, in the indicator's unit, e.g. 36 for 36件, 100 for 百分之百. */
  value: z.number().nonnegative(),
  /** The id of the section whose text states the value, e.g. s1-3. */
  section: stableId,
});

export type FigureEntry = z.infer<typeof figureEntrySchema>;

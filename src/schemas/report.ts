import { REPORT_YEARS, STABLE_ID } from '../lib/addresses/ids.ts';
import { isoDate, z } from './common.ts';
import { figureEntrySchema } from './indicator.ts';

// Length limits, in characters, well above any real report's and low enough that a pasted
// paragraph in a title field is caught before it breaks every list and page header.
export const TITLE_MAX = 80;
export const NAME_MAX = 50;
export const SHORT_NAME_MAX = 20;
export const SUMMARY_MAX = 200;
export const REFERENCE_MAX = 60;

/** Stable ASCII id of an agency; the importer checks --agency-id against it before writing. */
export const agencyId = z.string().regex(STABLE_ID, {
  error: '小写英文字母开头、只含小写字母、数字和连字符的标识，例如 jiading-police',
});

/**
 * Metadata of one annual report: the frontmatter of `content/reports/<folder>/report.md`.
 * The body of that file is the report's preamble (the text before 一、).
 */
export const reportSchema = z
  .strictObject({
    /** The report's title as published, e.g. 嘉定公安分局2023年法治政府建设情况. */
    title: z.string().trim().min(1).max(TITLE_MAX),
    /** The agency that publishes the report. */
    agency: z.strictObject({
      /** Full name, e.g. 上海市公安局嘉定分局. */
      name: z.string().trim().min(1).max(NAME_MAX),
      /** Short name used in lists, e.g. 嘉定公安分局. */
      shortName: z.string().trim().min(1).max(SHORT_NAME_MAX),
      /** Stable ASCII id of the agency, used in report folders and search filters, e.g. jiading-police. */
      id: agencyId,
    }),
    /** The calendar year the report covers (not the year it was published). */
    year: z.number().int().min(REPORT_YEARS.min).max(REPORT_YEARS.max),
    /**
     * Publication date, YYYY-MM-DD; not before the end of `year`. Only a draft may leave it out:
     * the importer writes a release that gives no date as a draft rather than invent one.
     */
    published: isoDate.optional(),
    /**
     * The 落款 at the end of the report: who signs it, and when, as released. Optional, and so is
     * each half, because releases differ: many portal texts end with the last paragraph and no
     * 落款, and some give the date alone. The page shows what there is.
     */
    signature: z
      .strictObject({
        /** Signing body, e.g. 上海市公安局嘉定分局. */
        body: z.string().trim().min(1).max(NAME_MAX).optional(),
        /** Signing date, YYYY-MM-DD. */
        date: isoDate.optional(),
      })
      .refine((value) => value.body !== undefined || value.date !== undefined, {
        error:
          'signature 至少写 body（落款单位）或 date（落款日期）之一；原文没有落款时删去 signature',
      })
      .optional(),
    /** One or two sentences shown in lists and in the page description. */
    summary: z.string().trim().min(1).max(SUMMARY_MAX),
    /**
     * 来源 as the release names it (e.g. XX区人民政府办公室, often the office that posted the text
     * rather than the agency reporting), shown on the page as 来源; only when given.
     */
    source: z.string().trim().min(1).max(NAME_MAX).optional(),
    /**
     * A draft is built only by `npm run dev` and `npm run build -- --drafts`, marked 草稿 and kept out
     * of search engines; a normal build leaves it out entirely (pages, search, feeds, sitemap).
     * The importer writes one when the release lacks a field (it lists them at the top of report.md).
     */
    draft: z.boolean().default(false),
    /** The page where the publisher released the report, if known. */
    sourceUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** 索引号, only when the publisher gives one. Never invent it. */
    indexNumber: z.string().trim().min(1).max(REFERENCE_MAX).optional(),
    /** 文号, only when the publisher gives one. Never invent it. */
    documentNumber: z.string().trim().min(1).max(REFERENCE_MAX).optional(),
    /**
     * Key figures the report's text states (行政复议案件 36件 …): each names an indicator of
     * content/indicators.yml, its value and the section that states it. Charted on the agency,
     * year and /data/ pages; the check refuses a value the section's text does not state.
     */
    figures: z.array(figureEntrySchema).default([]),
  })
  .superRefine((data, ctx) => {
    if (!data.draft && data.published === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['published'],
        message: '发布日期，格式 YYYY-MM-DD；只有草稿（draft: true）可以暂缺',
      });
    }
  });

export type ReportData = z.infer<typeof reportSchema>;

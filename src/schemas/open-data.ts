import { z } from './common.ts';
import { reportSchema } from './report.ts';
import { STATUTORY_ITEMS, sectionSchema as contentSectionSchema } from './section.ts';

// The fields a report's and a section's files hold are the content schemas' own (with their
// limits), so the published contract cannot drift from what the site accepts. Dates are the
// exception: the content schema also accepts YAML's date objects, which no JSON holds.
const report = reportSchema.shape;
const section = contentSectionSchema.shape;

/**
 * The machine-readable copy of a report, /reports/<folder>.json. Its JSON Schema is generated
 * from this module and published at /schemas/report-v2.json; a change that would break a
 * reader of a version gets a new file name instead. Version 1 (/schemas/report-v1.json, still
 * published for copies that name it) also gave every paragraph its `url` and `citation`; both
 * follow from the section's, and took a third of each file (reportDocumentV1Schema below).
 */
const paragraphSchema = z
  .object({
    /**
     * Stable paragraph id, e.g. s1-2-p3 (preamble: intro-p1). The paragraph's address is the
     * report's `url`, `#` and this id; its GB/T 7714 reference is its section's `citation` (the
     * report's for the preamble) with that address in place of the one at its end.
     */
    id: z.string(),
    /** The paragraph's text exactly as the page shows it. */
    text: z.string(),
  })
  .meta({
    description:
      '一个段落：稳定 id 和页面上显示的原文。段落网址为报告 url 加 # 和 id；段落引文为所在部分的 citation（前言为报告的 citation），末尾网址换成段落网址',
  });

const sectionSchema = z
  .object({
    /** Stable section id, e.g. s1-2. */
    id: z.string(),
    /** Id of the part a subsection belongs to; absent for a part. */
    parent: z.string().optional(),
    /** 2 for a part (一、), 3 for a subsection ((一)). */
    level: z.union([z.literal(2), z.literal(3)]),
    numbering: section.numbering,
    title: section.title,
    /** Numbering, title and 。 for a run-in heading, as the page shows it. */
    heading: z.string(),
    /** The statutory item the part covers (subsections inherit it). */
    item: z.enum(STATUTORY_ITEMS),
    /** Absolute URL of the section on the report page, and of its own page. */
    url: z.url(),
    pageUrl: z.url(),
    /** A GB/T 7714-2015 reference to the section, naming the edition. */
    citation: z.string(),
    paragraphs: z.array(paragraphSchema),
  })
  .meta({ description: '报告的一个部分（一、）或子部分（（一））' });

const figureSchema = z
  .object({
    /** The indicator's id, e.g. admin-reconsideration (the site's /data/<id>/). */
    indicator: z.string(),
    /** Its Chinese name, e.g. 行政复议案件. */
    name: z.string(),
    /** The value in the indicator's unit, as the report's text states it. */
    value: z.number(),
    /** e.g. 件, %, 万元. */
    unit: z.string(),
    /** True when the text gives a lower bound (9000余处). */
    approx: z.boolean(),
    /** The id of the section that states it. */
    section: z.string(),
    /** The paragraph that states it, e.g. s1-2-p1, and its address. */
    paragraph: z.string(),
    paragraphUrl: z.url(),
  })
  .meta({ description: '报告正文写明的一项关键数据：指标、数值、单位和写明它的段落' });

export const reportDocumentSchema = z
  .object({
    /** Address of this file's JSON Schema. */
    $schema: z.url(),
    /** The report's folder, its stable identity. */
    id: z.string(),
    url: z.url(),
    title: report.title,
    year: report.year,
    /** Publication date; absent only from a draft not yet dated. */
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    agency: report.agency,
    /** 来源, when the release names one. */
    source: report.source,
    indexNumber: report.indexNumber,
    documentNumber: report.documentNumber,
    sourceUrl: report.sourceUrl,
    summary: report.summary,
    signature: z.object({ body: z.string().optional(), date: z.string().optional() }).optional(),
    /** Plain facts against the statutory rule: deadline, and the parts covering each item. */
    statutory: z.object({
      deadline: z.string(),
      /** Absent only from a draft not yet dated. */
      onTime: z.boolean().optional(),
      items: z.array(z.object({ item: z.enum(STATUTORY_ITEMS), sectionIds: z.array(z.string()) })),
    }),
    /** Every edition, oldest first: the publication, then each correction (the text here is the last). */
    editions: z.array(
      z.object({
        edition: z.number().int().min(1),
        date: z.string(),
        kind: z.enum(['publish', 'correct']),
        /** Why it changed (首次发布 for the publication). */
        note: z.string(),
        /** Where that edition reads as it was. */
        url: z.url(),
      }),
    ),
    /** Present when the report was withdrawn: its date and reason. */
    withdrawn: z.object({ date: z.string(), note: z.string() }).optional(),
    /** The text before 一、. */
    preamble: z.array(paragraphSchema),
    /** Every part and subsection in reading order. */
    sections: z.array(sectionSchema),
    /** A GB/T 7714-2015 reference to the report, naming the edition; 引用日期 is this file's date. */
    citation: z.string(),
    /** Key figures the text states, each tied to its paragraph (empty when none are listed). */
    figures: z.array(figureSchema),
  })
  .meta({ title: '法治政府建设年度报告', description: '一份年度报告的元数据和全文' });

export type ReportDocument = z.infer<typeof reportDocumentSchema>;

/** Version 1, as published before: each paragraph also carried its address and reference. */
const paragraphV1Schema = paragraphSchema
  .extend({
    /** Absolute URL of the paragraph on the report page. */
    url: z.url(),
    /** A GB/T 7714-2015 reference to the paragraph, naming the edition; 引用日期 is this file's date. */
    citation: z.string(),
  })
  .meta({ description: '一个段落：稳定 id、网址和页面上显示的原文' });
export const reportDocumentV1Schema = reportDocumentSchema.omit({ citation: true }).extend({
  preamble: z.array(paragraphV1Schema),
  sections: z.array(sectionSchema.extend({ paragraphs: z.array(paragraphV1Schema) })),
});

/** A published JSON Schema (draft 2020-12), generated rather than written by hand. */
export function reportJsonSchema(id: string, version: 1 | 2 = 2): Record<string, unknown> {
  const schema = version === 1 ? reportDocumentV1Schema : reportDocumentSchema;
  return { ...z.toJSONSchema(schema, { target: 'draft-2020-12' }), $id: id };
}

import { sectionId, stableId, z } from './common.ts';

/** Section headings are at most this many characters (run-in headings included). */
export const SECTION_TITLE_MAX = 100;
/** Numbering (一、 …) covers 1 to 99 parts or subsections. */
export const ORDER_MAX = 99;

/**
 * The statutory items of an annual 法治政府建设 report (《法治政府建设与责任落实督察工作规定》第二十五条),
 * recorded on each top-level part so that search filters and cross-year views can use them.
 */
export const STATUTORY_ITEMS = [
  '主要举措和成效',
  '存在的不足和原因',
  '第一责任人职责',
  '下一年度主要安排',
  '其他',
] as const;
export type StatutoryItem = (typeof STATUTORY_ITEMS)[number];

/**
 * One part (一、) or subsection ((一)) of a report: the frontmatter of a Markdown file in the
 * report's folder. The file's body is the section's text.
 */
export const sectionSchema = z
  .strictObject({
    /** Stable ASCII id, the anchor of links to this section, e.g. s1 for 一、, s1-2 for 一、(二). Never change it. */
    id: sectionId,
    /** Numbering as published: 一、 for a part, (一) or （一） for a subsection. */
    numbering: z.string().trim().min(1).max(8),
    /** Heading text as published, without the numbering. */
    title: z.string().trim().min(1).max(SECTION_TITLE_MAX),
    /** Position among its siblings, from 1. */
    order: z.number().int().positive().max(ORDER_MAX),
    /** Id of the part this subsection belongs to; absent for a top-level part. */
    parent: stableId.optional(),
    /** For a top-level part: which statutory item it covers. */
    item: z.enum(STATUTORY_ITEMS).optional(),
    /**
     * The heading was published run-in, ending with 。 and followed by the text in the same
     * paragraph, e.g. （一）狠抓法治理念教育。坚持不懈…; the site shows it ending with 。.
     */
    runIn: z.boolean().default(false),
    /**
     * Former ids of this section, e.g. [old-id], when its id had to change. Old links keep
     * working: /reports/<folder>/<old-id>/ redirects to the section's page, and #old-id and
     * #old-id-p3 still land on the section and its paragraphs.
     */
    aliases: z.array(sectionId).default([]),
  })
  .superRefine((data, ctx) => {
    if (data.aliases.includes(data.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['aliases'],
        message: `aliases 只列出本节以前用过的 id，不含现在的 id ${data.id}`,
      });
    }
    if (data.parent === undefined && data.item === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['item'],
        message: `顶级部分必须填写 item，可选值：${STATUTORY_ITEMS.join(' / ')}`,
      });
    }
    if (data.parent !== undefined && data.item !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['item'],
        message: 'item 只用于顶级部分；子部分沿用所属部分的 item，请删除此字段',
      });
    }
  });

export type SectionData = z.infer<typeof sectionSchema>;

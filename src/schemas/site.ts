import { z } from './common.ts';

/** A link a publisher lists in the footer under 相关链接. */
const relatedLinkSchema = z.object({
  /** Text shown, e.g. 中国政府网. */
  title: z.string().trim().min(1),
  /** Absolute http(s) address. */
  url: z.url({ protocol: /^https?$/, error: '应为以 http:// 或 https:// 开头的完整网址' }),
});

/** 纠错/意见反馈: a web form (http/https) or an e-mail address (mailto:). */
const feedbackAddress = z
  .string()
  .trim()
  .refine((value) => /^(https?:\/\/\S+|mailto:[^\s@]+@[^\s@]+)$/.test(value), {
    error: '应为以 https:// 开头的网址，或 mailto: 加电子邮箱，例如 mailto:fzb@example.gov.cn',
  });

const optionalText = z.string().trim().min(1).optional();

/**
 * The site's identity as a government website: content/site.yml. Every field but the column
 * names is optional, and the site shows nothing for a field left out: no identity is invented.
 */
export const siteConfigSchema = z
  .object({
    /** Site name in the header, page titles and the SiteName meta tag. */
    name: z.string().trim().min(1).default('法治政府建设年度报告'),
    /** 主办单位, shown in the footer. */
    sponsor: optionalText,
    /** 承办单位, shown in the footer. */
    operator: optionalText,
    /** 网站标识码 (SiteIDCode), as issued, e.g. 3101140001. */
    siteCode: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{6,20}$/, { error: '应为主管部门核发的网站标识码，只含数字和字母' })
      .optional(),
    /** ICP 备案号, e.g. 沪ICP备12345678号. */
    icp: optionalText,
    /** 公安机关备案号, e.g. 沪公网安备31011402000001号. */
    publicSecurityRecord: optionalText,
    /** Where readers send 纠错 and 意见: a form URL (page address and title are added) or mailto:. */
    feedback: feedbackAddress.optional(),
    /** 相关链接 in the footer, in this order. */
    links: z.array(relatedLinkSchema).default([]),
    /** 栏目名称 the reports live under (ColumnName meta tag and breadcrumb). */
    column: z.string().trim().min(1).default('法治政府建设年度报告'),
    /** 栏目类型 (ColumnType meta tag). */
    columnType: z.string().trim().min(1).default('政务公开'),
  })
  .strict();

export type SiteConfig = z.infer<typeof siteConfigSchema>;

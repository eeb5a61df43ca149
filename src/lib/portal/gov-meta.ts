/**
 * The page metadata that Chinese government website pages carry (《政府网站发展指引》, 页面元数据):
 * one `<meta name=… content=…>` per field, read by the national site monitoring and search.
 * A field with no value (no 网站标识码 configured) is left out rather than invented.
 */
export interface GovPageMetaInput {
  siteName: string;
  /** The site's public address (SITE_URL); its host is the SiteDomain. */
  siteUrl: string;
  /** 网站标识码, when the site has one. */
  siteCode?: string | undefined;
  column: string;
  columnType: string;
  /** Title of this page's article: the report's, or section heading and report title. */
  articleTitle: string;
  /** Publication date, YYYY-MM-DD; left out for an undated draft. */
  published: string | undefined;
  /** 来源 as the release names it; the publishing agency when the release names none. */
  source?: string | undefined;
  agency: string;
  keywords: readonly string[];
  description: string;
  /** Absolute canonical URL of the page. */
  url: string;
}

export const GOV_META_NAMES = [
  'SiteName',
  'SiteDomain',
  'SiteIDCode',
  'ColumnName',
  'ColumnType',
  'ArticleTitle',
  'PubDate',
  'ContentSource',
  'Keywords',
  'Description',
  'Url',
] as const;
export type GovMetaName = (typeof GOV_META_NAMES)[number];

/** The meta tags of a report or section page, in the order the guideline lists them. */
export function govPageMeta(input: GovPageMetaInput): { name: GovMetaName; content: string }[] {
  const values: Record<GovMetaName, string | undefined> = {
    SiteName: input.siteName,
    SiteDomain: new URL(input.siteUrl).host,
    SiteIDCode: input.siteCode,
    ColumnName: input.column,
    ColumnType: input.columnType,
    ArticleTitle: input.articleTitle,
    PubDate: input.published,
    ContentSource: input.source || input.agency,
    // Keywords are listed once each, in the order given, separated as the guideline shows.
    Keywords: [...new Set(input.keywords.map((word) => word.trim()).filter(Boolean))].join(','),
    Description: input.description,
    Url: input.url,
  };
  return GOV_META_NAMES.flatMap((name) => {
    const content = values[name];
    return content ? [{ name, content }] : [];
  });
}

/**
 * Keywords of a report page (and of one of its sections, when given: the statutory item it
 * covers). Not the section's title: a heading is a sentence, not a keyword, and it is already in
 * the page's title, ArticleTitle and description.
 */
export function reportKeywords(
  report: { year: number; agency: { name: string; shortName: string } },
  section?: { item: string },
): string[] {
  return [
    report.agency.shortName,
    report.agency.name,
    `${report.year}年`,
    '法治政府建设',
    '年度报告',
    ...(section ? [section.item] : []),
  ];
}

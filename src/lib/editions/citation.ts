/**
 * GB/T 7714-2015 references for an electronic resource on the web ([EB/OL]):
 * 主要责任者. 题名: 其他题名信息[EB/OL]. 版本项. (更新或修改日期)[引用日期]. 获取和访问路径
 * The edition cited is named (版本项) and dated, so a reader can find the wording cited even
 * after a correction. The same function makes the strings of the page and of the open data.
 */
export interface CitationSource {
  /** The publishing agency's full name (主要责任者). */
  agency: string;
  /** The report's title. */
  title: string;
  /** The section's heading, for a section or a paragraph in it. */
  heading?: string | undefined;
  /** The edition cited, from 1; absent for a draft. */
  edition?: number | undefined;
  /** The date of that edition (publication or correction), YYYY-MM-DD. */
  date?: string | undefined;
  /** The address of what is cited, with its fragment. */
  url: string;
}

export function gbtCitation(source: CitationSource, cited: string): string {
  const heading = source.heading?.replace(/。$/, '');
  const title = heading ? `${source.title}：${heading}` : source.title;
  const edition = source.edition ? ` ${source.edition}版.` : '';
  const date = source.date ? ` (${source.date})` : ' ';
  return `${source.agency}. ${title}[EB/OL].${edition}${date}[${cited}]. ${source.url}`;
}

/** Today's date where the reader is, YYYY-MM-DD, for 引用日期. */
export function localIsoDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

let chinaDate: Intl.DateTimeFormat | undefined;

/** Today's date in China (UTC+8), YYYY-MM-DD: the day of a build or of a recorded edition. */
export function isoDateInChina(now = new Date()): string {
  // Made once: a formatter costs far more to make than to use, and every report's open-data
  // files ask for the date.
  chinaDate ??= new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });
  return chinaDate.format(now);
}

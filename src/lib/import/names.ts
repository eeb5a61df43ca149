/**
 * Names derived from a report's title. Titles put the agency before the year (嘉定公安分局2023年
 * 法治政府建设情况) or before 关于 (XX省人民政府关于2023年度法治政府建设情况的报告).
 */

const YEAR = /([12][0-9]{3}|[〇○零一二三四五六七八九]{4})\s*年/;

/**
 * The agency as the title names it: what comes before the year, cut at 关于 (XX省人民政府关于…
 * gives XX省人民政府; 人民政府 is part of the name and stays). Undefined when the title starts
 * with the year or 关于 and names no agency.
 */
export function agencyFromTitle(title: string): string | undefined {
  const text = title.replace(/^《|》$/g, '');
  const year = YEAR.exec(text);
  let name = year ? text.slice(0, year.index) : '';
  const about = name.indexOf('关于');
  if (about >= 0) name = name.slice(0, about);
  name = name.replace(/[\s\u3000]+/g, '').replace(/的$/, '');
  return name.length >= 2 ? name : undefined;
}

/**
 * A short name for lists: the agency as the title names it, else the full name. The editor
 * checks it (and --short-name sets it).
 */
export function deriveShortName(title: string, agencyName: string | undefined): string | undefined {
  return agencyFromTitle(title) ?? agencyName;
}

/**
 * Names derived from a report's title. Titles put the agency before the year (嘉定公安分局2023年
 * 法治政府建设情况) or before 关于 (XX省人民政府关于2023年度法治政府建设情况的报告).
 */

const YEAR = /([12１２][0-9０-９]{3}|[〇○零一二三四五六七八九]{4})\s*年/;

/**
 * The agency as the title names it: what comes before the year, cut at 关于 (XX省人民政府关于…
 * gives XX省人民政府; 人民政府 is part of the name and stays). Undefined when the title starts
 * with the year or 关于 and names no agency.
 */
export function agencyFromTitle(title: string): string | undefined {
  const text = title.replace(/^《|》$/g, '');
  const year = YEAR.exec(text);
  let name = year ? text.slice(0, year.index) : '';
  const about = name.search(/关于|關於/);
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

// What names of agencies end with; a bare place (清江县, 南湖区) is not one.
const ORGANISATION =
  /(政府|办公室|委员会|局|厅|部|院|委|会|所|处|中心|队|署|办|站|办事处|街道|政府辦公室|委員會|辦事處|廳|處|會|辦)$/;

/** Whether a name is an organisation's (XX区人民政府, XX市司法局) rather than a place's (XX区). */
export function isOrganisationName(name: string): boolean {
  return ORGANISATION.test(name) && !/^各/.test(name);
}

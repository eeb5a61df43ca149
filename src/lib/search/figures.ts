/**
 * Answers to queries that name an indicator (行政复议 嘉定 2023, 嘉定区 行政诉讼 多少件, 出庭应诉率):
 * the figures that match, shown before the sections. Pure: the search scripts fetch the data
 * (search/indicators.json, then search/figures/<id>.json) and render what this returns.
 */

export interface SearchIndicator {
  id: string;
  name: string;
  unit: string;
  synonyms: readonly string[];
}

export interface SearchFigure {
  agency: string;
  agencyShort: string;
  year: number;
  value: number;
  /** Written only when true (余, 约): most figures are exact, and the file is fetched per query. */
  approx?: boolean;
  /** The words around the value in the sentence that states it (excerptAt). */
  excerpt: string;
  /** The paragraph's address on the report page. */
  url: string;
}

// Question words and units that say nothing about which figures: 多少件, 是多少, 几件, 数据 ….
const FILLER =
  /多少[件项起人次个家元万亿%％]*|是几|几[件项起个]|是多少|情况|数据|数量|统计|年度|共计|一共|总共|合计|的|了|吗|呢|有|\?|？/gu;
// A place typed with its level (嘉定区) matches agencies named without it (嘉定公安分局).
const PLACE_SUFFIX = /(?:区|县|市|镇|街道|新区)$/u;

/** The indicator a query names (its name or a synonym; the longest wording wins), if any. */
export function indicatorOf(
  query: string,
  indicators: readonly SearchIndicator[],
): { indicator: SearchIndicator; wording: string } | undefined {
  const text = query.normalize('NFKC');
  let best: { indicator: SearchIndicator; wording: string } | undefined;
  for (const indicator of indicators)
    for (const wording of [indicator.name, ...indicator.synonyms])
      if (text.includes(wording) && (!best || wording.length > best.wording.length))
        best = { indicator, wording };
  return best;
}

/** The rest of a query once the indicator is taken out: a year, and words naming agencies. */
export function queryFilters(query: string, wording: string): { year?: number; words: string[] } {
  let rest = query.normalize('NFKC').replace(wording, ' ');
  const year = /(?<!\d)(19|20)\d{2}(?!\d)/.exec(rest)?.[0];
  if (year) rest = rest.replace(new RegExp(`${year}\\s*年?`), ' ');
  const words = rest
    .replace(FILLER, ' ')
    .split(/[\s,，、。;；:：]+/u)
    .filter((word) => word.length > 0);
  return { ...(year ? { year: Number(year) } : {}), words };
}

const names = (figure: SearchFigure, word: string) =>
  figure.agency.includes(word) || figure.agencyShort.includes(word);

/**
 * The figures that answer the query: its year if it names one, the agencies its other words
 * name (嘉定区 also matches 嘉定…); newest year first, then largest value. A word that names no
 * agency means the query asks about something else: no answer, rather than a wrong one.
 */
export function answerFigures(
  query: string,
  wording: string,
  figures: readonly SearchFigure[],
): SearchFigure[] {
  const { year, words } = queryFilters(query, wording);
  let matched =
    year === undefined ? [...figures] : figures.filter((figure) => figure.year === year);
  for (const word of words) {
    const place = word.replace(PLACE_SUFFIX, '');
    const forms = place && place !== word ? [word, place] : [word];
    const named = figures.some((figure) => forms.some((form) => names(figure, form)));
    if (!named) return [];
    matched = matched.filter((figure) => forms.some((form) => names(figure, form)));
  }
  return matched.sort((a, b) => b.year - a.year || b.value - a.value);
}

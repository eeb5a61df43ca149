import type { FilterName, SearchScopeData } from './index-contract.ts';

/**
 * Scoped search: a reader who names a place, an agency or a year (海淀公安分局2024年矛盾纠纷,
 * 静安 2021 存在的不足) wants that report's answering section, not every report's. Those words
 * become filters, and only the rest of the query (the topic) is ranked. Pure: the search page,
 * the box on every page and the tests share it.
 */

export type Filters = Partial<Record<FilterName, string>>;

export interface Scope {
  /** Filters the query itself names (agency id, year, part label). */
  filters: Filters;
  /** What is left to search for once the scope words are taken out. */
  topic: string;
  /** The query named only a part of the report (存在的不足): land on that part's own heading. */
  partOnly: boolean;
}

/** Words naming the statutory parts of a report, longest first, with their filter label. */
const PART_WORDS: readonly (readonly [string, string])[] = [
  ['主要举措和成效', '成效'],
  ['第一责任人职责', '履职'],
  ['下一步工作打算', '下步打算'],
  ['下一年度工作', '下步打算'],
  ['存在的不足和问题', '不足'],
  ['存在的问题和不足', '不足'],
  ['下步工作打算', '下步打算'],
  ['下一步打算', '下步打算'],
  ['下一步工作', '下步打算'],
  ['下一年工作', '下步打算'],
  ['存在的不足', '不足'],
  ['存在的问题', '不足'],
  ['不足和问题', '不足'],
  ['问题和不足', '不足'],
  ['第一责任人', '履职'],
  ['下步工作', '下步打算'],
  ['工作打算', '下步打算'],
  ['工作计划', '下步打算'],
  ['下步打算', '下步打算'],
  ['存在不足', '不足'],
  ['存在问题', '不足'],
  ['不足之处', '不足'],
  ['工作成效', '成效'],
  ['主要成效', '成效'],
  ['下一步', '下步打算'],
  ['不足', '不足'],
  ['成效', '成效'],
];

/** The city an agency's full name starts with: 长春 in 长春市公安局朝阳分局 (or 吉林省长春市…). */
const CITY = /^(?:\p{Script=Han}+?省)?(\p{Script=Han}{2,}?)市/u;

const AGENCY_SUFFIX = /(?:公安分局|公安局|分局|司法局|人民政府|政府|局)$/u;

export interface ScopeKeys {
  /** Words that name an agency, longest first, each with the agency's id. */
  agencies: { key: string; id: string }[];
  years: Set<string>;
}

/**
 * The words that name each agency: its short and full names, and the place in its short name
 * (闵行 and 闵行区 for 闵行公安分局). A place two agencies share names neither.
 */
export function scopeKeys(data: SearchScopeData): ScopeKeys {
  const owners = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    if ([...key].length < 2) return;
    const set = owners.get(key) ?? new Set<string>();
    set.add(id);
    owners.set(key, set);
  };
  for (const agency of data.agencies) {
    add(agency.shortName, agency.id);
    add(agency.name, agency.id);
    const place = agency.shortName.replace(AGENCY_SUFFIX, '').replace(/[区县市]$/u, '');
    if (place !== agency.shortName && [...place].length >= 2) {
      // Where two cities have a district of the same name (朝阳 in 北京 and 长春), readers
      // write the city in front: 长春朝阳, 长春市朝阳区.
      const city = CITY.exec(agency.name)?.[1];
      const short = agency.shortName;
      for (const key of [place, ...['区', '县', '市'].map((suffix) => place + suffix), short]) {
        if (key !== short) add(key, agency.id);
        if (city && !key.startsWith(city)) {
          add(city + key, agency.id);
          add(`${city}市${key}`, agency.id);
        }
      }
    }
  }
  const agencies = [...owners]
    .filter(([, ids]) => ids.size === 1)
    .map(([key, ids]) => ({ key, id: [...ids][0]! }))
    .sort((a, b) => b.key.length - a.key.length);
  return { agencies, years: new Set(data.years.map(String)) };
}

/** A year on its own (2021, 2021年, 2021年度), not the start of a date (2021年3月) or a longer number. */
const YEAR = /(?<![\d.])((?:19|20)\d{2})(?:年度|年)?(?![\d.]|年?\d{1,2}月)/gu;

/** Splits a normalised query into the filters it names and the topic left to search for. */
export function scopeQuery(query: string, keys: ScopeKeys): Scope {
  const filters: Filters = {};
  let rest = query;
  for (const { key, id } of keys.agencies) {
    const at = rest.indexOf(key);
    if (at === -1) continue;
    filters.agency = id;
    rest = `${rest.slice(0, at)} ${rest.slice(at + key.length)}`;
    break;
  }
  rest = rest.replace(YEAR, (whole, year: string) => {
    if (filters.year || !keys.years.has(year)) return whole;
    filters.year = year;
    return ' ';
  });
  let partOnly = false;
  for (const [word, label] of PART_WORDS) {
    const at = rest.indexOf(word);
    if (at === -1) continue;
    const without = `${rest.slice(0, at)} ${rest.slice(at + word.length)}`;
    filters.part = label;
    partOnly = !without.trim();
    rest = without;
    break;
  }
  return { filters, topic: rest.replace(/\s+/gu, ' ').trim(), partOnly };
}

/** One way to run a query: the text to search for within the filters. */
export interface Attempt {
  text: string;
  filters: Filters;
  partOnly: boolean;
}

/**
 * What to try, in order, until one finds something: the topic within everything the query
 * names (the reader's own filter choices win over words in the query); then without the part,
 * keeping its words in the text; then the whole query within the reader's choices alone.
 */
export function scopeAttempts(query: string, keys: ScopeKeys, chosen: Filters): Attempt[] {
  const scope = scopeQuery(query, keys);
  const attempts: Attempt[] = [];
  const push = (attempt: Attempt) => {
    if (!attempt.text && !attempt.partOnly && !Object.keys(attempt.filters).length) return;
    const key = JSON.stringify(attempt);
    if (!attempts.some((a) => JSON.stringify(a) === key)) attempts.push(attempt);
  };
  push({ text: scope.topic, filters: { ...scope.filters, ...chosen }, partOnly: scope.partOnly });
  if (scope.filters.part && !chosen.part) {
    const others = { ...scope.filters };
    delete others.part;
    push({
      text: withoutPlaceAndYear(query, keys),
      filters: { ...others, ...chosen },
      partOnly: false,
    });
  }
  push({ text: query, filters: { ...chosen }, partOnly: false });
  return attempts;
}

/** The query without its agency and year words (part words kept). */
function withoutPlaceAndYear(query: string, keys: ScopeKeys): string {
  const named = scopeQuery(query, keys).filters;
  let rest = query;
  const agency = keys.agencies.find(({ key, id }) => id === named.agency && rest.includes(key));
  if (agency) rest = rest.replace(agency.key, ' ');
  if (named.year)
    rest = rest.replace(YEAR, (whole, year: string) => (year === named.year ? ' ' : whole));
  return rest.replace(/\s+/gu, ' ').trim();
}

/**
 * How an agency is shown in the filter: its short name, and where another agency has the same
 * short name, the region its full name starts with (or the full name).
 */
export function agencyLabels(
  agencies: readonly { id: string; shortName: string; name: string }[],
): Map<string, string> {
  const counts = new Map<string, number>();
  for (const agency of agencies)
    counts.set(agency.shortName, (counts.get(agency.shortName) ?? 0) + 1);
  return new Map(
    agencies.map((agency) => {
      if ((counts.get(agency.shortName) ?? 0) < 2) return [agency.id, agency.shortName];
      const region = /^.+?(?:自治区|省|市)/u.exec(agency.name)?.[0] ?? agency.name;
      return [agency.id, `${agency.shortName}（${region}）`];
    }),
  );
}

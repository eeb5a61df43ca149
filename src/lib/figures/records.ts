import { formatValue } from './values.ts';

/**
 * Figures as the pages, downloads and search see them: one record per report × indicator, tied to
 * the paragraph (and the words) that state it. Pure: made in src/data/figures.ts, used everywhere.
 */
export interface FigureRecord {
  /** The report's folder (its stable identity). */
  folder: string;
  year: number;
  agencyId: string;
  agencyName: string;
  agencyShortName: string;
  indicator: string;
  value: number;
  unit: string;
  /** The text says 余 or 多 (9000余处): the value is a lower bound. */
  approx: boolean;
  /** The section and the paragraph (s1-2-p1) whose text states the value. */
  section: string;
  paragraph: string;
  /** The clauses of the sentence that states it, as the search answer quotes them. */
  excerpt: string;
}

/** What the pages need of an indicator. */
export interface IndicatorInfo {
  id: string;
  name: string;
  unit: string;
  synonyms: readonly string[];
  definition: string;
}

/** Records of one indicator, grouped by agency, each agency's years in order. */
export function seriesByAgency(records: readonly FigureRecord[]): Map<string, FigureRecord[]> {
  const groups = Map.groupBy(records, (record) => record.agencyId);
  for (const list of groups.values()) list.sort((a, b) => a.year - b.year);
  return groups;
}

/**
 * An agency's charts: for each indicator it reported in two or more years, its values by year
 * (oldest first). Indicators in the order of the list.
 */
export function agencyCharts(
  records: readonly FigureRecord[],
  indicators: readonly IndicatorInfo[],
): { indicator: IndicatorInfo; records: FigureRecord[] }[] {
  const byIndicator = Map.groupBy(records, (record) => record.indicator);
  return indicators.flatMap((indicator) => {
    const own = (byIndicator.get(indicator.id) ?? []).toSorted((a, b) => a.year - b.year);
    return new Set(own.map((record) => record.year)).size >= 2 ? [{ indicator, records: own }] : [];
  });
}

/**
 * A year's charts: for each indicator reported that year, the agencies compared, largest value
 * first (equal values by agency name).
 */
export function yearCharts(
  records: readonly FigureRecord[],
  indicators: readonly IndicatorInfo[],
): { indicator: IndicatorInfo; records: FigureRecord[] }[] {
  const byIndicator = Map.groupBy(records, (record) => record.indicator);
  return indicators.flatMap((indicator) => {
    const own = byIndicator.get(indicator.id) ?? [];
    return own.length ? [{ indicator, records: own.toSorted(byValueDescending) }] : [];
  });
}

export const byValueDescending = (a: FigureRecord, b: FigureRecord): number =>
  b.value - a.value || a.agencyShortName.localeCompare(b.agencyShortName, 'zh-CN');

/**
 * For /data/: each indicator with how many agencies and years report it, the most reported
 * first (a reader comes for the data there is), then in indicators.yml's order.
 */
export function indicatorCoverage(
  records: readonly FigureRecord[],
  indicators: readonly IndicatorInfo[],
): { indicator: IndicatorInfo; agencies: number; years: number; figures: number }[] {
  const byIndicator = Map.groupBy(records, (record) => record.indicator);
  return indicators
    .map((indicator) => {
      const own = byIndicator.get(indicator.id) ?? [];
      return {
        indicator,
        agencies: new Set(own.map((record) => record.agencyId)).size,
        years: new Set(own.map((record) => record.year)).size,
        figures: own.length,
      };
    })
    .toSorted((a, b) => b.agencies - a.agencies || b.years - a.years);
}

/**
 * An indicator's values as evaluators tabulate them: a row per agency (by name), a column per
 * year (newest first), a cell where the agency's report of that year states the value.
 */
export function valueMatrix(records: readonly FigureRecord[]): {
  years: number[];
  rows: { agencyId: string; agencyShortName: string; cells: (FigureRecord | undefined)[] }[];
} {
  const years = [...new Set(records.map((record) => record.year))].sort((a, b) => b - a);
  const rows = [...seriesByAgency(records).values()]
    .map((series) => ({
      agencyId: series[0]!.agencyId,
      agencyShortName: series[0]!.agencyShortName,
      cells: years.map((year) => series.find((record) => record.year === year)),
    }))
    .sort(
      (a, b) =>
        a.agencyShortName.localeCompare(b.agencyShortName, 'zh-CN') ||
        a.agencyId.localeCompare(b.agencyId),
    );
  return { years, rows };
}

/**
 * The paragraphs a report's figures are stated in, with the label they show (指标：数值); a
 * paragraph stating several figures names them all, in the order of the list.
 */
export function figureTags(
  figures: readonly (FigureRecord & { name: string })[],
): Map<string, string> {
  const tags = new Map<string, string>();
  for (const figure of figures) {
    const label = `${figure.name}：${formatValue(figure.value, figure.unit, figure.approx)}`;
    const before = tags.get(figure.paragraph);
    tags.set(figure.paragraph, before ? `${before}；${label}` : label);
  }
  return tags;
}

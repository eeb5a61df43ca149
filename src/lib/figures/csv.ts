import type { FigureRecord } from './records.ts';

/** Excel reads a CSV as UTF-8 (and so shows Chinese) only when the file starts with a BOM. */
export const BOM = '\ufeff';

/** The columns of figures.csv and <indicator>.csv, in order (also the keys of figures.json). */
export const FIGURE_COLUMNS = [
  'agency_id',
  'agency_name',
  'year',
  'indicator',
  'value',
  'unit',
  'approx',
  'url',
] as const;

export type FigureRow = Record<(typeof FIGURE_COLUMNS)[number], string | number | boolean>;

/** One download row of a record; `url` is the absolute address of the paragraph. */
export function figureRow(record: FigureRecord, url: string): FigureRow {
  return {
    agency_id: record.agencyId,
    agency_name: record.agencyName,
    year: record.year,
    indicator: record.indicator,
    value: record.value,
    unit: record.unit,
    approx: record.approx,
    url,
  };
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function field(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV with a header line, CRLF line ends and a BOM. */
export function toCsv(rows: readonly FigureRow[]): string {
  const lines = [
    FIGURE_COLUMNS.join(','),
    ...rows.map((row) => FIGURE_COLUMNS.map((key) => field(row[key])).join(',')),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

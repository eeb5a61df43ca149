/**
 * The scale and layout of the site's bar charts, made at build time as inline SVG
 * (src/components/FigureChart.astro). One bar per row under a line with its label and value, so
 * a chart reads at 320 px as at 1280 px, with the largest text, and every number is on the page,
 * not only a length. Positions are in percent of the chart's width, so text keeps its size.
 */

/** Bars use at most this share of the width (the axis line takes the first pixel). */
export const BAR_AREA = 99;
/** A value above zero never draws thinner than this (percent of the bar area), however small. */
export const MIN_BAR = 0.6;
/** Row geometry in CSS pixels: the label line, then the bar. */
export const ROW = { label: 22, bar: 16, gap: 14 } as const;

/** The round number at or above `value` that the axis ends at: 1, 2, 2.5, 5 × 10ⁿ. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10])
    if (value <= step * power + 1e-9 * power) return step * power;
  return 10 * power;
}

/**
 * The top of the scale for `values` in `unit`. Percentages are drawn against 100% (a rate of
 * 98% fills almost the bar area, as a reader expects), unless a value exceeds it. The scale
 * always starts at zero: a bar's length is the value's share of the top.
 */
export function scaleMax(values: readonly number[], unit: string): number {
  const max = Math.max(0, ...values);
  if (unit === '%' && max <= 100) return 100;
  return niceMax(max);
}

/** A bar's length in percent of the chart width: zero for zero, never invisible otherwise. */
export function barWidth(value: number, max: number): number {
  if (!(value > 0)) return 0;
  // Two decimals: a hundredth of a percent is below a pixel, and a year page has many bars.
  return Math.round(Math.max(MIN_BAR, (value / max) * 100) * BAR_AREA) / 100;
}

export interface ChartInput {
  label: string;
  value: number;
  /** The value as written on the chart, e.g. 36件 or 9000余处. */
  text: string;
  href: string;
}

export interface ChartBar extends ChartInput {
  /** Top of the row's label line and of its bar, in px. */
  labelY: number;
  barY: number;
  /** Bar length in percent of the chart width. */
  width: number;
}

/** Bars in the given order, placed; and the chart's height. */
export function layoutChart(
  rows: readonly ChartInput[],
  unit: string,
): { bars: ChartBar[]; height: number; max: number } {
  const max = scaleMax(
    rows.map((row) => row.value),
    unit,
  );
  const step = ROW.label + ROW.bar + ROW.gap;
  const bars = rows.map((row, i) => ({
    ...row,
    labelY: i * step,
    barY: i * step + ROW.label,
    width: barWidth(row.value, max),
  }));
  return { bars, height: Math.max(step * rows.length - ROW.gap, 1), max };
}

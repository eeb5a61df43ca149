import type { ComparedPart, ReportRef } from '../lib/portal/index-pages.ts';
import type { Report } from './reports.ts';

/** The fields the listing pages group reports by. */
export function toRef(report: Report): ReportRef & { report: Report } {
  const { year, published, agency } = report.data;
  // Only a draft may lack a date; it sorts as the oldest of its year.
  return { folder: report.folder, year, published: published ?? '', agency, report };
}

/** A report's parts as the agency page compares them: headings only, never the full text. */
export function comparedParts(report: Report): ComparedPart[] {
  return report.outline.map((part) => ({
    id: part.id,
    heading: part.heading,
    item: part.item,
    children: part.children.map((child) => ({ id: child.id, heading: child.heading })),
  }));
}

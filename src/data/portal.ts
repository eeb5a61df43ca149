import type { ComparedPart } from '../lib/portal/index-pages.ts';
import type { Report } from './reports.ts';

/** A report's parts as the agency page compares them: headings only, never the full text. */
export function comparedParts(report: Report): ComparedPart[] {
  return report.outline.map((part) => ({
    id: part.id,
    heading: part.heading,
    item: part.item,
    children: part.children.map((child) => ({ id: child.id, heading: child.heading })),
  }));
}

import { siteOptions } from './options.ts';

/**
 * The reports this build publishes: all of them with drafts on (`npm run dev`,
 * `npm run build -- --drafts`), the finished ones otherwise. Every page, the search index and any
 * feed get their reports through src/data/, so a draft left out here never reaches them.
 */
export function publishedReports<T extends { data: { draft?: boolean | undefined } }>(
  reports: readonly T[],
  drafts = siteOptions().drafts,
): T[] {
  return reports.filter((report) => drafts || !report.data.draft);
}

import { DRAFTS_ENV } from '../node/build-options.ts';

/**
 * Whether this build shows reports marked `draft: true`: `npm run dev` and
 * `npm run build -- --drafts` do, a normal build does not. Every page, the search index and any
 * feed get their reports through src/data/, so a draft left out here never reaches them.
 */
export function draftsIncluded(): boolean {
  return process.env[DRAFTS_ENV] === '1' || import.meta.env?.DEV === true;
}

/** The reports this build publishes: all of them with drafts on, the finished ones otherwise. */
export function publishedReports<T extends { data: { draft?: boolean | undefined } }>(
  reports: readonly T[],
  drafts = draftsIncluded(),
): T[] {
  return reports.filter((report) => drafts || !report.data.draft);
}

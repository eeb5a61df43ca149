/**
 * The newest entries a feed holds. A feed tells its readers what is new; the archive is the site
 * (and /changes.json lists every event). With every report in it, a province's feed weighed
 * megabytes, fetched again by every reader at every poll; a hundred entries cover more than a
 * spring's publications between two polls.
 */
export const FEED_ENTRIES = 100;

/** The newest `limit` entries by publication, newest first; equal dates keep their order. */
export function newestEntries<T extends { published?: Date | undefined }>(
  entries: readonly T[],
  limit = FEED_ENTRIES,
): T[] {
  const time = (entry: T) => entry.published?.getTime() ?? 0;
  return [...entries].sort((a, b) => time(b) - time(a)).slice(0, limit);
}

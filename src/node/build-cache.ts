import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where build caches live: ignored by git (node_modules/), emptied by `rm -rf node_modules`. */
export function cacheRoot(): string {
  return path.resolve(process.env['FZZF_CACHE_DIR'] ?? 'node_modules/.cache/fzzf');
}

export interface BuildCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Writes the entries to disk if any was added; also done when the process exits. */
  save(): void;
}

/**
 * A key-value cache kept on disk between builds, for results that depend only on their key.
 * `version` names everything else the values depend on (library versions, output format):
 * it is part of the file name, so a change starts an empty cache and a stale entry is never
 * read. Entries are loaded on first use and written when the process exits, atomically (a
 * temporary file renamed over the old one), so builds running side by side never read half a
 * file; the worst a race does is drop entries, which are then computed again.
 */
export function buildCache<V>(name: string, version: string): BuildCache<V> {
  const tag = createHash('sha256').update(version).digest('hex').slice(0, 16);
  // Resolved on first use, so a test or a tool can point FZZF_CACHE_DIR elsewhere first.
  let file = '';
  let entries: Map<string, V> | undefined;
  let dirty = false;
  const load = () => {
    if (entries) return entries;
    file = path.join(cacheRoot(), `${name}-${tag}.json`);
    try {
      entries = new Map(
        Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, V>),
      );
    } catch {
      // No cache yet, or an unreadable one: start empty, it is only a cache.
      entries = new Map();
    }
    return entries;
  };
  const cache: BuildCache<V> = {
    get: (key) => load().get(key),
    set(key, value) {
      load().set(key, value);
      if (!dirty) process.once('exit', () => cache.save());
      dirty = true;
    },
    save() {
      if (!dirty || !entries) return;
      dirty = false;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(Object.fromEntries(entries)));
        renameSync(temporary, file);
      } catch {
        // A read-only or full disk costs the next build time, never its result.
      }
    },
  };
  return cache;
}

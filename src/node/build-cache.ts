import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Threads of one build (the content check's, the index writers') save the same caches: each
// writes its own temporary file.
import { threadId } from 'node:worker_threads';

/** Where build caches live: ignored by git (node_modules/), emptied by `rm -rf node_modules`. */
export function cacheRoot(): string {
  return path.resolve(process.env['FZZF_CACHE_DIR'] ?? 'node_modules/.cache/fzzf');
}

/** A cache's name tag for `version`: short, safe in a file name, new whenever it changes. */
function versionTag(version: string | (() => string)): string {
  return createHash('sha256')
    .update(typeof version === 'string' ? version : version())
    .digest('hex')
    .slice(0, 16);
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
export function buildCache<V>(
  name: string,
  version: string | (() => string),
  options: { keepOnlyUsed?: boolean } = {},
): BuildCache<V> {
  // Resolved on first use, so a test or a tool can point FZZF_CACHE_DIR elsewhere first.
  let file = '';
  let entries: Map<string, V> | undefined;
  const used = new Set<string>();
  let dirty = false;
  const load = () => {
    if (entries) return entries;
    file = path.join(cacheRoot(), `${name}-${versionTag(version)}.json`);
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
    get(key) {
      const value = load().get(key);
      if (value !== undefined) used.add(key);
      return value;
    },
    set(key, value) {
      load().set(key, value);
      used.add(key);
      if (!dirty) process.once('exit', () => cache.save());
      dirty = true;
    },
    save() {
      if (!dirty || !entries) return;
      dirty = false;
      // A run that visits every key (the content check reads every file) drops what it did not
      // visit: old versions of edited files would otherwise pile up.
      if (options.keepOnlyUsed)
        for (const key of entries.keys()) if (!used.has(key)) entries.delete(key);
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}-${threadId}.tmp`;
        writeFileSync(temporary, JSON.stringify(Object.fromEntries(entries)));
        renameSync(temporary, file);
        // Files of other versions (older code or packages) would never be read again.
        const others = new RegExp(`^${name}-[0-9a-f]{16}\\.json$`);
        for (const other of readdirSync(path.dirname(file)))
          if (others.test(other) && path.join(path.dirname(file), other) !== file)
            rmSync(path.join(path.dirname(file), other), { force: true });
      } catch {
        // A read-only or full disk costs the next build time, never its result.
      }
    },
  };
  return cache;
}

/**
 * A fingerprint of the code under `folders` of `srcDir` and of the installed packages
 * (package-lock.json beside `srcDir`): any edit to them changes it. For caches of results that
 * this code computes.
 */
export function sourceVersion(srcDir: URL, folders: string[]): string {
  const hash = createHash('sha256');
  const root = fileURLToPath(srcDir);
  const add = (file: string) => {
    try {
      hash.update(path.relative(root, file)).update('\0').update(readFileSync(file));
    } catch {
      // A missing file is part of the fingerprint by its absence.
    }
  };
  for (const folder of folders) {
    const files = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) add(file);
  }
  add(path.join(root, '..', 'package-lock.json'));
  return hash.digest('hex');
}

export interface EntryCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Removes the entries this process neither read nor wrote, and other versions' folders. */
  prune(): void;
}

/**
 * A cache kept on disk between builds with one file per entry, for results per page or per
 * report: a build reads only the entries it asks for and writes only the new ones, so its cost
 * follows what changed rather than the size of the site (one JSON file of every entry is read
 * and written whole). `version` names the folder, as in buildCache, so a change to the code
 * starts an empty one. Keys must be safe as file names (a base64url or hex digest). Each entry
 * is written to a temporary file renamed over its name: a reader sees a whole entry or none,
 * and anything unreadable is only a miss.
 */
export function entryCache<V>(
  name: string,
  version: string | (() => string),
  options: { pruneOnExit?: boolean } = {},
): EntryCache<V> {
  let dir = '';
  const used = new Set<string>();
  let pruning = false;
  const folder = () => {
    if (dir) return dir;
    dir = path.join(cacheRoot(), `${name}-${versionTag(version)}`);
    return dir;
  };
  const cache: EntryCache<V> = {
    get(key) {
      try {
        const value = JSON.parse(readFileSync(path.join(folder(), `${key}.json`), 'utf8')) as V;
        used.add(key);
        return value;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      used.add(key);
      // A process that visits every entry (the content check reads every folder) drops, when it
      // ends, those it did not visit: old versions of edited folders would otherwise pile up.
      if (options.pruneOnExit && !pruning) process.once('exit', () => cache.prune());
      pruning = true;
      const file = path.join(folder(), `${key}.json`);
      try {
        mkdirSync(folder(), { recursive: true });
        const temporary = `${file}.${process.pid}-${threadId}.tmp`;
        writeFileSync(temporary, JSON.stringify(value));
        renameSync(temporary, file);
      } catch {
        // A read-only or full disk costs the next build time, never its result.
      }
    },
    prune() {
      try {
        const current = folder();
        for (const entry of readdirSync(current))
          if (!used.has(entry.replace(/\.json$/, '')))
            rmSync(path.join(current, entry), { force: true });
        // Other versions' folders, and a file of every entry as buildCache keeps them.
        const others = new RegExp(`^${name}-[0-9a-f]{16}(?:\\.json)?$`);
        for (const other of readdirSync(path.dirname(current)))
          if (others.test(other) && path.join(path.dirname(current), other) !== current)
            rmSync(path.join(path.dirname(current), other), { recursive: true, force: true });
      } catch {
        // Nothing cached yet, or a read-only disk: nothing to remove.
      }
    },
  };
  return cache;
}

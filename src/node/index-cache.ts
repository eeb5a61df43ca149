import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { cacheRoot } from './build-cache.ts';

/**
 * The last search indexes Pagefind wrote (one per group of years, src/lib/search/index-groups.ts), kept between builds under the cache folder and keyed by
 * everything it was made from (the records, in order, and the installed packages, Pagefind among
 * them). A build whose records are the same as last time (a rebuild, a change to a stylesheet or
 * a template that leaves the text alone), or a group whose years' records are unchanged, takes the index from here instead of indexing again. Files are
 * hard-linked where the file system allows: nothing ever writes into a published index, so
 * sharing the files is safe, and copying thousands of fragments would cost most of the gain.
 */

const MARKER = '.complete';

/**
 * What a stored index folder holds beyond Pagefind's own output (src/node/engine-files.ts, unused
 * interfaces removed): a change to that changes this, so no older folder is taken for a new one.
 */
const STORED_LAYOUT =
  'engine minified and precompressed (.br), or removed from nested groups; WebAssembly recompressed; interfaces removed';

/** The key of an index: a hash of its records and of the project's package-lock.json. */
export function indexKey(records: readonly unknown[], root: string): string {
  const hash = createHash('sha256');
  try {
    hash.update(readFileSync(path.join(root, 'package-lock.json')));
  } catch {
    hash.update('no package-lock.json');
  }
  hash.update(`\n${STORED_LAYOUT}\n`);
  for (const record of records) hash.update(JSON.stringify(record)).update('\n');
  return hash.digest('hex').slice(0, 32);
}

const folderOf = (key: string, root = cacheRoot()) => path.join(root, `search-index-${key}`);

/** Puts the cached index of `key` at `target` (which must not exist); false when there is none. */
export function restoreIndex(key: string, target: string): boolean {
  const cached = folderOf(key);
  try {
    statSync(path.join(cached, MARKER));
  } catch {
    return false;
  }
  try {
    linkTree(cached, target);
    rmSync(path.join(target, MARKER), { force: true });
    return true;
  } catch {
    // A damaged cache only costs indexing again.
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/**
 * Keeps the index at `source` as the cached one for `key`. Folders named in `skip` (the other
 * groups' indexes nested in the primary's folder) are not part of it.
 */
export function storeIndex(key: string, source: string, skip: readonly string[] = []): void {
  const root = cacheRoot();
  const folder = folderOf(key, root);
  const temporary = `${folder}.${process.pid}.tmp`;
  try {
    rmSync(temporary, { recursive: true, force: true });
    linkTree(source, temporary, new Set(skip));
    writeFileSync(path.join(temporary, MARKER), '');
    rmSync(folder, { recursive: true, force: true });
    renameSync(temporary, folder);
  } catch {
    // A read-only or full disk costs the next build time, never its result.
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** Removes every cached index but those of `keys` (the last build's), and leftovers of killed builds. */
export function keepIndexes(keys: readonly string[]): void {
  const root = cacheRoot();
  const kept = new Set(keys.map((key) => path.basename(folderOf(key, root))));
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith('search-index-') || kept.has(name)) continue;
    const other = path.join(root, name);
    // Renamed away before it is deleted: a build linking from it at this moment then fails
    // outright (and indexes again) instead of taking a half-deleted index. Leftovers of
    // killed builds (.tmp, .old) go the same way.
    const doomed = `${other}.${process.pid}.old`;
    try {
      renameSync(other, doomed);
    } catch {
      continue; // Another build removed it first.
    }
    rmSync(doomed, { recursive: true, force: true });
  }
}

function linkTree(from: string, to: string, skip = new Set<string>()): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else
      try {
        linkSync(source, target);
      } catch {
        // Another file system, or one without hard links.
        copyFileSync(source, target);
      }
  }
}

import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { cacheRoot } from './build-cache.ts';

/**
 * Everything a build's output is made from: the content, the code that renders it, the installed
 * packages and the options. When it is byte for byte what the live site was built from, building
 * again would publish the same bytes, so the build stops at once and leaves `dist/` as it is.
 * A record of the last published build (its version folder and this fingerprint) is kept under
 * the cache folder, keyed by the output folder; nothing is written beside `dist/`.
 */

/** Files and folders, relative to the project, that shape the output besides the content. */
const CODE = ['astro.config.mjs', 'package-lock.json', 'tsconfig.json', 'src', 'public', 'tools'];

export interface BuildInputs {
  /** The project's root folder. */
  root: string;
  /** Content files and folders the build reads (reports, synonyms, site identity, guide). */
  content: readonly string[];
  /** Options that change the output: the address, drafts, and anything else named here. */
  settings: Readonly<Record<string, string | boolean | undefined>>;
}

/**
 * A hash of every file under `inputs` (names and bytes, in a fixed order) and of the settings.
 * The bytes of each content file go into `read` (absolute path → bytes) when it is given, so the
 * content check that follows need not read them again.
 */
export function inputFingerprint(
  { root, content, settings }: BuildInputs,
  read?: Map<string, Buffer>,
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ node: process.version, settings })).update('\0');
  const contentItems = content.map((item) => path.resolve(root, item));
  const add = (file: string, keep: boolean) => {
    let entries: string[] | undefined;
    try {
      entries = readdirSync(file).sort();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        hash.update(`missing ${file}\0`);
        return;
      }
      if (code !== 'ENOTDIR') throw error;
    }
    if (!entries) {
      const bytes = readFileSync(file);
      hash.update(`${path.relative(root, file)}\0`).update(bytes);
      hash.update('\0');
      if (keep) read?.set(file, bytes);
      return;
    }
    for (const entry of entries) add(path.join(file, entry), keep);
  };
  const items = [...CODE.map((name) => path.join(root, name)), ...content].map((item) =>
    path.resolve(root, item),
  );
  // A file inside another listed folder (content/reports inside content/) is hashed once.
  const inside = (item: string) =>
    items.some((other) => other !== item && item.startsWith(`${other}${path.sep}`));
  for (const item of [...new Set(items)].filter((item) => !inside(item)))
    add(
      item,
      contentItems.some((each) => item === each || item.startsWith(`${each}${path.sep}`)),
    );
  return hash.digest('hex');
}

interface PublishedRecord {
  /** The version folder `dist` linked to when the record was written. */
  version: string;
  fingerprint: string;
}

const recordFile = (outDir: string) =>
  path.join(
    cacheRoot(),
    `published-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}.json`,
  );

/**
 * True when `outDir` is a link to the version the last recorded build published, and that build
 * had the same fingerprint: the site it serves is already what a build would write.
 */
export function alreadyPublished(outDir: string, fingerprint: string): boolean {
  let record: PublishedRecord;
  let live: string;
  try {
    record = JSON.parse(readFileSync(recordFile(outDir), 'utf8')) as PublishedRecord;
    live = path.resolve(path.dirname(outDir), readlinkSync(outDir));
    // The folder itself must still be there, whole (a link can outlive its target).
    if (realpathSync(live) !== live) return false;
  } catch {
    return false;
  }
  return record.version === live && record.fingerprint === fingerprint;
}

/** Records that `version`, now live at `outDir`, was built from `fingerprint`. */
export function recordPublished(outDir: string, version: string, fingerprint: string): void {
  const file = recordFile(outDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}`;
  const record: PublishedRecord = { version, fingerprint };
  writeFileSync(temporary, JSON.stringify(record));
  renameSync(temporary, file);
}

import { existsSync, linkSync, mkdirSync } from 'node:fs';
import { copyFile, link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pageWritten } from './page-written.ts';

/**
 * Astro's incremental build (`experimental.incrementalBuild`) keeps a copy of every page it
 * renders in its cache folder and copies the unchanged ones back on the next build: at a few
 * thousand reports that is tens of thousands of files written twice on a clean build, and copied
 * on every build after. Here the cached copy and the page are one file with two names (a hard
 * link) instead: the page is linked into the cache when rendered, and linked back into the next
 * build when unchanged, and nothing is copied.
 *
 * This is safe only while no file is ever written in place, since a cached file may also be a
 * page of the live site: a page rendered again gets a new cached file (the old name is removed
 * first, then linked to the new page), and nothing rewrites a built page in place (a step that
 * changes one removes it and writes a new file, as the search index step does). Where links are
 * impossible (another file system) the files are copied, as Astro does.
 *
 * Astro offers no option for this: the two methods of its cache class that copy are replaced.
 * When a later Astro no longer has them, nothing is replaced and Astro copies, as before.
 *
 * Each page is announced (src/node/page-written.ts) once it is complete in the output folder:
 * after Astro has written it whole (Astro hands a rendered page to its cache only then), or once
 * it is linked back from the cache.
 */
export async function linkIncrementalCache(): Promise<boolean> {
  const astroDir = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  let cacheClass: { prototype: Partial<CacheMethods> } | undefined;
  try {
    // The module Astro's build imports, by its file: the package exports no path to it.
    const module = (await import(
      pathToFileURL(path.join(astroDir, 'dist/core/build/incremental.js')).href
    )) as { IncrementalBuildCache?: { prototype: Partial<CacheMethods> } };
    cacheClass = module.IncrementalBuildCache;
  } catch {
    return false;
  }
  const methods = cacheClass?.prototype;
  if (
    !methods ||
    typeof methods.restoreOutputFile !== 'function' ||
    typeof methods.writeOutputFile !== 'function' ||
    methods.restoreOutputFile.length !== 3 ||
    methods.writeOutputFile.length !== 3
  )
    return false;
  const created = new Set<string>();
  const ensureDir = async (dir: URL) => {
    if (created.has(dir.href)) return;
    await mkdir(dir, { recursive: true });
    created.add(dir.href);
  };
  methods.restoreOutputFile = async function (settings, outputFile, destination) {
    const cached = cachedFile(settings, outputFile);
    if (!existsSync(cached)) return false;
    // Synchronous on purpose: a folder and a link are each a system call of a few microseconds,
    // which a round trip through the thread pool costs several times over, once per page.
    const dir = new URL('./', destination);
    if (!created.has(dir.href)) {
      mkdirSync(dir, { recursive: true });
      created.add(dir.href);
    }
    try {
      linkSync(cached, destination);
    } catch {
      await copyFile(cached, destination);
    }
    pageWritten(outputFile);
    return true;
  };
  methods.writeOutputFile = async function (settings, outputFile, body) {
    const cached = cachedFile(settings, outputFile);
    // Astro has just written the page there with these bytes.
    const page = new URL(outputFile, settings.config.outDir);
    await ensureDir(new URL('./', cached));
    // Never written into: the old cached file may be a page of the live site.
    await unlink(cached).catch(() => undefined);
    await link(page, cached).catch(async () => {
      await unlink(cached).catch(() => undefined);
      await writeFile(cached, body);
    });
    pageWritten(outputFile);
  };
  return true;
}

interface CacheSettings {
  config: { cacheDir: URL; outDir: URL };
}

interface CacheMethods {
  restoreOutputFile(
    settings: CacheSettings,
    outputFile: string,
    destination: URL,
  ): Promise<boolean>;
  writeOutputFile(
    settings: CacheSettings,
    outputFile: string,
    body: Uint8Array | string,
  ): Promise<void>;
}

/** Where Astro keeps a page's cached copy (its getCachedOutputFile). */
function cachedFile(settings: CacheSettings, outputFile: string): URL {
  return new URL(outputFile, new URL('dist/', settings.config.cacheDir));
}

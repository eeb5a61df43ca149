import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sourceVersion } from './build-cache.ts';
import { publishPaths } from './publish.ts';

/**
 * The folders one build uses. Their names depend only on the output folder, never on the run:
 * Astro keeps its content store (parsed and rendered Markdown) between builds only while its
 * configuration is unchanged, and the staging folder is part of that configuration, so a
 * per-run name would throw the store away on every build.
 */
export function buildFolders(
  root: string,
  outDirSetting: string | undefined,
  renderVersion?: string,
): { outDir: string; staging: string; cacheDir: string; trash: string } {
  const outDir = path.resolve(root, outDirSetting ?? 'dist');
  const defaultOut = outDir === path.join(root, 'dist');
  const outKey = `out-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}`;
  return {
    outDir,
    // Inside the versions folder (src/node/publish.ts): on the same file system as the versions,
    // so the finished build becomes one by a rename, and out of sight beside dist/.
    staging: path.join(publishPaths(outDir).versions, 'staging'),
    // Each output folder has its own Astro cache, under node_modules/ so nothing appears beside
    // dist/: builds of different content (test fixtures, run side by side) would otherwise keep
    // clearing one shared store.
    cacheDir: path.join(
      root,
      'node_modules',
      '.astro',
      ...(defaultOut ? [] : [outKey]),
      // Astro keeps rendered Markdown while the content and its configuration are unchanged, but
      // does not see a change to the site's Markdown plugins (functions are not part of its
      // configuration's fingerprint): the code that renders content names the store.
      ...(renderVersion ? [`${RENDER_PREFIX}${renderVersion}`] : []),
    ),
    // Replaced versions wait here to be deleted during the next build (src/node/publish.ts):
    // out of sight, and on the project's disk, where dist/ is too unless OUT_DIR moves it.
    trash: path.join(root, 'node_modules', '.cache', 'fzzf-replaced', defaultOut ? 'dist' : outKey),
  };
}

const RENDER_PREFIX = 'render-';

/**
 * A fingerprint of the code that shapes rendered content: the Markdown plugins and what they
 * use (ids, labels, schemas), and the installed packages.
 */
export function renderVersion(srcDir: URL): string {
  return sourceVersion(srcDir, ['markdown', 'lib', 'i18n', 'schemas']).slice(0, 12);
}

/** Removes the content stores of other render versions beside `cacheDir`: never read again. */
export function removeOtherRenderStores(cacheDir: string): void {
  const parent = path.dirname(cacheDir);
  for (const name of readdirSync(parent, { withFileTypes: true }).map((entry) => entry.name))
    if (name.startsWith(RENDER_PREFIX) && path.join(parent, name) !== cacheDir)
      rmSync(path.join(parent, name), { recursive: true, force: true });
}

/**
 * The dev server keeps its content store in .astro/ across runs, with the same blind spot: when
 * the render version differs from the one the store was made with, the store is dropped.
 */
export function forgetStaleDevStore(root: string, version: string): void {
  const dotAstro = path.join(root, '.astro');
  const stamp = path.join(dotAstro, 'fzzf-render-version');
  let previous: string | undefined;
  try {
    previous = readFileSync(stamp, 'utf8');
  } catch {
    // No stamp: a store without one was made by older code.
  }
  if (previous === version) return;
  rmSync(path.join(dotAstro, 'data-store.json'), { force: true });
  mkdirSync(dotAstro, { recursive: true });
  writeFileSync(stamp, version);
}

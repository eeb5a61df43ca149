import { spawn } from 'node:child_process';
import { rename } from 'node:fs/promises';
import path from 'node:path';

/**
 * The folders one build uses. Their names depend only on the output folder, never on the run:
 * Astro keeps its content store (parsed and rendered Markdown) between builds only while its
 * configuration is unchanged, and the staging folder is part of that configuration, so a
 * per-run name would throw the store away on every build.
 */
export function buildFolders(
  root: string,
  outDirSetting: string | undefined,
): { outDir: string; staging: string; previous: string; cacheDir: string } {
  const outDir = path.resolve(root, outDirSetting ?? 'dist');
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  return {
    outDir,
    staging: path.join(parent, `.${name}-staging`),
    previous: path.join(parent, `.${name}-previous`),
    // Each output folder has its own Astro cache: builds of different content (test fixtures,
    // run side by side) would otherwise keep clearing one shared store.
    cacheDir:
      outDir === path.join(root, 'dist')
        ? path.join(root, 'node_modules', '.astro')
        : path.join(parent, `.astro-cache-${name}`),
  };
}

/**
 * Removes a folder without making the build wait: it is renamed aside at once (the name is free
 * for the next build) and deleted by a detached process. Deleting the previous site, thousands
 * of pages, took seconds at the end of every build.
 */
let discarded = 0;
export async function discardFolder(dir: string): Promise<void> {
  discarded += 1;
  const aside = `${dir}-${process.pid}-${discarded}`;
  await rename(dir, aside);
  spawn(
    process.execPath,
    ['-e', "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })", aside],
    { detached: true, stdio: 'ignore' },
  ).unref();
}

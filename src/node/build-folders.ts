import { createHash } from 'node:crypto';
import path from 'node:path';
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
): { outDir: string; staging: string; cacheDir: string } {
  const outDir = path.resolve(root, outDirSetting ?? 'dist');
  const defaultOut = outDir === path.join(root, 'dist');
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
      ...(defaultOut
        ? []
        : [`out-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}`]),
    ),
  };
}

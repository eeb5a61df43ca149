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

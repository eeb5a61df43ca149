import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { precompressFile, precompressFolder } from '../node/compression.ts';

/**
 * Writes `<file>.br` beside the stylesheets and scripts Astro emits (src/node/compression.ts):
 * every page loads them (and the site's icon), so they go at Brotli's best, not at the level
 * nginx can afford per request. Pagefind's script gets its own with the index (src/node/engine-files.ts).
 */
export default function precompress(): AstroIntegration {
  return {
    name: 'fzzf:precompress',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        await precompressFolder(path.join(root, '_astro'));
        // Every first visit fetches the icon too.
        const icon = path.join(root, 'favicon.svg');
        if (existsSync(icon)) await precompressFile(icon);
      },
    },
  };
}
